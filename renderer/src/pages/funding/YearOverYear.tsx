import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { FundingChangeRow, FundingChanges } from '@shared/contract';
import { useQueryOf } from '../../data/queries';
import { DataTable, mixedColumns } from '../../components/DataTable';
import { Loaded } from '../../data/Loaded';
import { Money } from './money';
import { countOf } from '@shared/plural';

const col = createColumnHelper<FundingChangeRow>();
const signedMoney = (header: string, key: 'changePence' | 'joinersPence' | 'leaversPence' | 'pupilChangesPence' | 'minimumEffectPence') =>
  col.accessor(key, { header, meta: { align: 'right' }, cell: (c) => <Money pence={c.getValue()} /> });

/** Each hub's funding against the previous year's, with the causes of the change. */
export function YearOverYear({ year, filter, onOpen }: { year: string | null; filter: string; onOpen(hubId: number): void }) {
  const changes = useQueryOf('fundingChanges', { year: year ?? undefined });
  return (
    <Loaded query={changes} error="Could not load the year-over-year change" loading="Loading…">
      {(data) => <Changes data={data} filter={filter} onOpen={onOpen} />}
    </Loaded>
  );
}

function Changes({ data, filter, onOpen }: { data: FundingChanges; filter: string; onOpen(hubId: number): void }) {
  const columns = useMemo(
    () =>
      mixedColumns<FundingChangeRow>()(
      col.accessor('hub', { header: 'Hub', cell: (c) => <span className="strong">{c.getValue()}</span> }),
      col.accessor((r) => r.currentSchools - r.previousSchools, {
        id: 'schools',
        header: 'Schools',
        meta: { align: 'right' },
        cell: (c) => `${c.row.original.previousSchools} → ${c.row.original.currentSchools}`,
      }),
      col.accessor('previousFundingPence', { header: 'Last year', meta: { align: 'right' }, cell: (c) => <Money pence={c.getValue()} /> }),
      col.accessor('currentFundingPence', { header: 'This year', meta: { align: 'right' }, cell: (c) => <Money pence={c.getValue()} /> }),
      signedMoney('Change', 'changePence'),
      signedMoney('Joiners', 'joinersPence'),
      signedMoney('Leavers', 'leaversPence'),
      signedMoney('Pupil changes', 'pupilChangesPence'),
      signedMoney('Minimum', 'minimumEffectPence'),
      col.accessor((r) => r.explanation.join(' '), {
        id: 'why',
        header: 'Why',
        enableSorting: false,
        cell: (c) => {
          const r = c.row.original;
          const names = (list: { name: string; otherHub: string | null }[]) => list.map((s) => (s.otherHub ? `${s.name} (${s.otherHub})` : s.name)).join(', ');
          return (
            <span className="why">
              {r.joiners.length ? <span>Joined: {names(r.joiners)}. </span> : null}
              {r.leavers.length ? <span>Left: {names(r.leavers)}. </span> : null}
              {r.pupilChanges.length ? <span>Pupil numbers changed at {countOf(r.pupilChanges.length, 'school')}.</span> : null}
              {!r.joiners.length && !r.leavers.length && !r.pupilChanges.length ? <span className="muted">No change</span> : null}
            </span>
          );
        },
      }),
      ),
    [],
  );
  if (!data.previousYear) {
    return <div className="empty-state">There is no year before {data.year} on record, so there is nothing to compare with.</div>;
  }
  const total = (f: (r: FundingChangeRow) => number) => data.hubs.reduce((n, r) => n + f(r), 0);
  return (
    <>
      <p className="subtitle spaced">
        Funding in {data.year} against {data.previousYear}. Joiners, leavers, pupil changes and the hub minimum add up to each hub’s change.
      </p>
      <DataTable
        label="Funding change by hub"
        rows={data.hubs}
        columns={columns}
        filter={filter}
        rowKey={(r) => r.hubId}
        initialSort={[{ id: 'changePence', desc: false }]}
        onOpen={(r) => onOpen(r.hubId)}
        empty={filter ? `No hub matches “${filter}”.` : 'No hub has member schools in either year.'}
        footer={
          <tr>
            <td>Network</td>
            <td className="num">
              {total((r) => r.previousSchools)} → {total((r) => r.currentSchools)}
            </td>
            {[
              total((r) => r.previousFundingPence),
              total((r) => r.currentFundingPence),
              total((r) => r.changePence),
              total((r) => r.joinersPence),
              total((r) => r.leaversPence),
              total((r) => r.pupilChangesPence),
              total((r) => r.minimumEffectPence),
            ].map((p, i) => (
              <td key={i} className="num">
                <Money pence={p} />
              </td>
            ))}
            <td />
          </tr>
        }
      />
    </>
  );
}
