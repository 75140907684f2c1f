import type { CoreContext } from '../context';
import type { LockResult } from '@shared/contract/funding';
import type { AllocationSnapshot } from '@shared/domain/funding-lock';
import { formatPence } from '@shared/domain/money';
import { longDate } from '@shared/domain/reconciliation';
import { HubdeskError } from '../errors';
import { applyChange } from '../changes/change-set';
import { FundingEngine } from './engine';
import { invalid, requireHub, requireYearField } from './validate';

function lockValues(s: AllocationSnapshot) {
  const f = s.figures;
  return {
    schools: f.schools,
    pupils: f.pupils,
    formula_pence: f.formulaPence,
    minimum_pence: f.minimumPence,
    funding_pence: f.fundingPence,
    carry_forward_pence: f.carryForwardPence,
    total_available_pence: f.totalAvailablePence,
    per_school_json: JSON.stringify(s.perSchool),
  };
}

/**
 * Locks the computed allocation of one hub, or of every hub not yet locked, for a year: one audited
 * change (undoable like every hand edit; unlockFunding takes a lock off later, with a reason).
 */
export async function lockFunding(ctx: CoreContext, label: string, hubId: number | undefined): Promise<LockResult> {
  let counts = { locked: 0, alreadyLocked: 0 };
  try {
    const res = await applyChange(ctx, 'funding.lock', { entity: 'funding_locks' }, async (w) => {
      const year = await requireYearField(w.trx, label);
      if (hubId !== undefined) await requireHub(w.trx, hubId);
      const computed = await new FundingEngine(w.trx).year(year);
      let targets = [...computed.hubs.values()];
      if (hubId !== undefined) {
        const h = computed.hubs.get(hubId);
        if (!h) throw invalid('hubId', `hub ${hubId} has no member schools or funding in ${year.label}, so there is nothing to lock`);
        if (h.lock) {
          throw new HubdeskError(
            'conflict',
            h.pendingDifference
              ? `${h.hub}’s ${year.label} figures are already locked; the roll now gives different figures: approve the difference to re-lock.`
              : `${h.hub}’s ${year.label} figures are already locked and unchanged.`,
          );
        }
        targets = [h];
      }
      const open = targets.filter((h) => !h.lock);
      counts = { locked: open.length, alreadyLocked: targets.length - open.length };
      // Nothing to lock: no change is recorded (the transaction rolls back on this marker).
      if (open.length === 0) throw new NothingToLock();
      const at = ctx.now().toISOString();
      for (const h of open) await w.insert('funding_locks', { hub_id: h.hubId, year_id: year.id, ...lockValues(h.computed), locked_by: ctx.user, locked_at: at });
      const only = open.length === 1 ? open[0]! : null;
      const summary = only
        ? `${only.hub} ${year.label}: allocation locked at a total available of ${formatPence(only.computed.figures.totalAvailablePence)}`
        : `${year.label}: ${open.length} hubs’ allocations locked`;
      return { value: null, summary, entityId: only ? `${only.hubId}/${year.label}` : year.label, details: { year: year.label, hubs: open.map((h) => h.hub) } };
    });
    return { ...counts, auditId: res.auditId, summary: res.summary };
  } catch (error) {
    if (error instanceof NothingToLock) return { ...counts, auditId: null, summary: 'Every hub is already locked: nothing was changed.' };
    throw error;
  }
}

class NothingToLock extends Error {}

/** Approves a pending difference: the lock takes the figures the roll now gives (audited, before and after, undoable). */
export async function approveFundingDifference(ctx: CoreContext, hubId: number, label: string): Promise<{ auditId: number; summary: string }> {
  const res = await applyChange(ctx, 'funding.approve_difference', { entity: 'funding_locks' }, async (w) => {
    const year = await requireYearField(w.trx, label);
    const hub = await requireHub(w.trx, hubId);
    const computed = await new FundingEngine(w.trx).year(year);
    const h = computed.hubs.get(hubId);
    if (!h?.lock) throw invalid('hubId', `${hub.name}’s ${year.label} figures are not locked: lock them first`);
    if (!h.pendingDifference) throw new HubdeskError('conflict', `${hub.name}’s ${year.label} figures have not changed since they were locked: nothing to approve.`);
    await w.update('funding_locks', { id: h.lock.id }, { ...lockValues(h.computed), locked_by: ctx.user, locked_at: ctx.now().toISOString() });
    return {
      value: null,
      summary: `${hub.name} ${year.label}: difference approved, re-locked at ${formatPence(h.computed.figures.totalAvailablePence)} (was ${formatPence(h.lock.figures.totalAvailablePence)})`,
      entityId: `${hub.id}/${year.label}`,
      details: { hub: hub.name, year: year.label, difference: h.pendingDifference.lines },
    };
  });
  return { auditId: res.auditId, summary: res.summary };
}

/** Unlocks a hub's allocation for a year, with finance's reason: its figures follow the roll again (audited, undoable). */
export async function unlockFunding(ctx: CoreContext, input: { hubId: number; year: string; reason: string }): Promise<{ auditId: number; summary: string }> {
  const reason = input.reason.trim();
  if (reason === '') throw invalid('reason', 'a reason is needed');
  const res = await applyChange(ctx, 'funding.unlock', { entity: 'funding_locks' }, async (w) => {
    const year = await requireYearField(w.trx, input.year);
    const hub = await requireHub(w.trx, input.hubId);
    const lock = await w.trx.selectFrom('funding_locks').where('hub_id', '=', hub.id).where('year_id', '=', year.id).selectAll().executeTakeFirst();
    if (!lock) throw invalid('hubId', `${hub.name}’s ${year.label} figures are not locked: there is nothing to unlock`);
    await w.remove('funding_locks', { id: lock.id });
    return {
      value: null,
      summary: `${hub.name} ${year.label}: allocation unlocked (locked at ${formatPence(lock.total_available_pence)} by ${lock.locked_by} on ${longDate(lock.locked_at.slice(0, 10))}): ${reason}`,
      entityId: `${hub.id}/${year.label}`,
      details: { hub: hub.name, year: year.label, reason },
    };
  });
  return { auditId: res.auditId, summary: res.summary };
}
