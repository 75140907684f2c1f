import { Link } from 'react-router';
import type { SpendHubView } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { useQueryOf } from '../../data/queries';
import { Loaded } from '../../data/Loaded';
import { ChartCard } from '../../charts/ChartCard';
import { PlannedClaimedChart, PlannedClaimedTable } from '../../charts/PriorityChart';
import { CumulativeChart, CumulativeTable } from '../../charts/CumulativeChart';

/** One hub's spend: by its own priorities, by network category, and funding used over the year. */
export function HubSpend({ hubId, year }: { hubId: number; year: string }) {
  const view = useQueryOf('spendHub', { hubId, year });
  return (
    <Loaded query={view} error="Could not load the hub’s spend" loading="Loading…">
      {(v) => <HubSpendView v={v} />}
    </Loaded>
  );
}

function HubSpendView({ v }: { v: SpendHubView }) {
  const slug = `${v.hub.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${v.year.replace('/', '-')}`;
  const nothingClaimed = v.claimCount === 0;
  return (
    <>
      <div className="section-title">
        <h2>
          {v.hub} · {v.year}
        </h2>
        <span className="hint">
          Total available {formatPence(v.totalAvailablePence)} · <Link to={`/funding/${v.hubId}`}>Funding details</Link> · <Link to={`/hubs/${v.hubId}`}>Hub dashboard</Link>
        </span>
      </div>
      <ChartCard
        title="Planned and claimed by the hub’s priorities"
        context={`${v.hub} · ${v.year}`}
        fileName={`priorities-${slug}`}
        note="The priorities are the hub’s own, from its action plan; claims without a priority are listed separately."
        empty={!v.hasPlan && nothingClaimed ? `${v.hub} has no action plan for ${v.year} yet, and no claims: nothing is planned or claimed.` : undefined}
        height={Math.max(200, v.byPriority.length * 48 + 60)}
        table={<PlannedClaimedTable rows={v.byPriority} caption="Planned and claimed by priority" first="Priority" />}
      >
        <PlannedClaimedChart rows={v.byPriority} />
      </ChartCard>
      {!v.hasPlan && !nothingClaimed ? <p className="hint warn-text">{v.hub} has claims but no action plan for {v.year}.</p> : null}
      <ChartCard
        title="Planned and claimed by network category"
        context={`${v.hub} · ${v.year}`}
        fileName={`categories-${slug}`}
        empty={!v.hasPlan && nothingClaimed ? `Nothing planned or claimed in ${v.year}.` : undefined}
        height={Math.max(200, v.byCategory.length * 48 + 60)}
        table={<PlannedClaimedTable rows={v.byCategory} caption="Planned and claimed by category" first="Category" />}
      >
        <PlannedClaimedChart rows={v.byCategory} />
      </ChartCard>
      <ChartCard
        title="Funding used over the year"
        context={`${v.hub} · ${v.year}`}
        fileName={`funding-used-${slug}`}
        note="Paid claims by the date they were paid, added up month by month, against the hub’s total available."
        empty={v.cumulative.length === 0 ? `${v.year} has not started yet.` : undefined}
        table={<CumulativeTable points={v.cumulative} totalAvailablePence={v.totalAvailablePence} />}
      >
        <CumulativeChart points={v.cumulative} totalAvailablePence={v.totalAvailablePence} />
      </ChartCard>
    </>
  );
}
