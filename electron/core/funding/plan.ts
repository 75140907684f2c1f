import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import type { PlanLineView } from '@shared/contract/funding';
import type { RecordsChange } from '@shared/contract/records';
import { formatPence } from '@shared/domain/money';
import { longDate } from '@shared/domain/reconciliation';
import { applyChange, type ChangeSet } from '../changes/change-set';
import { invalid, plannedAmount, requireCategory, requireHub, requireYearField } from './validate';

export interface PlanLineInput {
  priority: string;
  activity: string;
  amount: string;
  confirmedPence?: number;
  categoryId: number;
}

/** The hub's plan for the year, created empty (as part of the change, so undo removes it too) when it does not exist yet. */
async function planFor(w: ChangeSet, hubId: number, yearId: number): Promise<number> {
  const found = await w.trx.selectFrom('action_plans').select('id').where('hub_id', '=', hubId).where('year_id', '=', yearId).executeTakeFirst();
  if (found) return found.id;
  const row = await w.insert('action_plans', { hub_id: hubId, year_id: yearId });
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

function describe(where: { hub: string; year: string }, line: PlanLineView): string {
  return `${where.hub} ${where.year}: plan line “${line.activity}” (${formatPence(line.plannedPence)}, ${line.priority})`;
}

/** Adds a line at the end of the hub's plan: one audited change, undoable. */
export async function addPlanLine(ctx: CoreContext, input: PlanLineInput & { hubId: number; year: string }): Promise<RecordsChange<PlanLineView>> {
  const res = await applyChange(ctx, 'plan_line.create', { entity: 'action_plan_lines' }, async (w) => {
    const year = await requireYearField(w.trx, input.year);
    const hub = await requireHub(w.trx, input.hubId);
    const values = await checkedLine(w.trx, input);
    const planId = await planFor(w, hub.id, year.id);
    const last = await w.trx
      .selectFrom('action_plan_lines')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    const row = await w.insert('action_plan_lines', { plan_id: planId, ...values, position: Number(last?.p ?? 0) + 1 });
    const view = (await lineView(w.trx, row.id))!;
    const where = { hub: hub.name, year: year.label };
    return { value: view, summary: `${describe(where, view)} added`, entityId: view.id, details: where };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

/** Changes a plan line: one audited change, undoable. */
export async function updatePlanLine(ctx: CoreContext, input: PlanLineInput & { lineId: number }): Promise<RecordsChange<PlanLineView>> {
  const res = await applyChange(ctx, 'plan_line.update', { entity: 'action_plan_lines', id: input.lineId }, async (w) => {
    const where = await planOfLine(w.trx, input.lineId);
    const values = await checkedLine(w.trx, input);
    await w.update('action_plan_lines', { id: input.lineId }, values);
    const after = (await lineView(w.trx, input.lineId))!;
    return { value: after, summary: `${describe(where, after)} changed`, details: where };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

/** Deletes a plan line: one audited change, undoable. */
export async function deletePlanLine(ctx: CoreContext, lineId: number): Promise<RecordsChange<PlanLineView>> {
  const res = await applyChange(ctx, 'plan_line.delete', { entity: 'action_plan_lines', id: lineId }, async (w) => {
    const where = await planOfLine(w.trx, lineId);
    const before = (await lineView(w.trx, lineId))!;
    await w.remove('action_plan_lines', { id: lineId });
    return { value: before, summary: `${describe(where, before)} deleted`, details: where };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

export interface PlanSubmission {
  draftSubmittedOn: string | null;
  finalSubmittedOn: string | null;
}

/** Records when the draft and final plan were submitted (null clears): one audited change, undoable. */
export async function setPlanSubmission(
  ctx: CoreContext,
  input: { hubId: number; year: string; draftSubmittedOn?: string | null; finalSubmittedOn?: string | null },
): Promise<RecordsChange<PlanSubmission>> {
  if (input.draftSubmittedOn === undefined && input.finalSubmittedOn === undefined) {
    throw invalid('draftSubmittedOn', 'give draftSubmittedOn or finalSubmittedOn (a date, or null to clear it)');
  }
  const res = await applyChange(ctx, 'plan.set_submission', { entity: 'action_plans' }, async (w) => {
    const year = await requireYearField(w.trx, input.year);
    const hub = await requireHub(w.trx, input.hubId);
    const planId = await planFor(w, hub.id, year.id);
    const before = await w.trx.selectFrom('action_plans').select(['draft_submitted_on', 'final_submitted_on']).where('id', '=', planId).executeTakeFirstOrThrow();
    const draft = input.draftSubmittedOn === undefined ? before.draft_submitted_on : input.draftSubmittedOn;
    const final = input.finalSubmittedOn === undefined ? before.final_submitted_on : input.finalSubmittedOn;
    if (draft !== null && final !== null && final < draft) {
      throw invalid('finalSubmittedOn', `the final plan (${final}) cannot be submitted before the draft (${draft})`);
    }
    await w.update('action_plans', { id: planId }, { draft_submitted_on: draft, final_submitted_on: final });
    const shown = (d: string | null) => (d === null ? 'not submitted' : longDate(d));
    return {
      value: { draftSubmittedOn: draft, finalSubmittedOn: final },
      summary: `${hub.name} ${year.label}: action plan submitted — draft ${shown(draft)}, final ${shown(final)}`,
      entityId: planId,
      details: { hub: hub.name, year: year.label },
    };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}
