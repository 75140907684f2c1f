import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import type { AllocationSnapshot } from '@shared/domain/funding-lock';
import { recordAudit } from '../changes/audit-entry';
import { HubdeskError } from '../errors';
import { FundingEngine, type HubYear } from './engine';
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

async function insertLock(trx: Transaction<Database>, ctx: CoreContext, h: HubYear, yearId: number, year: string): Promise<void> {
  const row = await trx
    .insertInto('funding_locks')
    .values({ hub_id: h.hubId, year_id: yearId, ...lockValues(h.computed), locked_by: ctx.user, locked_at: ctx.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: 'lock',
    entity: 'funding_lock',
    entityId: row.id,
    after: { hub: h.hub, year, ...h.computed },
  });
}

/** Locks the computed allocation of one hub, or of every hub not yet locked, for a year. */
export async function lockFunding(ctx: CoreContext, label: string, hubId: number | undefined): Promise<{ locked: number; alreadyLocked: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const year = await requireYearField(trx, label);
    if (hubId !== undefined) await requireHub(trx, hubId);
    const computed = await new FundingEngine(trx).year(year);
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
    for (const h of open) await insertLock(trx, ctx, h, year.id, year.label);
    return { locked: open.length, alreadyLocked: targets.length - open.length };
  });
}

/** Approves a pending difference: the lock takes the figures the roll now gives (audited, before and after). */
export async function approveFundingDifference(ctx: CoreContext, hubId: number, label: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const year = await requireYearField(trx, label);
    const hub = await requireHub(trx, hubId);
    const computed = await new FundingEngine(trx).year(year);
    const h = computed.hubs.get(hubId);
    if (!h?.lock) throw invalid('hubId', `${hub.name}’s ${year.label} figures are not locked: lock them first`);
    if (!h.pendingDifference) throw new HubdeskError('conflict', `${hub.name}’s ${year.label} figures have not changed since they were locked: nothing to approve.`);
    const row = await trx
      .updateTable('funding_locks')
      .set({ ...lockValues(h.computed), locked_by: ctx.user, locked_at: ctx.now().toISOString() })
      .where('hub_id', '=', hubId)
      .where('year_id', '=', year.id)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'approve_difference',
      entity: 'funding_lock',
      entityId: row.id,
      before: { hub: h.hub, year: year.label, lockedBy: h.lock.lockedBy, lockedAt: h.lock.lockedAt, figures: h.lock.figures, perSchool: h.lock.perSchool },
      after: { hub: h.hub, year: year.label, ...h.computed, difference: h.pendingDifference.lines },
    });
  });
}
