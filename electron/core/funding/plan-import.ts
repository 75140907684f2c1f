/**
 * The action plan import: the same safety as every import. The workbook is read and planned in the
 * import worker, within the file limits (and at most MAX_PLAN_LINES lines); the preview returns a staging id;
 * the commit names it with what the preview showed, takes a backup, replaces the hub's plan lines in
 * one transaction recorded as an import batch of kind 'plan' (every line deleted and inserted is
 * recorded), so the import can be undone like any other.
 */
import type { Transaction } from 'kysely';
import type { CoreContext } from '../context';
import type { Database } from '../db/schema';
import type { PlanImportPreview, PlanImportResult } from '@shared/contract/funding';
import { formatPence, sumPence } from '@shared/domain/money';
import { planLines } from './detail';
import { stagedFile, stagedFrom, unstage, type FileReference, type StagedFile } from '../imports/staging';
import { runInWorker } from '../imports/worker/pool';
import { plannedOnce, forget, type StampedPlan } from '../imports/memo';
import { backUpAhead, commitOnce } from '../imports/commit-flow';
import { recordBatch } from '../changes/import-batches';
import { ChangeSet } from '../changes/change-set';
import { refuseUnlessPreviewed, type PreviewedFile } from '../imports/guard';
import type { PlanWorkbook } from './plan-workbook';
import { suggestion } from './plan-workbook';
import { invalid, requireHub, requireYearField } from './validate';

export const PLAN_BATCH_KIND = 'plan';

interface HubYear {
  hubId: number;
  year: string;
}

interface PlannedImport {
  hub: { id: number; name: string };
  year: { id: number; label: string };
  book: PlanWorkbook;
  /** The plan row (null when the hub has none for the year yet) and the lines a commit replaces. */
  planRow: { id: number } | null;
  current: Awaited<ReturnType<typeof planLines>>;
  diffHash: string;
}

async function categories(ctx: CoreContext) {
  return ctx.db.selectFrom('spend_categories').select(['id', 'name']).where('retired_at', 'is', null).orderBy('position').execute();
}

function planKey(file: StagedFile, input: HubYear): string {
  return JSON.stringify(['plan', file.id, input.hubId, input.year]);
}

async function planned(ctx: CoreContext, file: StagedFile, input: HubYear): Promise<StampedPlan<PlannedImport>> {
  return plannedOnce(ctx.store, planKey(file, input), async () => {
    const year = await requireYearField(ctx.db, input.year);
    const hub = await requireHub(ctx.db, input.hubId);
    const cats = await categories(ctx);
    const planRow = (await ctx.db.selectFrom('action_plans').select('id').where('hub_id', '=', hub.id).where('year_id', '=', year.id).executeTakeFirst()) ?? null;
    const current = await planLines(ctx.db, hub.id, year.id);
    // Read and planned in the import worker (which keeps the workbook for the next plan) against the
    // spend categories and the lines a commit replaces; the plan lines cross back (the preview shows them).
    const { book, diffHash } = await runInWorker({ kind: 'plan', fileName: file.fileName, bytes: file.bytes, sha256: file.sha256, stagingId: file.id, categories: cats, current });
    return { hub: { id: hub.id, name: hub.name }, year: { id: year.id, label: year.label }, book, planRow, current, diffHash };
  });
}

/** Reads the workbook and says what a commit would do. Writes nothing. */
export async function previewPlanImport(ctx: CoreContext, input: HubYear & FileReference): Promise<PlanImportPreview> {
  const file = stagedFrom('plan', input);
  const p = (await planned(ctx, file, input)).value;
  // Lines needing confirmation can still be committed (with their confirmations); problems cannot.
  backUpAhead(ctx, p.book.rows.length > 0 && p.book.rows.every((r) => r.problems.length === 0));
  return {
    stagingId: file.id,
    sha256: file.sha256,
    diffHash: p.diffHash,
    fileName: file.fileName,
    sheet: p.book.sheet,
    rows: p.book.rows,
    replacesLines: p.current.length,
    totalExactPence: sumPence(p.book.rows.map((r) => r.pence ?? 0)),
    needsConfirmation: p.book.rows.filter((r) => r.confirm !== null).length,
    problems: p.book.rows.filter((r) => r.problems.length > 0).length,
  };
}

