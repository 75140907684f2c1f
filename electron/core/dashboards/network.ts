import type { NetworkDashboard, NetworkHubRow } from '@shared/contract/dashboards';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@shared/domain/reviewer-commitment';
import { ofstedProfile } from '@shared/domain/ofsted-profile';
import { qaProfile } from '@shared/domain/qa-profile';
import { sumPence } from '@shared/domain/money';
import type { CoreContext } from '../context';
import { resolveYear } from '../db/years';
import { hubInYear } from '../db/hubs-in-year';
import { cached } from '../db/store-cache';
import { HubdeskError } from '../errors';
import { loadNetworkRows, type NetworkMember } from './network-rows';
import { networkFacts, type NetworkSchoolFacts } from './shape';
import { loadBatches, sourceNotes } from './sources';
import { networkFunding } from './funding';
import { breathe } from '../breathe';

/**
 * Every hub for a year. The rows behind the figures are read once for the whole network
 * (network-rows.ts); each school's figures are computed by the same rules as its hub dashboard row
 * and counted into its hub's row. The result is kept until the store changes (db/store-cache.ts).
 */
export async function networkDashboard(ctx: CoreContext, request: { year?: string }): Promise<NetworkDashboard> {
  const year = await resolveYear(ctx.db, request.year, ctx.today());
  if (!year) throw new HubdeskError('not_found', 'There are no membership years yet: import a roll or load the demo network.');
  const today = ctx.today();
  const result = await cached(ctx, `dashboard:network:${year.label}:${today}`, () => computeNetwork(ctx, year, today));
  // Callers get their own copy: what is kept must never be changed by one of them.
  return structuredClone(result);
}

async function computeNetwork(ctx: CoreContext, year: { id: number; label: string; startDate: string }, today: string): Promise<NetworkDashboard> {
  // A long computation at national scale: other requests get a turn between its parts (breathe.ts).
  await breathe();
  const hubs = await ctx.db
    .selectFrom('hubs')
    .leftJoin('central_staff', 'central_staff.id', 'hubs.memberships_manager_id')
    .where(hubInYear(year.startDate))
    .select(['hubs.id', 'hubs.name', 'hubs.region', 'central_staff.name as manager'])
    .orderBy('hubs.name')
    .execute();
  const managers = new Map<number, string[]>();
  for (const m of await ctx.db.selectFrom('hub_managers').select(['hub_id', 'name']).orderBy('id').execute()) {
    const list = managers.get(m.hub_id);
    if (list) list.push(m.name);
    else managers.set(m.hub_id, [m.name]);
  }
  await breathe();
  const funding = await networkFunding(ctx, year.label);
  await breathe();
  const rows = await loadNetworkRows(ctx.db, year.id);

  // Members are in name order, so each hub's schools are too.
  const facts = new Map<number, { member: NetworkMember; facts: NetworkSchoolFacts }[]>();
  for (const [i, m] of rows.members.entries()) {
    if (i % 2_000 === 1_999) await breathe();
    const entry = { member: m, facts: networkFacts(m, rows, { today }) };
    const list = facts.get(m.hubId);
    if (list) list.push(entry);
    else facts.set(m.hubId, [entry]);
  }

  const hubRows: NetworkHubRow[] = hubs.map((h) => {
    const f = funding.get(h.id);
    return {
      hubId: h.id,
      name: h.name,
      region: h.region,
      hubManagers: managers.get(h.id) ?? [],
      membershipsManager: h.manager,
      ...hubFigures(facts.get(h.id) ?? [], year.label),
      fundingPence: f?.fundingPence ?? 0,
      totalAvailablePence: f?.totalAvailablePence ?? 0,
    };
  });

  const inspectionBatches = new Set<number | null>();
  for (const list of rows.inspections.values()) for (const i of list) inspectionBatches.add(i.batchId);
  const reviewBatches = new Set<number | null>();
  for (const list of rows.reviews.values()) for (const r of list) reviewBatches.add(r.batchId);
  const memberBatches = new Set(rows.members.map((m) => m.batchId));
  const batches = await loadBatches(ctx.db, [...memberBatches, ...inspectionBatches, ...reviewBatches]);
  return {
    year: year.label,
    today,
    hubs: hubRows,
    totals: {
      hubs: hubRows.length,
      schools: hubRows.reduce((n, h) => n + h.schools, 0),
      pupils: hubRows.reduce((n, h) => n + h.pupils, 0),
      vulnerable: hubRows.reduce((n, h) => n + h.vulnerable, 0),
      behind: hubRows.reduce((n, h) => n + h.commitment.behind, 0),
      fundingPence: sumPence(hubRows.map((h) => h.fundingPence)),
    },
    sources: [
      ...sourceNotes('Schools and pupils', memberBatches, batches, today),
      ...sourceNotes('Ofsted inspections', inspectionBatches, batches, today, 'source'),
      ...sourceNotes('QA Reviews', reviewBatches, batches, today),
      { what: 'Reviewer commitments and vulnerable flags', source: 'computed as at today', asAt: today },
    ],
  };
}

/** One hub's counts from its schools' figures (schools in name order). */
function hubFigures(schools: { member: NetworkMember; facts: NetworkSchoolFacts }[], yearLabel: string) {
  const commitment = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
  for (const s of schools) commitment[s.facts.commitment] += 1;
  const vulnerable = schools.filter((s) => s.facts.vulnerable);
  return {
    schools: schools.length,
    pupils: schools.reduce((n, s) => n + s.member.pupils, 0),
    ofstedProfile: ofstedProfile(schools.map((s) => s.facts.profileKey)),
    qaProfile: qaProfile(schools.map((s) => s.facts.qaLatest)),
    reviewedThisYear: schools.filter((s) => s.facts.qaLatest?.yearLabel === yearLabel).length,
    commitment,
    vulnerable: vulnerable.length,
    vulnerableSchools: vulnerable.map((s) => s.member.name),
  };
}
