import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import type { MyCalls, MyCallsHub } from '@shared/contract';
import { nextTerm, previousTerm, termOf } from '@shared/domain/calls';
import { useQueryOf } from '../data/queries';
import { PageHeader } from '../components/PageHeader';
import { Loaded } from '../data/Loaded';
import { DataTable } from '../components/DataTable';
import { formatDate } from '../components/format';
import { CallStatus } from './calls/status';

const STATUS_ORDER = { overdue: 0, due: 1, 'not yet due': 2, held: 3 } as const;

/** "My calls": the hubs of the Memberships Manager chosen in Settings, and this term's calls held, due or overdue. */
export function CallsPage() {
  const [term, setTerm] = useState<string | null>(null);
  const calls = useQueryOf('myCalls', term ? { term } : {});
  return (
    <Loaded query={calls} error="Could not load your calls" loading="Loading calls…">
      {(d) => <MyCallsView d={d} onTerm={setTerm} />}
    </Loaded>
  );
}

function MyCallsView({ d, onTerm }: { d: MyCalls; onTerm(term: string): void }) {
  const navigate = useNavigate();
  const shownTerm = d.term.id;
  const terms = useMemo(() => {
    const current = termOf(d.today).id;
    const prev = previousTerm(current);
    return [previousTerm(prev.id), prev, termOf(d.today), nextTerm(current)].map((t) => ({ id: t.id, label: t.id === current ? `${t.label} (this term)` : t.label }));
  }, [d]);

  const columns = useMemo<ColumnDef<MyCallsHub, unknown>[]>(
    () => [
      { header: 'Hub', accessorKey: 'hub', cell: (c) => <Link to={`/calls/${c.row.original.hubId}/${shownTerm}`}>{c.row.original.hub}</Link> },
      {
        id: 'hm',
        header: 'Hub Manager call',
        accessorFn: (r) => STATUS_ORDER[r.calls.hub_manager.status],
        cell: (c) => (
          <>
            <CallStatus state={c.row.original.calls.hub_manager} compact />
            <span className="muted block">{c.row.original.hubManagers.join(', ') || 'No Hub Manager recorded'}</span>
          </>
        ),
      },
      {
        id: 'sp',
        header: 'Senior Partner call',
        accessorFn: (r) => STATUS_ORDER[r.calls.senior_partner.status],
        cell: (c) => (
          <>
            <CallStatus state={c.row.original.calls.senior_partner} compact />
            <span className="muted block">{c.row.original.seniorPartner ?? 'No Senior Partner recorded'}</span>
          </>
        ),
      },
      {
        id: 'last',
        header: 'Last call',
        accessorFn: (r) => r.lastCall?.heldOn ?? '',
        cell: (c) => {
          const last = c.row.original.lastCall;
          return last ? `${formatDate(last.heldOn)} · ${last.kind === 'hub_manager' ? 'Hub Manager' : 'Senior Partner'}` : <span className="muted">None recorded</span>;
        },
      },
      {
        id: 'actions',
        header: 'Open actions',
        accessorFn: (r) => r.openActions,
        meta: { align: 'right' },
        cell: (c) => (
          <span className="num">
            {c.row.original.openActions}
            {c.row.original.overdueActions > 0 ? <span className="warn-text"> ({c.row.original.overdueActions} overdue)</span> : null}
          </span>
        ),
      },
    ],
    [shownTerm],
  );

  const termPicker = (
    <label className="inline-field">
      <span>Term</span>
      <select aria-label="Term" value={d.term.id} onChange={(e) => onTerm(e.target.value)}>
        {terms.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="calls">
      <PageHeader
        title="My calls"
        subtitle={d.manager ? `${d.manager.name} · ${d.term.label} (${formatDate(d.term.start)} to ${formatDate(d.term.end)}) · as at ${formatDate(d.today)}` : 'Termly catch-up calls with Hub Managers and Senior Partners'}
        actions={termPicker}
      />
      {!d.manager ? (
        <div className="empty-state">
          <p>hubdesk does not know who you are yet.</p>
          <p>
            Choose yourself under <Link to="/settings">Settings → I am</Link> to see the hubs you look after and their calls.
          </p>
        </div>
      ) : d.hubs.length === 0 ? (
        <div className="empty-state">No hubs have {d.manager.name} as their Memberships Manager.</div>
      ) : (
        <>
          <div className="kpis" aria-label="Calls this term">
            <div className="kpi">
              <span className="kpi-value">{d.totals.overdue}</span>
              <span className="kpi-label">Overdue</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{d.totals.due}</span>
              <span className="kpi-label">Due this term</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{d.totals.held}</span>
              <span className="kpi-label">Held</span>
            </div>
            {d.totals.notYetDue > 0 ? (
              <div className="kpi">
                <span className="kpi-value">{d.totals.notYetDue}</span>
                <span className="kpi-label">Not yet due</span>
              </div>
            ) : null}
          </div>
          <p className="hint">Each hub needs a Hub Manager call and a Senior Partner call every term. Open a hub for its call pack and to record a call.</p>
          <DataTable
            rows={d.hubs}
            columns={columns}
            label="My hubs' calls"
            rowKey={(r) => r.hubId}
            onOpen={(r) => navigate(`/calls/${r.hubId}/${d.term.id}`)}
          />
        </>
      )}
    </div>
  );
}