type Line = { priority: string; activity: string; planned_pence: number; amount_as_typed: string; category_id: number; position: number; row: number; category: string };

/** The lines to write, every flagged cost confirmed; refuses otherwise (nothing written). */
function linesToWrite(p: PlannedImport, confirmations: { row: number; pence: number }[]): Line[] {
  const { book } = p;
  if (book.rows.length === 0) throw invalid('file', `the sheet “${book.sheet}” has headers but no plan lines`);
  const bad = book.rows.filter((r) => r.problems.length > 0);
  if (bad.length > 0) {
    const first = bad[0]!;
    throw invalid('file', `${bad.length} row(s) cannot be imported; row ${first.row} of “${book.sheet}”: ${first.problems.join('; ')}`);
  }
  const confirmed = new Map<number, number>();
  for (const c of confirmations) {
    const row = book.rows.find((r) => r.row === c.row);
    if (!row) throw invalid('confirmations', `row ${c.row} is not a plan line of “${book.sheet}”`);
    if (row.confirm === null) throw invalid('confirmations', `row ${c.row}’s cost “${row.costText}” is exact and needs no confirming`);
    if (c.pence < 0) throw invalid('confirmations', `row ${c.row}: a planned cost cannot be negative`);
    confirmed.set(c.row, c.pence);
  }
  return book.rows.map((r, i) => {
    const pence = r.pence ?? confirmed.get(r.row);
    if (pence === undefined) {
      throw invalid('confirmations', `row ${r.row}: the cost “${r.costText}” needs confirming: ${r.confirm?.reason ?? 'not exact'}${suggestion(r.confirm?.suggestedPence ?? null)}`);
    }
    return { priority: r.priority, activity: r.activity, planned_pence: pence, amount_as_typed: r.costText, category_id: r.categoryId!, position: i + 1, row: r.row, category: r.category };
  });
}

async function write(trx: Transaction<Database>, ctx: CoreContext, file: StagedFile, p: PlannedImport, lines: Line[]): Promise<PlanImportResult> {
  const total = sumPence(lines.map((l) => l.planned_pence));
  const batchId = await recordBatch(trx, ctx, {
    kind: PLAN_BATCH_KIND,
    fileName: file.fileName,
    sha256: file.sha256,
    yearId: p.year.id,
    rowCount: lines.length,
    summary: { hub: p.hub.name, sheet: p.book.sheet, lines: lines.length, totalPlannedPence: total, total: formatPence(total), replaced: p.current.length },
  });
  // The plan row (when the hub had none), every line replaced and every line written are kept with
  // the batch (import_changes, audit log), so undoing the batch puts the old plan back.
  const set = new ChangeSet(trx, { batchId, ctx });
  const planId = p.planRow?.id ?? (await set.insert('action_plans', { hub_id: p.hub.id, year_id: p.year.id })).id;
  await set.removeWhere('action_plan_lines', 'plan_id', [planId]);
  await set.insertMany('action_plan_lines', lines.map(({ row: _row, category: _category, ...l }) => ({ plan_id: planId, ...l })));
  await set.flush();
  return { lines: lines.length, totalPlannedPence: total, importBatchId: batchId };
}

/** Replaces the hub's plan lines with the previewed workbook's, all or nothing, after a backup; every flagged cost must be confirmed. */
export async function commitPlanImport(ctx: CoreContext, input: HubYear & PreviewedFile & { stagingId: string; confirmations: { row: number; pence: number }[] }): Promise<PlanImportResult> {
  const file = stagedFile('plan', input.stagingId);
  let lines: Line[] = [];
  const result = await commitOnce<PlannedImport, PlanImportResult>(ctx, {
    backupReason: 'before-import-plan',
    plan: () => planned(ctx, file, input),
    check: (p) => {
      lines = linesToWrite(p, input.confirmations);
      refuseUnlessPreviewed(file, p.diffHash, input);
      return undefined;
    },
    write: (trx, p) => write(trx, ctx, file, p, lines),
  });
  forget(ctx.store, planKey(file, input));
  unstage(file.id);
  return result;
}
