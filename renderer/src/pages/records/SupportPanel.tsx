import { useState } from 'react';
import { Link } from 'react-router';
import type { SchoolDashboard, SupportRequestRecord } from '@shared/contract';
import { useApi } from '../../api/useApi';
import { formatDate } from '../../components/format';
import { UndoNotice } from '../../components/forms/UndoNotice';
import { SupportDialog, type EbiChoice } from './SupportDialog';

/** A support request's status as a coloured tag (styles.css: .tag-support-*). */
export function SupportStatusTag({ status }: { status: string }) {
  return <span className={`tag tag-support-${status.replace(/\s+/g, '-')}`}>{status}</span>;
}

/** Who a request went to: a link to the member school, the free text, or a dash. */
export function BrokeredTo({ r }: { r: Pick<SupportRequestRecord, 'brokeredToSchoolId' | 'brokeredToSchool' | 'brokeredTo'> }) {
  if (r.brokeredToSchoolId !== null) return <Link to={`/schools/${r.brokeredToSchoolId}`}>{r.brokeredToSchool}</Link>;
  if (r.brokeredTo) return <span>{r.brokeredTo} <span className="small muted">(outside the network)</span></span>;
  return <span className="muted">—</span>;
}

/** The school's EBIs from every review, newest review first, to log a request on. */
function ebisOf(d: SchoolDashboard): EbiChoice[] {
  return d.reviews.flatMap((r) => r.headings.flatMap((h) => h.ebi.map((e) => ({ id: e.id, year: r.year, text: e.text }))));
}

/**
 * The school page's "Support requests" panel (issue 11, point 6): what the school asked for support
 * on, who it was brokered to and its status; log a new request or change one, with undo.
 */
export function SupportPanel({ d }: { d: SchoolDashboard }) {
  const schoolId = d.school.id;
  const list = useApi(() => window.api.schoolSupportRequests({ schoolId }), [schoolId]);
  const [open, setOpen] = useState<{ request?: SupportRequestRecord } | null>(null);
  const [saved, setSaved] = useState<{ auditId: number; summary: string } | null>(null);
  const rows = list.data ?? [];
  const openCount = rows.filter((r) => r.status !== 'done' && r.status !== 'declined').length;
  return (
    <section className="panel records-panel support-panel" aria-labelledby="support-requests">
      <div className="panel-head">
        <h2 id="support-requests">
          Support requests
          {list.data ? <span className="dash-count">{rows.length}</span> : null}
        </h2>
        <button type="button" className="primary" onClick={() => setOpen({})}>
          Log a request
        </button>
      </div>
      {saved ? <UndoNotice key={saved.auditId} saved={saved} onUndone={list.reload} onClose={() => setSaved(null)} /> : null}
      {list.error ? (
        <p className="warn-text" role="alert">
          Could not load the support requests: {list.error.message}{' '}
          <button type="button" className="link-button" onClick={list.reload}>
            Retry
          </button>
        </p>
      ) : !list.data ? (
        <p aria-busy="true" className="small muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="empty-line">
          {d.school.name} has not asked for support yet. When it asks for help with an area (often one of its EBIs), log it here and record who it was brokered to.
        </p>
      ) : (
        <>
          <p className="small muted">{openCount === 0 ? 'None open.' : `${openCount} open (not yet done or declined).`}</p>
          <table className="data-table compact" aria-label="Support requests">
            <thead>
              <tr>
                <th>Requested</th>
                <th>Area of support</th>
                <th>Status</th>
                <th>Brokered to</th>
                <th>Notes</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-request={r.area}>
                  <td className="nowrap">{formatDate(r.requestedOn)}</td>
                  <td>
                    {r.area}
                    {r.ebiPointId !== null ? <span className="small muted block">EBI from its QA Review</span> : null}
                  </td>
                  <td>
                    <SupportStatusTag status={r.status} />
                  </td>
                  <td>
                    <BrokeredTo r={r} />
                  </td>
                  <td className="small">{r.notes ?? <span className="muted">—</span>}</td>
                  <td className="row-actions">
                    <button type="button" aria-label={`Change the request on ${r.area}`} onClick={() => setOpen({ request: r })}>
                      Broker / status…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {open ? (
        <SupportDialog
          schoolId={schoolId}
          school={d.school.name}
          year={d.year}
          today={d.today}
          ebis={ebisOf(d)}
          request={open.request}
          onCancel={() => setOpen(null)}
          onSaved={(r) => {
            setOpen(null);
            setSaved(r);
            list.reload();
          }}
        />
      ) : null}
    </section>
  );
}
