import type { CoreContext } from './context';
import { chosenStaffId } from './calls/identity';

/**
 * The context a change is made under, named after the person making it: the person the core was
 * started for (a signed-in person, or HUBDESK_PERSON), else the central staff member chosen as "I am"
 * in Settings, else — only when no person's name is known — the computer's user name.
 */
export async function asPerson(ctx: CoreContext): Promise<CoreContext> {
  if (ctx.person) return ctx.user === ctx.person ? ctx : { ...ctx, user: ctx.person };
  const staffId = await chosenStaffId(ctx).catch(() => null);
  if (staffId === null) return ctx;
  const staff = await ctx.db.selectFrom('central_staff').select('name').where('id', '=', staffId).executeTakeFirst();
  const name = staff?.name.trim();
  return name ? { ...ctx, user: name } : ctx;
}
