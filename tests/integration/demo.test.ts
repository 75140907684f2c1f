import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoNetwork } from '../../resources/demo/network';
import { ASPIRE_TOTAL_AVAILABLE_PENCE, OVERSPENT_HUB } from '../../resources/demo/finance';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { carryForward, hubFunding, totalAvailable } from '../../shared/domain/funding';
import { reviewTeamSize } from '../../shared/domain/review-team';
import { vulnerableFlag } from '../../shared/domain/vulnerable';
import type { OfstedInspection } from '../../shared/domain/ofsted';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { TEST_TODAY } from '../helpers/clock';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

async function hubId(name: string): Promise<number> {
  const row = await t.ctx.db.selectFrom('hubs').where('name', '=', name).select('id').executeTakeFirstOrThrow();
  return row.id;
}

async function yearId(label: string): Promise<number> {
  const row = await t.ctx.db.selectFrom('membership_years').where('label', '=', label).select('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Total available for a hub in a year, from the stored rows and the domain rules alone. */
async function storedTotalAvailable(hub: string, label: string, previous: { total: number; released: number } | null) {
  const [h, y] = [await hubId(hub), await yearId(label)];
  const pupils = await t.ctx.db.selectFrom('memberships').where('hub_id', '=', h).where('year_id', '=', y).select('pupils').execute();
  const override = await t.ctx.db.selectFrom('carry_forward_overrides').where('hub_id', '=', h).where('year_id', '=', y).selectAll().executeTakeFirst();
  const funding = hubFunding(pupils.map((p) => ({ pupils: p.pupils }))).fundingPence;
  const cf = carryForward({
    previousTotalAvailablePence: previous?.total ?? null,
    previousReleasedPence: previous?.released ?? 0,
    override: override ? { pence: override.amount_pence, reason: override.reason } : null,
  }).pence;
  const paid = await t.ctx.db.selectFrom('claims').where('hub_id', '=', h).where('year_id', '=', y).where('status', '=', 'paid').select('amount_pence').execute();
  return { total: totalAvailable(funding, cf), released: paid.reduce((n, c) => n + c.amount_pence, 0) };
}

describe('the demo network', () => {
  it('is the same every time it is built', () => {
    expect(JSON.stringify(buildDemoNetwork(TEST_TODAY))).toBe(JSON.stringify(buildDemoNetwork(TEST_TODAY)));
  });

  it('has 30+ hubs, ~450 schools and two membership years', async () => {
    const hubs = await t.ctx.db.selectFrom('hubs').select('name').execute();
    const schools = await t.ctx.db.selectFrom('schools').select('urn').execute();
    const years = await t.ctx.db.selectFrom('membership_years').select('label').orderBy('label').execute();
    expect(hubs.length).toBeGreaterThanOrEqual(30);
    expect(schools.length).toBeGreaterThanOrEqual(420);
    expect(schools.length).toBeLessThanOrEqual(480);
    expect(new Set(schools.map((s) => s.urn)).size).toBe(schools.length);
    expect(years.map((y) => y.label)).toEqual(['2025/26', '2026/27']);
  });

  it('gives Aspire Hub its 19 schools and two Hub Managers, one primary and one secondary', async () => {
    const h = await hubId('Aspire Hub');
    const members = await t.ctx.db.selectFrom('memberships').where('hub_id', '=', h).where('year_id', '=', await yearId('2026/27')).select('school_id').execute();
    const managers = await t.ctx.db.selectFrom('hub_managers').where('hub_id', '=', h).select(['name', 'focus']).orderBy('id').execute();
    expect(members).toHaveLength(19);
    expect(managers).toEqual([
      { name: 'Emma Ford', focus: 'Primary' },
      { name: 'Simon Goodwin', focus: 'Secondary' },
    ]);
  });

  it('gives Aspire Hub exactly £38,589.77 available in 2026/27, matched exactly by its action plan', async () => {
    const y25 = await storedTotalAvailable('Aspire Hub', '2025/26', null);
    const y26 = await storedTotalAvailable('Aspire Hub', '2026/27', y25);
    expect(y26.total).toBe(ASPIRE_TOTAL_AVAILABLE_PENCE);
    const plan = await t.ctx.db
      .selectFrom('action_plans')
      .innerJoin('action_plan_lines', 'action_plan_lines.plan_id', 'action_plans.id')
      .where('action_plans.hub_id', '=', await hubId('Aspire Hub'))
      .where('action_plans.year_id', '=', await yearId('2026/27'))
      .select(['priority', 'planned_pence'])
      .execute();
    expect(plan.reduce((n, l) => n + l.planned_pence, 0)).toBe(3_858_977);
    expect(plan.find((l) => l.priority === 'Leadership at all levels')?.planned_pence).toBe(2_130_000);
  });

  it('has one hub that released more than it had last year, for the reconciliation to flag', async () => {
    const y25 = await storedTotalAvailable(OVERSPENT_HUB, '2025/26', null);
    expect(y25.released).toBeGreaterThan(y25.total);
  });

  it('stores Ofsted inspections in all three frameworks, never with an invented overall grade', async () => {
    const rows = await t.ctx.db.selectFrom('ofsted_inspections').select(['id', 'framework']).execute();
    const frameworks = new Set(rows.map((r) => r.framework));
    for (const f of ['oeif', 'interim_2024', 'report_card', 'ungraded']) expect(frameworks).toContain(f);
    const overall = await t.ctx.db
      .selectFrom('ofsted_judgements')
      .innerJoin('ofsted_inspections', 'ofsted_inspections.id', 'ofsted_judgements.inspection_id')
      .where('ofsted_judgements.area', '=', 'Overall effectiveness')
      .select(['framework', 'grade'])
      .execute();
    for (const o of overall) {
      if (o.framework === 'oeif') expect(['1', '2', '3', '4']).toContain(o.grade);
      else expect(o.grade).toBe('Not judged');
    }
  });

  it('includes schools placed in a category of concern this academic year, and runs of Requires improvement', () => {
    const network = buildDemoNetwork(TEST_TODAY);
    const concern = network.inspections.filter((i) => i.categoryOfConcern !== null && i.startDate >= '2026-09-01');
    expect(concern.length).toBeGreaterThan(0);
    const byUrn = new Map<string, OfstedInspection[]>();
    for (const i of network.inspections) byUrn.set(i.urn, [...(byUrn.get(i.urn) ?? []), i]);
    // Every school placed in a category of concern this academic year is TSI-eligible today.
    const eligibleToday = new Set([...byUrn.entries()].filter(([, list]) => vulnerableFlag(list, TEST_TODAY).tsi.flagged).map(([urn]) => urn));
    for (const i of concern) expect(eligibleToday).toContain(i.urn);
    // Two Requires improvement in a row in 2023/24: eligible for support that year.
    const flaggedThen = [...byUrn.values()].filter((list) => vulnerableFlag(list, '2024-06-30').tsi.flagged);
    expect(flaggedThen.length).toBeGreaterThan(0);
  });

  it('staffs past reviews with attended reviewers, some dropped and replaced, and books the future', async () => {
    const statuses = await t.ctx.db.selectFrom('reviewer_assignments').select(['status', 'replaces_assignment_id']).execute();
    expect(statuses.some((s) => s.status === 'attended')).toBe(true);
    expect(statuses.some((s) => s.status === 'booked')).toBe(true);
    expect(statuses.some((s) => s.status === 'dropped')).toBe(true);
    expect(statuses.some((s) => s.replaces_assignment_id !== null)).toBe(true);
    // No review has more active reviewers than its team size.
    const network = buildDemoNetwork(TEST_TODAY);
    const pupils = new Map(network.memberships.map((m) => [`${m.urn}:${m.year}`, m.pupils]));
    const phase = new Map(network.schools.map((s) => [s.urn, s.phase]));
    for (const r of network.reviews) {
      const active = r.assignments.filter((a) => a.status !== 'dropped').length;
      expect(active).toBeLessThanOrEqual(reviewTeamSize(pupils.get(`${r.urn}:${r.year}`)!, phase.get(r.urn)!));
    }
  });

  it('records where every fact came from: one demo import batch', async () => {
    const batches = await t.ctx.db.selectFrom('import_batches').selectAll().execute();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.kind).toBe('demo');
    const unattributed = await t.ctx.db.selectFrom('schools').where('import_batch_id', 'is', null).select('id').execute();
    expect(unattributed).toHaveLength(0);
  });

  it('refuses to load into a database that already holds data, writing nothing', async () => {
    const before = (await storeHash(t.store));
    const result = await dispatch(t.ctx, 'loadDemo', { confirm: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('conflict');
      expect(result.error.message).toMatch(/only be loaded into an empty database/);
    }
    expect((await storeHash(t.store))).toBe(before);
  });
});
