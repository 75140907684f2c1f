import type { SchoolDashboard, SupportRequestRecord } from '@shared/contract';
import { useQueryOf } from '../../data/queries';
import { formatDate } from '../../components/format';
import { usePanelDialogs } from '../../components/forms/UndoNotice';
import { SupportCells } from '../../components/support';
import { SupportDialog, type EbiChoice } from '../../dialogs/SupportDialog';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';
import { ActionButton } from '../../components/ActionButton';

/** The school's EBIs from every review, newest review first, to log a request on. */
function ebisOf(d: SchoolDashboard): EbiChoice[] {
  return d.reviews.flatMap((r) => r.headings.flatMap((h) => h.ebi.map((e) => ({ id: e.id, year: r.year, text: e.text }))));
}

/**
 * The school page's "Support requests" panel: what the school asked for support on, who it was
 * brokered to and its status; log a new request or change one, with undo.
 */
export function SupportPanel({ d }: { d: SchoolDashboard }) {
  const schoolId = d.school.id;
  const list = useQueryOf('schoolSupportRequests', { schoolId });
  const { open, setOpen, close, saved, notice } = usePanelDialogs<{ request?: SupportRequestRecord }>();
  const rows = list.data ?? [];
  const openCount = rows.filter((r) => r.status !== 'done' && r.status !== 'declined').length;
  return (
    <section className="panel records-panel support-panel" aria-labelledby="support-requests">
      <div className="panel-head">
        <h2 id="support-requests">
          Support requests
          {list.data ? <span className="dash-count">{rows.length}</span> : null}
        </h2>
        <ActionButton method="addSupportRequest" className="primary" onClick={() => setOpen({})}>
          Log a request
        </ActionButton>
      </div>
      {notice}
      {list.error ? (
        <p className="warn-text" role="alert">
          Could not load the support requests: {list.error.message}{' '}
          <button type="button" className="link-button" onClick={() => void list.refetch()}>
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
          <GridTable label="Support requests">
            <TableHead columns={['Requested', 'Area of support', 'Status', 'Brokered to', 'Notes', { hidden: 'Actions' }]} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-request={r.area}>
                  <td className="nowrap">{formatDate(r.requestedOn)}</td>
                  <SupportCells r={r} ebiNote="EBI from its QA Review" />
                  <td className="small">{r.notes ?? <span className="muted">—</span>}</td>
                  <td className="row-actions">
                    <ActionButton method="updateSupportRequest" aria-label={`Change the request on ${r.area}`} onClick={() => setOpen({ request: r })}>
                      Broker / status…
                    </ActionButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </GridTable>
        </>
      )}
      {open ? (
        <SupportDialog
          schoolId={schoolId}
          school={d.school.name}
          year={d.year}
          today={d.today}
          ebis={ebisOf(d)}
          request={rows.find((r) => r.id === open.request?.id) ?? open.request}
          reload={list.refetch}
          onCancel={close}
          onSaved={saved}
        />
      ) : null}
    </section>
  );
}
