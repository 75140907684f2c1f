import type { SpendCategoryView } from '@shared/contract/spend';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { recordAudit } from '../changes/audit-entry';

export async function listCategories(ctx: CoreContext): Promise<SpendCategoryView[]> {
  const [categories, lines, claims] = await Promise.all([
    ctx.db.selectFrom('spend_categories').selectAll().orderBy('position').orderBy('id').execute(),
    ctx.db.selectFrom('action_plan_lines').select(['category_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('category_id').execute(),
    ctx.db.selectFrom('claims').select(['category_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('category_id').execute(),
  ]);
  const count = (rows: { category_id: number; n: number }[], id: number) => Number(rows.find((r) => r.category_id === id)?.n ?? 0);
  return categories.map((c) => ({ id: c.id, name: c.name, position: c.position, retiredAt: c.retired_at, planLines: count(lines, c.id), claims: count(claims, c.id) }));
}

async function one(ctx: CoreContext, id: number): Promise<SpendCategoryView> {
  const found = (await listCategories(ctx)).find((c) => c.id === id);
  if (!found) throw new HubdeskError('not_found', `There is no spend category with id ${id}.`);
  return found;
}

async function assertNameFree(ctx: CoreContext, name: string, exceptId: number | null): Promise<void> {
  const all = await ctx.db.selectFrom('spend_categories').select(['id', 'name']).execute();
  const clash = all.find((c) => c.id !== exceptId && c.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (clash) throw new HubdeskError('validation', `name: there is already a category called "${clash.name}".`, { issues: [{ path: 'name', message: `already used by "${clash.name}"` }] });
}

export async function addCategory(ctx: CoreContext, name: string): Promise<SpendCategoryView> {
  await assertNameFree(ctx, name, null);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('spend_categories').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
    const row = await trx.insertInto('spend_categories').values({ name: name.trim(), position: Number(last?.p ?? 0) + 1, retired_at: null }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'create', entity: 'spend_category', entityId: row.id, after: row });
    return row.id;
  });
  return one(ctx, id);
}

export async function renameCategory(ctx: CoreContext, id: number, name: string): Promise<SpendCategoryView> {
  const before = await one(ctx, id);
  await assertNameFree(ctx, name, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('spend_categories').set({ name: name.trim() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'rename', entity: 'spend_category', entityId: id, before: { name: before.name }, after: { name: name.trim() } });
  });
  return one(ctx, id);
}

export async function retireCategory(ctx: CoreContext, id: number, retired: boolean): Promise<SpendCategoryView> {
  const before = await one(ctx, id);
  if (retired && before.retiredAt === null) {
    const active = (await listCategories(ctx)).filter((c) => c.retiredAt === null);
    if (active.length <= 1) throw new HubdeskError('validation', 'The last active spend category cannot be retired: plan lines and claims need one.');
  }
  const retiredAt = retired ? (before.retiredAt ?? ctx.today()) : null;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('spend_categories').set({ retired_at: retiredAt }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: retired ? 'retire' : 'reinstate', entity: 'spend_category', entityId: id, before: { retiredAt: before.retiredAt }, after: { retiredAt } });
  });
  return one(ctx, id);
}
