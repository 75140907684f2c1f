import type { CoreContext } from '../context';
import type { Identity, StaffView } from '@shared/contract/calls';
import { recordAudit } from '../changes/audit-entry';
import { invalid } from './store';

/** The settings key holding the chosen central_staff id ("I am" in Settings). */
export const IDENTITY_KEY = 'identity.central_staff_id';

export async function listStaff(ctx: CoreContext): Promise<StaffView[]> {
  return ctx.db.selectFrom('central_staff').select(['id', 'name', 'email', 'role']).orderBy('name').execute();
}

/** The chosen staff id, or null when none is chosen or the person no longer exists. */
export async function chosenStaffId(ctx: CoreContext): Promise<number | null> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', IDENTITY_KEY).executeTakeFirst();
  if (!row) return null;
  const id = Number(row.value);
  if (!Number.isSafeInteger(id)) return null;
  const staff = await ctx.db.selectFrom('central_staff').select('id').where('id', '=', id).executeTakeFirst();
  return staff ? id : null;
}

export async function getIdentity(ctx: CoreContext): Promise<Identity> {
  return { staffId: await chosenStaffId(ctx), staff: await listStaff(ctx) };
}

export async function setIdentity(ctx: CoreContext, staffId: number | null): Promise<Identity> {
  const staff = await listStaff(ctx);
  const chosen = staffId === null ? null : staff.find((s) => s.id === staffId);
  if (chosen === undefined) throw invalid('staffId', `there is no central staff member with id ${staffId}`);
  const before = await chosenStaffId(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (chosen === null) await trx.deleteFrom('settings').where('key', '=', IDENTITY_KEY).execute();
    else
      await trx
        .insertInto('settings')
        .values({ key: IDENTITY_KEY, value: String(chosen.id) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(chosen.id) }))
        .execute();
    await recordAudit(trx, ctx, { action: 'update', entity: 'identity', entityId: IDENTITY_KEY, before: { staffId: before }, after: { staffId: chosen?.id ?? null, name: chosen?.name ?? null } });
  });
  return { staffId: chosen?.id ?? null, staff };
}
