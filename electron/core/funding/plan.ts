import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import type { PlanLineView } from '@shared/contract/funding';
import { recordAudit } from '../changes/audit-entry';
import { invalid, plannedAmount, requireCategory, requireHub, requireYearField } from './validate';

export interface PlanLineInput {
  priority: string;
  activity: string;
  amount: string;
  confirmedPence?: number;
  categoryId: number;
}

/** The hub's plan for the year, created empty when it does not exist yet. */
export async function planFor(trx: Transaction<Database>, hubId: number, yearId: number): Promise<number> {
  const found = await trx.selectFrom('action_plans').select('id').where('hub_id', '=', hubId).where('year_id', '=', yearId).executeTakeFirst();
  if (found) return found.id;
  const row = await trx.insertInto('action_plans').values({ hub_id: hubId, year_id: yearId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function lineView(trx: Transaction<Database>, lineId: number): Promise<PlanLineView | null> {
  const r = await trx
    .selectFrom('action_plan_lines')
    .innerJoin('spend_categories', 'spend_categories.id', 'action_plan_lines.category_id')
    .where('action_plan_lines.id', '=', lineId)
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
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    position: r.position,
    priority: r.priority,
    activity: r.activity,
    plannedPence: r.planned_pence,
    amountAsTyped: r.amount_as_typed,
    categoryId: r.category_id,
    category: r.category,
  };
}

async function checkedLine(trx: Transaction<Database>, input: PlanLineInput) {
  const priority = input.priority.trim();
  const activity = input.activity.trim();
  if (priority === '') throw invalid('priority', 'a priority is needed');
  if (activity === '') throw invalid('activity', 'an activity is needed');
  const pence = plannedAmount(input.amount, input.confirmedPence);
  await requireCategory(trx, input.categoryId);
  return { priority, activity, planned_pence: pence, amount_as_typed: input.amount.trim(), category_id: input.categoryId };
}

async function planOfLine(trx: Transaction<Database>, lineId: number) {
  const row = await trx
    .selectFrom('action_plan_lines')
    .innerJoin('action_plans', 'action_plans.id', 'action_plan_lines.plan_id')
    .innerJoin('hubs', 'hubs.id', 'action_plans.hub_id')
    .innerJoin('membership_years', 'membership_years.id', 'action_plans.year_id')
    .select(['hubs.name as hub', 'membership_years.label as year'])
    .where('action_plan_lines.id', '=', lineId)
    .executeTakeFirst();
  if (!row) throw invalid('lineId', `there is no action plan line with id ${lineId}`);
  return row;
}

export async function addPlanLine(ctx: CoreContext, input: PlanLineInput & { hubId: number; year: string }): Promise<PlanLineView> {
  return ctx.db.transaction().execute(async (trx) => {
    const year = await requireYearField(trx, input.year);
    const hub = await requireHub(trx, input.hubId);
    const values = await checkedLine(trx, input);
    const planId = await planFor(trx, hub.id, year.id);
    const last = await trx
      .selectFrom('action_plan_lines')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    const { id } = await trx
      .insertInto('action_plan_lines')
      .values({ plan_id: planId, ...values, position: Number(last?.p ?? 0) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = (await lineView(trx, id))!;
    await recordAudit(trx, ctx, { action: 'create', entity: 'action_plan_line', entityId: id, after: { hub: hub.name, year: year.label, ...view } });
    return view;
  });
}

export async function updatePlanLine(ctx: CoreContext, input: PlanLineInput & { lineId: number }): Promise<PlanLineView> {
  return ctx.db.transaction().execute(async (trx) => {
    const where = await planOfLine(trx, input.lineId);
    const before = (await lineView(trx, input.lineId))!;
    const values = await checkedLine(trx, input);
    await trx.updateTable('action_plan_lines').set(values).where('id', '=', input.lineId).execute();
    const after = (await lineView(trx, input.lineId))!;
    await recordAudit(trx, ctx, { action: 'update', entity: 'action_plan_line', entityId: input.lineId, before: { ...where, ...before }, after: { ...where, ...after } });
    return after;
  });
}

export async function deletePlanLine(ctx: CoreContext, lineId: number): Promise<{ deleted: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const where = await planOfLine(trx, lineId);
    const before = (await lineView(trx, lineId))!;
    await trx.deleteFrom('action_plan_lines').where('id', '=', lineId).execute();
    await recordAudit(trx, ctx, { action: 'delete', entity: 'action_plan_line', entityId: lineId, before: { ...where, ...before } });
    return { deleted: 1 };
  });
}

export async function setPlanSubmission(
  ctx: CoreContext,
  input: { hubId: number; year: string; draftSubmittedOn?: string | null; finalSubmittedOn?: string | null },
): Promise<{ draftSubmittedOn: string | null; finalSubmittedOn: string | null }> {
  if (input.draftSubmittedOn === undefined && input.finalSubmittedOn === undefined) {
    throw invalid('draftSubmittedOn', 'give draftSubmittedOn or finalSubmittedOn (a date, or null to clear it)');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const year = await requireYearField(trx, input.year);
    const hub = await requireHub(trx, input.hubId);
    const planId = await planFor(trx, hub.id, year.id);
    const before = await trx.selectFrom('action_plans').select(['draft_submitted_on', 'final_submitted_on']).where('id', '=', planId).executeTakeFirstOrThrow();
    const draft = input.draftSubmittedOn === undefined ? before.draft_submitted_on : input.draftSubmittedOn;
    const final = input.finalSubmittedOn === undefined ? before.final_submitted_on : input.finalSubmittedOn;
    if (draft !== null && final !== null && final < draft) {
      throw invalid('finalSubmittedOn', `the final plan (${final}) cannot be submitted before the draft (${draft})`);
    }
    await trx.updateTable('action_plans').set({ draft_submitted_on: draft, final_submitted_on: final }).where('id', '=', planId).execute();
    await recordAudit(trx, ctx, {
      action: 'set_submission',
      entity: 'action_plan',
      entityId: planId,
      before: { hub: hub.name, year: year.label, draftSubmittedOn: before.draft_submitted_on, finalSubmittedOn: before.final_submitted_on },
      after: { hub: hub.name, year: year.label, draftSubmittedOn: draft, finalSubmittedOn: final },
    });
    return { draftSubmittedOn: draft, finalSubmittedOn: final };
  });
}
