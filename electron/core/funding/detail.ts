import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import type { HubFundingDetail, PlanLineView } from '@shared/contract/funding';
import { checkPlanAllocation, planDeadlineStatus } from '@shared/domain/reconciliation';
import { HubdeskError } from '../errors';
import { figuresSideBySide } from '@shared/domain/funding-lock';
import { hubFundingYear } from './cache';
import { yearOrNotFound } from './overview';

export async function planLines(db: Kysely<Database>, hubId: number, yearId: number): Promise<PlanLineView[]> {
  const rows = await db
    .selectFrom('action_plan_lines')
    .innerJoin('action_plans', 'action_plans.id', 'action_plan_lines.plan_id')
    .innerJoin('spend_categories', 'spend_categories.id', 'action_plan_lines.category_id')
    .where('action_plans.hub_id', '=', hubId)
    .where('action_plans.year_id', '=', yearId)
    .select([
      'action_plan_lines.id',
      'action_plan_lines.position',
      'action_plan_lines.priority',
      'action_plan_lines.activity',
      'action_plan_lines.planned_pence',
      'action_plan_lines.amount_as_typed',
      'action_plan_lines.category_id',
      'spend_categories.name as category',
    ])
    .orderBy('action_plan_lines.position')
    .orderBy('action_plan_lines.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    priority: r.priority,
    activity: r.activity,
    plannedPence: r.planned_pence,
    amountAsTyped: r.amount_as_typed,
    categoryId: r.category_id,
    category: r.category,
  }));
}

/** Everything the hub drill-down shows, each figure with its reasons. */
export async function hubFundingDetail(ctx: CoreContext, hubId: number, label: string | undefined): Promise<HubFundingDetail> {
  const hub = await ctx.db.selectFrom('hubs').select(['id', 'name']).where('id', '=', hubId).executeTakeFirst();
  if (!hub) throw new HubdeskError('not_found', `There is no hub with id ${hubId}.`);
  const year = await yearOrNotFound(ctx, label);
  const { year: computedYear, hub: h } = await hubFundingYear(ctx, hubId, year);
  // The figures in force and their explanation come from one set: the locked one once locked, else the live one.
  const inForce = h.locked ?? h.live;

  const plan = computedYear.data.plans.get(hubId) ?? { draftSubmittedOn: null, finalSubmittedOn: null };
  const lines = await planLines(ctx.db, hubId, year.id);
  const categories = await ctx.db
    .selectFrom('spend_categories')
    .select(['id', 'name'])
    .where('retired_at', 'is', null)
    .orderBy('position')
    .orderBy('name')
    .execute();

  return {
    hubId,
    hub: hub.name,
    year: year.label,
    basis: inForce.basis,
    figures: inForce.figures,
    applied: inForce.applied,
    explanation: inForce.explanation,
    live: h.live,
    locked: h.locked,
    sideBySide: h.locked ? figuresSideBySide(h.locked.figures, h.live.figures) : null,
    perSchool: h.funding.perSchool,
    carryForward: h.carryForward,
    pendingDifference: h.pendingDifference,
    release: h.release,
    deadlines: planDeadlineStatus({
      draftDeadline: year.draftPlanDeadline,
      finalDeadline: year.finalPlanDeadline,
      draftSubmittedOn: plan.draftSubmittedOn,
      finalSubmittedOn: plan.finalSubmittedOn,
      today: ctx.today(),
    }),
    plan: {
      draftSubmittedOn: plan.draftSubmittedOn,
      finalSubmittedOn: plan.finalSubmittedOn,
      lines,
      allocation: checkPlanAllocation(lines.map((l) => ({ priority: l.priority, plannedPence: l.plannedPence })), h.effective.figures.totalAvailablePence),
    },
    claims: computedYear.data.claims.get(hubId) ?? [],
    reconciliation: h.reconciliation,
    categories,
  };
}
