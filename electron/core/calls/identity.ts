import type { CoreContext } from '../context';
import type { Identity, StaffView } from '@shared/contract/calls';
import { recordAudit } from '../changes/audit-entry';
import { invalid } from './store';

/** The settings key holding the chosen central_staff id ("I am" in Settings) on the desktop: one for the store. */
export const IDENTITY_KEY = 'identity.central_staff_id';

/**
 * On a team server each signed-in person has their own staff record: the one they chose (kept under
 * their people id), else the one whose email is theirs. A memberships team adds central staff with
 * their work email, which is the email they sign in with, so most people never choose.
 */
function personKey(personId: number): string {
  return `${IDENTITY_KEY}.person.${personId}`;
}

/** The settings key this caller's choice is kept under. */
function keyFor(ctx: CoreContext): string {
  return ctx.caller.id === null ? IDENTITY_KEY : personKey(ctx.caller.id);
}

export async function listStaff(ctx: CoreContext): Promise<StaffView[]> {
  return ctx.db.selectFrom('central_staff').select(['id', 'name', 'email', 'role']).orderBy('name').execute();
}

/** The staff id chosen under this key, or null when none is chosen or the staff member no longer exists. */
async function chosenUnder(ctx: CoreContext, key: string): Promise<number | null> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  const id = Number(row.value);
  if (!Number.isSafeInteger(id)) return null;
  const staff = await ctx.db.selectFrom('central_staff').select('id').where('id', '=', id).executeTakeFirst();
  return staff ? id : null;
}

/** The one staff member whose email is the signed-in person's (none when no one's or several's is). */
async function staffByEmail(ctx: CoreContext): Promise<number | null> {
  const email = ctx.caller.email?.trim().toLowerCase();
  if (!email) return null;
  const staff = await listStaff(ctx);
  const same = staff.filter((s) => s.email?.trim().toLowerCase() === email);
  return same.length === 1 ? same[0]!.id : null;
}

async function identityOf(ctx: CoreContext): Promise<{ staffId: number | null; matchedBy: Identity['matchedBy'] }> {
  const chosen = await chosenUnder(ctx, keyFor(ctx));
  if (chosen !== null || ctx.caller.id === null) return { staffId: chosen, matchedBy: chosen === null || ctx.caller.id === null ? null : 'chosen' };
  const byEmail = await staffByEmail(ctx);
  return { staffId: byEmail, matchedBy: byEmail === null ? null : 'email' };
}

/** The caller's staff id ("I am"; on a team server the signed-in person's own), or null. */
export async function chosenStaffId(ctx: CoreContext): Promise<number | null> {
  return (await identityOf(ctx)).staffId;
}

export async function getIdentity(ctx: CoreContext): Promise<Identity> {
  const { staffId, matchedBy } = await identityOf(ctx);
  return { staffId, staff: await listStaff(ctx), person: ctx.caller.id === null ? null : ctx.caller.name, matchedBy };
}

/** Chooses the caller's staff record (null: none; on a team server, back to the one their email finds). */
export async function setIdentity(ctx: CoreContext, staffId: number | null): Promise<Identity> {
  const staff = await listStaff(ctx);
  const chosen = staffId === null ? null : staff.find((s) => s.id === staffId);
  if (chosen === undefined) throw invalid('staffId', `there is no central staff member with id ${staffId}`);
  const key = keyFor(ctx);
  const before = await chosenUnder(ctx, key);
  await ctx.db.transaction().execute(async (trx) => {
    if (chosen === null) await trx.deleteFrom('settings').where('key', '=', key).execute();
    else
      await trx
        .insertInto('settings')
        .values({ key, value: String(chosen.id) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(chosen.id) }))
        .execute();
    await recordAudit(trx, ctx, { action: 'update', entity: 'identity', entityId: key, before: { staffId: before }, after: { staffId: chosen?.id ?? null, name: chosen?.name ?? null } });
  });
  return getIdentity(ctx);
}
