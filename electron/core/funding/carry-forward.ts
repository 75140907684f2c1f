import type { CoreContext } from '../context';
import { formatPence } from '@shared/domain/money';
import { applyChange } from '../changes/change-set';
import { FundingEngine, computeHub } from './engine';
import { invalid, requireHub, requireYearField } from './validate';

/**
 * Finance sets the carry forward into a year by hand, with a reason; `null` goes back to the computed
 * figure. One audited change (the reason kept with it), undoable like every hand edit.
 */
export async function setCarryForward(
  ctx: CoreContext,
  input: { hubId: number; year: string; amountPence: number | null; reason: string },
): Promise<{ auditId: number; summary: string }> {
  const reason = input.reason.trim();
  if (reason === '') throw invalid('reason', 'a reason is needed');
  const res = await applyChange(ctx, 'funding.carry_forward', { entity: 'carry_forward_overrides' }, async (w) => {
    const year = await requireYearField(w.trx, input.year);
    const hub = await requireHub(w.trx, input.hubId);
    const engine = new FundingEngine(w.trx);
    const y = await engine.year(year);
    const prev = y.previousYear ? await engine.year(y.previousYear) : null;
    const h = y.hubs.get(hub.id) ?? computeHub(hub.id, y.data, prev);
    const existing = h.carryForward.override;
    const key = { hub_id: hub.id, year_id: year.id };
    const details = { hub: hub.name, year: year.label, reason, computedPence: h.carryForward.computedPence };
    if (input.amountPence === null) {
      if (!existing) throw invalid('amountPence', `${hub.name} has no carry forward set by hand for ${year.label}, so there is nothing to clear`);
      await w.remove('carry_forward_overrides', key);
      return {
        value: null,
        summary: `${hub.name} ${year.label}: carry forward set by hand (${formatPence(existing.pence)}) cleared, back to the computed ${formatPence(h.carryForward.computedPence)}: ${reason}`,
        entityId: `${hub.id}/${year.label}`,
        details,
      };
    }
    const values = { amount_pence: input.amountPence, reason, set_by: ctx.user, set_at: ctx.now().toISOString() };
    if (existing) await w.update('carry_forward_overrides', key, values);
    else await w.insert('carry_forward_overrides', { ...key, ...values });
    return {
      value: null,
      summary: `${hub.name} ${year.label}: carry forward set to ${formatPence(input.amountPence)} (computed ${formatPence(h.carryForward.computedPence)}): ${reason}`,
      entityId: `${hub.id}/${year.label}`,
      details,
    };
  });
  return { auditId: res.auditId, summary: res.summary };
}
