import type { NetworkDashboard, NetworkHubRow } from '@shared/contract/dashboards';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@shared/domain/reviewer-commitment';
import { ofstedProfile } from '@shared/domain/ofsted-profile';
import { qaProfile } from '@shared/domain/qa-profile';
import { sumPence } from '@shared/domain/money';
import type { CoreContext } from '../context';
import { resolveYear } from '../db/years';
import { HubdeskError } from '../errors';
import { loadYearRows } from './load';
import { indexRows, schoolRow } from './shape';
import { loadBatches, sourceNotes } from './sources';
import { networkFunding } from './funding';

/** Every hub for a year, from one load of the whole network's rows (no per-hub queries). */
export async function networkDashboard(ctx: CoreContext, request: { year?: string }): Promise<NetworkDashboard> {
  const year = await resolveYear(ctx.db, request.year, ctx.today());
  if (!year) throw new HubdeskError('not_found', 'There are no membership years yet: import a roll or load the demo network.');
  const today = ctx.today();
  const hubs = await ctx.db
    .selectFrom('hubs')
    .leftJoin('central_staff', 'central_staff.id', 'hubs.memberships_manager_id')
    .where('hubs.merged_into_hub_id', 'is', null)
    .select(['hubs.id', 'hubs.name', 'hubs.region', 'central_staff.name as manager'])
    .orderBy('hubs.name')
    .execute();
  const managers = await ctx.db.selectFrom('hub_managers').select(['hub_id', 'name']).orderBy('id').execute();
  const rows = await loadYearRows(ctx.db, year.id, 'network');
  const idx = indexRows(rows);
  const funding = await networkFunding(ctx, year.label);

  const schoolsByHub = new Map<number, ReturnType<typeof schoolRow>[]>();
  for (const m of rows.members) {
    const row = schoolRow(m, rows, idx, { yearId: year.id, yearStart: year.startDate, today });
    const list = schoolsByHub.get(m.hubId) ?? [];
    list.push(row);
    schoolsByHub.set(m.hubId, list);
  }

  const hubRows: NetworkHubRow[] = hubs.map((h) => {
    const schools = schoolsByHub.get(h.id) ?? [];
    const commitment = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
    for (const s of schools) commitment[s.reviewers.status] += 1;
    const vulnerable = schools.filter((s) => s.vulnerable.flagged);
    const f = funding.get(h.id);
    return {
      hubId: h.id,
      name: h.name,
      region: h.region,
      hubManagers: managers.filter((m) => m.hub_id === h.id).map((m) => m.name),
      membershipsManager: h.manager,
      schools: schools.length,
      pupils: schools.reduce((n, s) => n + s.pupils, 0),
      ofstedProfile: ofstedProfile(schools.map((s) => s.ofsted.profileKey)),
      qaProfile: qaProfile(schools.map((s) => s.qa.latest)),
      reviewedThisYear: schools.filter((s) => s.qa.latest?.yearLabel === year.label).length,
      commitment,
      vulnerable: vulnerable.length,
      vulnerableSchools: vulnerable.map((s) => s.name),
      fundingPence: f?.fundingPence ?? 0,
      totalAvailablePence: f?.totalAvailablePence ?? 0,
    };
  });

  const inspections = [...rows.inspections.values()].flat();
  const batches = await loadBatches(ctx.db, [...rows.members.map((m) => m.batchId), ...inspections.map((i) => i.batchId), ...rows.reviews.map((r) => r.batchId)]);
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
      ...sourceNotes('Schools and pupils', rows.members.map((m) => m.batchId), batches, today),
      ...sourceNotes('Ofsted inspections', inspections.map((i) => i.batchId), batches, today, 'source'),
      ...sourceNotes('QA Reviews', rows.reviews.map((r) => r.batchId), batches, today),
      { what: 'Reviewer commitments and vulnerable flags', source: 'computed as at today', asAt: today },
    ],
  };
}
