import type { CoreContext } from '../context';
import type { MyCalls, MyCallsHub } from '@shared/contract/calls';
import { termCallStatus } from '@shared/domain/calls';
import { chosenStaffId, listStaff } from './identity';
import { invalid, loadActions, loadCalls } from './store';
import { resolveTerm, termView } from './terms';

/** The hubs a Memberships Manager looks after, and which of this term's calls are held, due or overdue. */
export async function myCalls(ctx: CoreContext, request: { staffId?: number; term?: string }): Promise<MyCalls> {
  const today = ctx.today();
  const term = resolveTerm(request.term, today);
  const staffId = request.staffId ?? (await chosenStaffId(ctx));
  const staff = await listStaff(ctx);
  const manager = staffId === null ? null : (staff.find((s) => s.id === staffId) ?? null);
  if (request.staffId !== undefined && manager === null) throw invalid('staffId', `there is no central staff member with id ${request.staffId}`);
  const empty = { manager, term: termView(term), today, hubs: [], totals: { held: 0, due: 0, overdue: 0, notYetDue: 0 } };
  if (manager === null) return empty;

  const hubs = await ctx.db
    .selectFrom('hubs')
    .where('memberships_manager_id', '=', manager.id)
    .where('merged_into_hub_id', 'is', null)
    .select(['id', 'name', 'senior_partner_name'])
    .orderBy('name')
    .execute();
  const hubIds = hubs.map((h) => h.id);
  if (hubIds.length === 0) return empty;
  const managers = await ctx.db.selectFrom('hub_managers').where('hub_id', 'in', hubIds).select(['hub_id', 'name']).orderBy('id').execute();
  const calls = await loadCalls(ctx.db, hubIds);
  const actions = (await loadActions(ctx.db, { hubIds }, today)).filter((a) => a.status === 'open');

  const rows: MyCallsHub[] = hubs.map((h) => {
    const hubManagers = managers.filter((m) => m.hub_id === h.id).map((m) => m.name);
    const hubCalls = calls.filter((c) => c.hubId === h.id);
    // The last call up to the term's end (or today, if sooner): a past term never shows a later call.
    const asAt = today < term.end ? today : term.end;
    const last = hubCalls.find((c) => c.heldOn <= asAt) ?? null;
    const open = actions.filter((a) => a.hubId === h.id);
    return {
      hubId: h.id,
      hub: h.name,
      hubManagers,
      seniorPartner: h.senior_partner_name,
      calls: termCallStatus({
        term,
        today,
        calls: hubCalls,
        people: { hub_manager: hubManagers, senior_partner: h.senior_partner_name ? [h.senior_partner_name] : [] },
      }),
      lastCall: last ? { heldOn: last.heldOn, heldAt: last.heldAt, kind: last.kind } : null,
      openActions: open.length,
      overdueActions: open.filter((a) => a.overdue).length,
    };
  });
  const states = rows.flatMap((r) => [r.calls.hub_manager.status, r.calls.senior_partner.status]);
  return {
    manager,
    term: termView(term),
    today,
    hubs: rows,
    totals: {
      held: states.filter((s) => s === 'held').length,
      due: states.filter((s) => s === 'due').length,
      overdue: states.filter((s) => s === 'overdue').length,
      notYetDue: states.filter((s) => s === 'not yet due').length,
    },
  };
}
