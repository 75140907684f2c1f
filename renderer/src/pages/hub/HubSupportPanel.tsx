import { Link } from 'react-router';
import type { HubDashboard } from '@shared/contract';
import { formatDate } from '../../components/format';
import { Panel } from '../../components/dashboard/Panel';
import { SupportCells } from '../../components/support';
import { countOf } from '@shared/plural';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';

/** Open requests per school, for the schools table's flag. */
export function openSupportBySchool(d: HubDashboard): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of d.supportRequests) out.set(r.schoolId, (out.get(r.schoolId) ?? 0) + 1);
  return out;
}

/**
 * The hub dashboard's "Support requests" panel: the hub's schools' requests that are still open,
 * brokered or in progress, oldest first, with who they were brokered to. Done and declined requests
 * stay on each school's page.
 */
export function HubSupportPanel({ d }: { d: HubDashboard }) {
  const rows = d.supportRequests;
  const schools = new Set(rows.map((r) => r.schoolId)).size;
  return (
    <Panel title="Support requests" count={rows.length} sources={[{ what: 'Support requests', source: 'Recorded in hubdesk', asAt: d.today }]} wide={rows.length > 0}>
      {rows.length === 0 ? (
        <p className="empty-line">No open support requests: none of the hub’s schools is waiting for support. Log a request from a school’s page.</p>
      ) : (
        <>
          <p className="small muted">
            {rows.length} open from {countOf(schools, 'school')} (open, brokered or in progress). Done and declined requests stay on each school’s page.
          </p>
          <GridTable label="Open support requests">
            <TableHead columns={['Requested', 'School', 'Area of support', 'Status', 'Brokered to']} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{formatDate(r.requestedOn)}</td>
                  <td>
                    <Link to={`/schools/${r.schoolId}`}>{r.school}</Link>
                  </td>
                  <SupportCells r={r} ebiNote="EBI" />
                </tr>
              ))}
            </tbody>
          </GridTable>
        </>
      )}
    </Panel>
  );
}
