import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import type { SpendHubView, SpendNetworkView, SpendCategoryView, CategoryClaimsView } from '../../shared/contract/spend';
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

async function call<T>(method: string, payload: unknown): Promise<T> {
  const r = await dispatch(t.ctx, method, payload);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

async function hubId(name: string) {
  return (await t.ctx.db.selectFrom('hubs').where('name', '=', name).select('id').executeTakeFirstOrThrow()).id;
}

describe('spend charts data', () => {
  it('network spend by category adds up to every plan line and claim of the year, and compares with last year', async () => {
    const view = await call<SpendNetworkView>('spendNetwork', { year: '2026/27' });
    expect(view.previousYear).toBe('2025/26');
    const year = await t.ctx.db.selectFrom('membership_years').where('label', '=', '2026/27').select('id').executeTakeFirstOrThrow();
    const lines = await t.ctx.db
      .selectFrom('action_plan_lines')
      .innerJoin('action_plans', 'action_plans.id', 'action_plan_lines.plan_id')
      .where('action_plans.year_id', '=', year.id)
      .select('planned_pence')
      .execute();
    const paid = await t.ctx.db.selectFrom('claims').where('year_id', '=', year.id).where('status', '=', 'paid').select('amount_pence').execute();
    expect(view.categories.reduce((n, c) => n + c.plannedPence, 0)).toBe(lines.reduce((n, l) => n + l.planned_pence, 0));
    expect(view.categories.reduce((n, c) => n + c.releasedPence, 0)).toBe(paid.reduce((n, c) => n + c.amount_pence, 0));
    expect(view.categories.map((c) => c.label)).toEqual(['Workshops and events', 'Staff training', 'Research projects', 'Hub administration', 'School-to-school support']);
    expect(view.categories.some((c) => c.previousReleasedPence > 0)).toBe(true);
    // Hubs sorted by total available, largest first, each with its remaining.
    for (let i = 1; i < view.hubs.length; i++) expect(view.hubs[i - 1]!.totalAvailablePence).toBeGreaterThanOrEqual(view.hubs[i]!.totalAvailablePence);
    for (const h of view.hubs) expect(h.remainingPence).toBe(h.totalAvailablePence - h.releasedPence);
  });

  it('filters the network to one Memberships Manager’s hubs', async () => {
    const all = await call<SpendNetworkView>('spendNetwork', { year: '2026/27' });
    const grace = all.managers.find((m) => m.name === 'Grace Okafor')!;
    const mine = await call<SpendNetworkView>('spendNetwork', { year: '2026/27', managerId: grace.id });
    expect(mine.hubs.length).toBeGreaterThan(0);
    expect(mine.hubs.length).toBeLessThan(all.hubs.length);
    expect(mine.hubs.every((h) => h.membershipsManager === 'Grace Okafor')).toBe(true);
    expect(mine.hubs.map((h) => h.hub)).toContain('Aspire Hub');
  });

  it('Aspire Hub: planned by its own priorities adds to £38,589.77; funding used never passes what was released', async () => {
    const view = await call<SpendHubView>('spendHub', { hubId: await hubId('Aspire Hub'), year: '2026/27' });
    expect(view.totalAvailablePence).toBe(3_858_977);
    expect(view.hasPlan).toBe(true);
    expect(view.byPriority.find((r) => r.label === 'Leadership at all levels')?.plannedPence).toBe(2_130_000);
    expect(view.byPriority.find((r) => r.label === 'Additional expenditure')?.plannedPence).toBe(528_977);
    expect(view.byPriority.reduce((n, r) => n + r.plannedPence, 0)).toBe(3_858_977);
    const released = view.byCategory.reduce((n, r) => n + r.releasedPence, 0);
    expect(view.cumulative.at(-1)?.cumulativeReleasedPence).toBe(released);
    expect(view.cumulative.map((p) => p.label)).toEqual(['Sep 26', 'Oct 26', 'Nov 26']);
  });

  it('a hub without a plan says so, with an empty priority breakdown', async () => {
    const years = await t.ctx.db.selectFrom('membership_years').where('label', '=', '2026/27').select('id').executeTakeFirstOrThrow();
    const planned = await t.ctx.db.selectFrom('action_plans').where('year_id', '=', years.id).select('hub_id').execute();
    const hubs = await t.ctx.db.selectFrom('hubs').select(['id']).execute();
    const without = hubs.find((h) => !planned.some((p) => p.hub_id === h.id))!;
    const view = await call<SpendHubView>('spendHub', { hubId: without.id, year: '2026/27' });
    expect(view.hasPlan).toBe(false);
    expect(view.byPriority.every((r) => r.plannedPence === 0)).toBe(true);
  });

  it('lists the claims of a category across the network', async () => {
    const cats = await call<SpendCategoryView[]>('listSpendCategories', {});
    const workshops = cats.find((c) => c.name === 'Workshops and events')!;
    const view = await call<CategoryClaimsView>('categoryClaims', { categoryId: workshops.id, year: '2025/26' });
    expect(view.claims.length).toBeGreaterThan(0);
    expect(view.claims.every((c) => c.category === 'Workshops and events')).toBe(true);
  });
});

describe('spend categories are editable without losing history', () => {
  it('adds, renames, retires and reinstates, each in the audit log', async () => {
    const added = await call<SpendCategoryView>('addSpendCategory', { name: '  Conference costs ' });
    expect(added.name).toBe('Conference costs');
    const renamed = await call<SpendCategoryView>('renameSpendCategory', { id: added.id, name: 'Conferences' });
    expect(renamed.name).toBe('Conferences');
    const cats = await call<SpendCategoryView[]>('listSpendCategories', {});
    const training = cats.find((c) => c.name === 'Staff training')!;
    expect(training.planLines + training.claims).toBeGreaterThan(0);
    const retired = await call<SpendCategoryView>('retireSpendCategory', { id: training.id, retired: true });
    expect(retired.retiredAt).toBe(TEST_TODAY);
    // Its history still shows in last year's chart, marked retired.
    const view = await call<SpendNetworkView>('spendNetwork', { year: '2025/26' });
    expect(view.categories.find((c) => c.label === 'Staff training')?.retired).toBe(true);
    expect(view.categories.find((c) => c.label === 'Staff training')!.plannedPence).toBeGreaterThan(0);
    const back = await call<SpendCategoryView>('retireSpendCategory', { id: training.id, retired: false });
    expect(back.retiredAt).toBeNull();
    const audit = await t.ctx.db.selectFrom('audit_log').where('entity', '=', 'spend_category').select('action').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'rename', 'retire', 'reinstate']);
  });

  it('refuses an empty or duplicate name and an unknown category, writing nothing', async () => {
    const before = (await storeHash(t.store));
    for (const [method, payload, message] of [
      ['addSpendCategory', { name: '   ' }, /name: must not be empty/],
      ['addSpendCategory', { name: 'staff TRAINING' }, /already a category called "Staff training"/],
      ['renameSpendCategory', { id: 999, name: 'X' }, /no spend category with id 999/],
      ['retireSpendCategory', { id: 999, retired: true }, /no spend category with id 999/],
    ] as const) {
      const r = await dispatch(t.ctx, method, payload);
      expect(r.ok, method).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect((await storeHash(t.store))).toBe(before);
  });
});
