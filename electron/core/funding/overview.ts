import type { CoreContext } from '../context';
import type { FundingHubRow, FundingOverview, FundingReportHub } from '@shared/contract/funding';
import { sumPence } from '@shared/domain/money';
import { requireYear, resolveYear } from '../db/years';
import { HubdeskError } from '../errors';
import type { HubYear } from './engine';
import { fundingYear } from './cache';
import { cached } from '../db/store-cache';
import type { YearView } from '@shared/contract';
import { invalid } from './validate';

function lockState(h: HubYear): FundingHubRow['lockState'] {
  if (!h.lock) return 'open';
  return h.pendingDifference ? 'pending' : 'locked';
}

function row(h: HubYear): FundingHubRow {
  const r = h.reconciliation;
  return {
    hubId: h.hubId,
    hub: h.hub,
    ...h.effective.figures,
    applied: h.funding.applied,
    carryForwardSource: h.carryForward.source,
    plannedPence: r.plannedPence,
    claimedPence: r.claimedPence,
    releasedPence: r.releasedPence,
    remainingPence: r.remainingPence,
    overReleased: r.overReleased,
    overAllocated: r.overAllocated,
    lockState: lockState(h),
    basis: h.locked ? 'locked' : 'live',
    live: h.locked ? h.live.figures : null,
    releaseConditionsMet: h.release.met,
  };
}

export async function yearOrNotFound(ctx: CoreContext, label: string | undefined) {
  const year = await resolveYear(ctx.db, label, ctx.today());
  if (!year) throw new HubdeskError('not_found', 'There are no membership years yet: import a roll or load the demo network.');
  return year;
}

export async function fundingOverview(ctx: CoreContext, label: string | undefined): Promise<FundingOverview> {
  const year = await yearOrNotFound(ctx, label);
  // Kept until the store changes (db/store-cache.ts); each caller gets its own copy.
  return structuredClone(await cached(ctx, `funding:overview:${year.label}`, () => computeOverview(ctx, year)));
}

async function computeOverview(ctx: CoreContext, year: YearView): Promise<FundingOverview> {
  const computed = await fundingYear(ctx, year);
  const hubs = [...computed.hubs.values()].map((h) => row(h)).sort((a, b) => a.hub.localeCompare(b.hub));
  const total = (f: (r: FundingHubRow) => number) => sumPence(hubs.map(f));
  const totalAvailablePence = total((r) => r.totalAvailablePence);
  const releasedPence = total((r) => r.releasedPence);
  return {
    year: year.label,
    previousYear: computed.previousYear?.label ?? null,
    hubs,
    totals: {
      hubs: hubs.length,
      schools: hubs.reduce((n, r) => n + r.schools, 0),
      pupils: hubs.reduce((n, r) => n + r.pupils, 0),
      formulaPence: total((r) => r.formulaPence),
      minimumPence: total((r) => r.minimumPence),
      fundingPence: total((r) => r.fundingPence),
      carryForwardPence: total((r) => r.carryForwardPence),
      totalAvailablePence,
      plannedPence: total((r) => r.plannedPence),
      claimedPence: total((r) => r.claimedPence),
      releasedPence,
      remainingPence: total((r) => r.remainingPence),
      overReleased: releasedPence > totalAvailablePence,
      overReleasedHubs: hubs.filter((r) => r.overReleased).length,
      lockedHubs: hubs.filter((r) => r.lockState !== 'open').length,
      pendingHubs: hubs.filter((r) => r.lockState === 'pending').length,
    },
  };
}

/** The CLI's report: the figures in force (the locked ones where a hub is locked), one object per hub. */
export async function fundingReport(ctx: CoreContext, label: string, hubName: string | undefined): Promise<FundingReportHub[]> {
  const year = await requireYear(ctx.db, label);
  const computed = await fundingYear(ctx, year);
  let hubs = [...computed.hubs.values()].sort((a, b) => a.hub.localeCompare(b.hub));
  if (hubName !== undefined) {
    const wanted = hubName.trim().toLowerCase();
    hubs = hubs.filter((h) => h.hub.toLowerCase() === wanted);
    if (hubs.length === 0) throw invalid('hub', `there is no hub named “${hubName.trim()}” with funding in ${year.label}`);
  }
  return hubs.map((h) => ({
    hub: h.hub,
    schools: h.effective.figures.schools,
    formulaPence: h.effective.figures.formulaPence,
    minimumPence: h.effective.figures.minimumPence,
    fundingPence: h.effective.figures.fundingPence,
    carryForwardPence: h.effective.figures.carryForwardPence,
    totalAvailablePence: h.effective.figures.totalAvailablePence,
    releasedPence: h.reconciliation.releasedPence,
    remainingPence: h.reconciliation.remainingPence,
    perSchool: h.effective.perSchool.map((s) => ({ urn: s.urn, name: s.name, pupils: s.pupils, contributionPence: s.contributionPence, capped: s.capped })),
  }));
}
