import type { CoreContext } from '../context';
import { recordAudit } from '../changes/audit-entry';
import { FundingEngine, computeHub } from './engine';
import { invalid, requireHub, requireYearField } from './validate';

/** Finance sets the carry forward into a year by hand, with a reason; `null` goes back to the computed figure. */
export async function setCarryForward(
  ctx: CoreContext,
  input: { hubId: number; year: string; amountPence: number | null; reason: string },
): Promise<void> {
  const reason = input.reason.trim();
  if (reason === '') throw invalid('reason', 'a reason is needed');
  await ctx.db.transaction().execute(async (trx) => {
    const year = await requireYearField(trx, input.year);
    const hub = await requireHub(trx, input.hubId);
    const engine = new FundingEngine(trx);
    const y = await engine.year(year);
    const prev = y.previousYear ? await engine.year(y.previousYear) : null;
    const h = y.hubs.get(hub.id) ?? computeHub(hub.id, y.data, prev);
    const existing = h.carryForward.override;
    const before = { hub: hub.name, year: year.label, carryForwardPence: h.carryForward.pence, source: h.carryForward.source, override: existing };

    if (input.amountPence === null) {
      if (!existing) throw invalid('amountPence', `${hub.name} has no carry forward set by hand for ${year.label}, so there is nothing to clear`);
      await trx.deleteFrom('carry_forward_overrides').where('hub_id', '=', hub.id).where('year_id', '=', year.id).execute();
      await recordAudit(trx, ctx, {
        action: 'clear_override',
        entity: 'carry_forward',
        entityId: `${hub.id}/${year.label}`,
        before,
        after: { hub: hub.name, year: year.label, carryForwardPence: h.carryForward.computedPence, source: 'computed', reason },
      });
      return;
    }
    const values = { amount_pence: input.amountPence, reason, set_by: ctx.user, set_at: ctx.now().toISOString() };
    if (existing) {
      await trx.updateTable('carry_forward_overrides').set(values).where('hub_id', '=', hub.id).where('year_id', '=', year.id).execute();
    } else {
      await trx.insertInto('carry_forward_overrides').values({ hub_id: hub.id, year_id: year.id, ...values }).execute();
    }
    await recordAudit(trx, ctx, {
      action: 'set_override',
      entity: 'carry_forward',
      entityId: `${hub.id}/${year.label}`,
      before,
      after: { hub: hub.name, year: year.label, carryForwardPence: input.amountPence, source: 'override', computedPence: h.carryForward.computedPence, reason },
    });
  });
}
