import type { HubFundingStatus, SourceNote } from '@shared/contract/dashboards';
import type { CoreContext } from '../context';
import { hubFundingDetail } from '../funding/detail';
import { fundingOverview } from '../funding/overview';

/**
 * The dashboards show the Funding page's figures (electron/core/funding): the same engine, so the
 * two pages can never disagree. The dashboards only summarise; the detail lives at /funding/:hubId.
 */
export async function hubFundingStatus(ctx: CoreContext, hubId: number, year: string): Promise<{ status: HubFundingStatus; sources: SourceNote[] }> {
  const d = await hubFundingDetail(ctx, hubId, year);
  const sources: SourceNote[] = [
    { what: 'Funding', source: 'Computed from the roll by the hub funding rules', asAt: ctx.today() },
  ];
  if (d.locked) sources.unshift({ what: 'Funding (locked figures)', source: `Locked by ${d.locked.lockedBy}`, asAt: d.locked.lockedAt.slice(0, 10) });
  return {
    status: {
      basis: d.basis,
      fundingPence: d.figures.fundingPence,
      formulaPence: d.figures.formulaPence,
      minimumPence: d.figures.minimumPence,
      applied: d.applied,
      carryForwardPence: d.figures.carryForwardPence,
      totalAvailablePence: d.figures.totalAvailablePence,
      plannedPence: d.reconciliation.plannedPence,
      releasedPence: d.reconciliation.releasedPence,
      remainingPence: d.reconciliation.remainingPence,
      overReleased: d.reconciliation.overReleased,
      locked: d.locked !== null,
      sideBySide: d.sideBySide,
      deadlines: d.deadlines,
      release: d.release,
      planLines: d.plan.lines.length,
    },
    sources,
  };
}

/** Funding and total available of every hub for the year, by hub id. */
export async function networkFunding(ctx: CoreContext, year: string): Promise<Map<number, { fundingPence: number; totalAvailablePence: number }>> {
  const overview = await fundingOverview(ctx, year);
  return new Map(overview.hubs.map((h) => [h.hubId, { fundingPence: h.fundingPence, totalAvailablePence: h.totalAvailablePence }]));
}
