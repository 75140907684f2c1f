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
import { loadMembers, loadNetworkReviewRows, type MemberRow, type YearRows } from './load';
import { loadInspections } from './inspections';
import { indexRows, networkFacts, type NetworkSchoolFacts } from './shape';
import { loadBatches, sourceNotes } from './sources';
import { networkFunding } from './funding';

/** Member schools read and counted at a time: bounds the memory (and the SQL lists) whatever the size of the network. */
const SCHOOLS_PER_PASS = 2_000;

/** Hubs in groups of about SCHOOLS_PER_PASS schools, a hub never split. */
function passes(byHub: Map<number, MemberRow[]>): MemberRow[][] {
  const out: MemberRow[][] = [];
  let current: MemberRow[] = [];
  for (const members of byHub.values()) {
    if (current.length > 0 && current.length + members.length > SCHOOLS_PER_PASS) {
      out.push(current);
      current = [];
    }
    for (const m of members) current.push(m);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Every hub for a year. Reviews and reviewers are read once for the year (joined on its memberships);
 * inspections, the bulk of the rows, a group of hubs at a time. Each school's figures are computed by
 * the same rules as its hub dashboard row, counted into its hub's row and dropped. The result is kept until the store changes (db/store-cache.ts).
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
  const hubs = await ctx.db
    .selectFrom('hubs')
    .leftJoin('central_staff', 'central_staff.id', 'hubs.memberships_manager_id')
    .where(hubInYear(year.startDate))
    .select(['hubs.id', 'hubs.name', 'hubs.region', 'central_staff.name as manager'])
    .orderBy('hubs.name')
    .execute();
  const managers = await ctx.db.selectFrom('hub_managers').select(['hub_id', 'name']).orderBy('id').execute();
  const members = await loadMembers(ctx.db, year.id, 'network');
  const funding = await networkFunding(ctx, year.label);

  const byHub = new Map<number, MemberRow[]>();
  for (const m of members) {
    const list = byHub.get(m.hubId);
    if (list) list.push(m);
    else byHub.set(m.hubId, [m]);
  }
  // Reviews and reviewers: one scan each for the whole year, indexed by school once.
  const reviewRows = await loadNetworkReviewRows(ctx.db, year.id);
  const idx = indexRows(reviewRows);
  const facts = new Map<number, { member: MemberRow; facts: NetworkSchoolFacts }[]>();
  const inspectionBatches = new Set<number | null>();
  const reviewBatches = new Set<number | null>(reviewRows.reviews.map((r) => r.batchId));
  const hubRows = new Map<number, Omit<NetworkHubRow, 'hubId' | 'name' | 'region' | 'hubManagers' | 'membershipsManager' | 'fundingPence' | 'totalAvailablePence'>>();
  for (const pass of passes(byHub)) {
    // Inspections (with their judgements, the bulk of the rows) a group of hubs at a time.
    const rows: YearRows = { members: pass, inspections: await loadInspections(ctx.db, pass.map((m) => m.urn)), ...reviewRows };
    for (const list of rows.inspections.values()) for (const i of list) inspectionBatches.add(i.batchId);
    for (const m of pass) {
      const list = facts.get(m.hubId);
      const entry = { member: m, facts: networkFacts(m, rows, idx, { yearId: year.id, today }) };
      if (list) list.push(entry);
      else facts.set(m.hubId, [entry]);
    }
    // A pass holds whole hubs: their rows are complete, and the pass's rows can go.
    for (const hubId of new Set(pass.map((m) => m.hubId))) {
      hubRows.set(hubId, hubFigures(facts.get(hubId) ?? [], year.label));
      facts.delete(hubId);
    }
  }

  const rows: NetworkHubRow[] = hubs.map((h) => {
    const f = funding.get(h.id);
    return {
      hubId: h.id,
      name: h.name,
      region: h.region,
      hubManagers: managers.filter((m) => m.hub_id === h.id).map((m) => m.name),
      membershipsManager: h.manager,
      ...(hubRows.get(h.id) ?? hubFigures([], year.label)),
      fundingPence: f?.fundingPence ?? 0,
      totalAvailablePence: f?.totalAvailablePence ?? 0,
    };
  });

  const batches = await loadBatches(ctx.db, [...members.map((m) => m.batchId), ...inspectionBatches, ...reviewBatches]);
  return {
    year: year.label,
    today,
    hubs: rows,
    totals: {
      hubs: rows.length,
      schools: rows.reduce((n, h) => n + h.schools, 0),
      pupils: rows.reduce((n, h) => n + h.pupils, 0),
      vulnerable: rows.reduce((n, h) => n + h.vulnerable, 0),
      behind: rows.reduce((n, h) => n + h.commitment.behind, 0),
      fundingPence: sumPence(rows.map((h) => h.fundingPence)),
    },
    sources: [
      ...sourceNotes('Schools and pupils', members.map((m) => m.batchId), batches, today),
      ...sourceNotes('Ofsted inspections', inspectionBatches, batches, today, 'source'),
      ...sourceNotes('QA Reviews', reviewBatches, batches, today),
      { what: 'Reviewer commitments and vulnerable flags', source: 'computed as at today', asAt: today },
    ],
  };
}

/** One hub's counts from its schools' figures (schools in name order). */
function hubFigures(schools: { member: MemberRow; facts: NetworkSchoolFacts }[], yearLabel: string) {
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
