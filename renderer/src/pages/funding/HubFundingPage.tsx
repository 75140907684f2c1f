import { Link, useParams } from 'react-router';
import type { HubFundingDetail } from '@shared/contract';
import { useQueryOf } from '../../data/queries';
import { useStatus } from '../../state/status';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../data/Loaded';
import { formatCount } from '../../components/format';
import { Money } from './money';
import { LockPanel } from './LockPanel';
import { SchoolBreakdown } from './SchoolBreakdown';
import { CarryForwardPanel } from './CarryForwardPanel';
import { ReleasePanel } from './ReleasePanel';
import { PlanPanel } from './PlanPanel';
import { ClaimsPanel } from './ClaimsPanel';
import { HubChange } from './HubChange';

/** One hub's funding for the chosen year: every figure with its reasons, and what finance can do. */
export function HubFundingPage() {
  const { hubId } = useParams();
  const { year } = useStatus();
  const id = Number(hubId);
  const detail = useQueryOf('getHubFunding', { hubId: id, year: year ?? undefined });
  return (
    <Loaded query={detail} error="Could not load this hub’s funding" loading="Loading funding…">
      {(d) => <HubFunding d={d} reload={detail.refetch} />}
    </Loaded>
  );
}

function HubFunding({ d, reload }: { d: HubFundingDetail; reload(): Promise<unknown> }) {
  const f = d.figures;
  const r = d.reconciliation;
  return (
    // The panels hold what is being typed: another hub or year starts them afresh from its own figures.
    <div className="funding" key={`${d.hubId}/${d.year}`}>
      <PageHeader
        crumbs={<Link to="/funding">Funding</Link>}
        title={d.hub}
        subtitle={`${d.basis === 'locked' ? 'Locked figures' : 'Live figures (not locked)'} · ${formatCount(f.schools)} schools · ${formatCount(f.pupils)} pupils · ${d.year}`}
        actions={<Link className="button" to={`/hubs/${d.hubId}`}>Open the hub</Link>}
      />
      <div className="kpis funding-kpis">
        <Figure label="funding" pence={f.fundingPence} />
        <Figure label="carry forward" pence={f.carryForwardPence} />
        <Figure label="total available" pence={f.totalAvailablePence} strong />
        <Figure label="planned" pence={r.plannedPence} />
        <Figure label="claimed" pence={r.claimedPence} />
        <Figure label="released" pence={r.releasedPence} />
        <Figure label="remaining" pence={r.remainingPence} />
      </div>
      {r.problems.length > 0 ? (
        <div className="error-panel" role="alert">
          <h2>{r.overReleased ? 'Released beyond the total available' : 'Check these figures'}</h2>
          <ul>
            {r.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <LockPanel detail={d} />
      <section className="panel" aria-labelledby="how-heading">
        <h2 id="how-heading">{d.basis === 'locked' ? 'How the locked funding was worked out' : 'How the funding is worked out'}</h2>
        <ul className="explain">
          {d.explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <SchoolBreakdown detail={d} />
      </section>
      <CarryForwardPanel detail={d} />
      <ReleasePanel detail={d} />
      <PlanPanel detail={d} />
      <ClaimsPanel detail={d} reload={reload} />
      <section className="panel" aria-labelledby="recon-heading">
        <h2 id="recon-heading">Reconciliation</h2>
        <dl className="facts money-facts">
          <dt>Total available</dt>
          <dd><Money pence={r.totalAvailablePence} /></dd>
          <dt>Planned</dt>
          <dd><Money pence={r.plannedPence} /></dd>
          <dt>Claimed (not rejected)</dt>
          <dd><Money pence={r.claimedPence} /></dd>
          <dt>Awaiting payment</dt>
          <dd><Money pence={r.awaitingPaymentPence} /></dd>
          <dt>Released (paid)</dt>
          <dd><Money pence={r.releasedPence} /></dd>
          <dt>Remaining (total available − released)</dt>
          <dd><Money pence={r.remainingPence} strong /></dd>
        </dl>
        {r.problems.length === 0 ? <p className="good-text">The figures reconcile: nothing is released beyond the total available.</p> : null}
      </section>
      <HubChange hubId={d.hubId} year={d.year} />
    </div>
  );
}

function Figure({ label, pence, strong }: { label: string; pence: number; strong?: boolean }) {
  return (
    <div className={`kpi${strong ? ' kpi-strong' : ''}`}>
      <span className="kpi-value">
        <Money pence={pence} />
      </span>
      <span className="kpi-label">{label}</span>
    </div>
  );
}
