import crypto from 'node:crypto';
import type { CoreContext } from '../context';
import type { PlanImportPreview, PlanImportResult } from '@shared/contract/funding';
import { formatPence, sumPence } from '@shared/domain/money';
import { recordAudit } from '../changes/audit-entry';
import { ChangeSet } from '../changes/change-set';
import { planLines } from './detail';
import { planFor } from './plan';
import { readPlanWorkbook, suggestion } from './plan-workbook';
import { invalid, requireHub, requireYearField } from './validate';

interface ImportInput {
  hubId: number;
  year: string;
  fileName: string;
  contentBase64: string;
}

function decode(contentBase64: string): Buffer {
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length === 0) throw invalid('contentBase64', 'the file is empty');
  return content;
}

async function categories(ctx: CoreContext) {
  return ctx.db.selectFrom('spend_categories').select(['id', 'name']).where('retired_at', 'is', null).orderBy('position').execute();
}

/** Reads the workbook and says what a commit would do. Writes nothing. */
export async function previewPlanImport(ctx: CoreContext, input: ImportInput): Promise<PlanImportPreview> {
  const year = await requireYearField(ctx.db, input.year);
  await requireHub(ctx.db, input.hubId);
  const book = await readPlanWorkbook(decode(input.contentBase64), await categories(ctx));
  const current = await planLines(ctx.db, input.hubId, year.id);
  return {
    fileName: input.fileName,
    sheet: book.sheet,
    rows: book.rows,
    replacesLines: current.length,
    totalExactPence: sumPence(book.rows.map((r) => r.pence ?? 0)),
    needsConfirmation: book.rows.filter((r) => r.confirm !== null).length,
    problems: book.rows.filter((r) => r.problems.length > 0).length,
  };
}

/** Replaces the hub's plan lines with the workbook's, all or nothing; every flagged cost must be confirmed. */
export async function commitPlanImport(
  ctx: CoreContext,
  input: ImportInput & { confirmations: { row: number; pence: number }[] },
): Promise<PlanImportResult> {
  const year = await requireYearField(ctx.db, input.year);
  const hub = await requireHub(ctx.db, input.hubId);
  const content = decode(input.contentBase64);
  const book = await readPlanWorkbook(content, await categories(ctx));
  if (book.rows.length === 0) throw invalid('contentBase64', `the sheet “${book.sheet}” has headers but no plan lines`);
  const bad = book.rows.filter((r) => r.problems.length > 0);
  if (bad.length > 0) {
    const first = bad[0]!;
    throw invalid('contentBase64', `${bad.length} row(s) cannot be imported; row ${first.row} of “${book.sheet}”: ${first.problems.join('; ')}`);
  }
  const confirmed = new Map<number, number>();
  for (const c of input.confirmations) {
    const row = book.rows.find((r) => r.row === c.row);
    if (!row) throw invalid('confirmations', `row ${c.row} is not a plan line of “${book.sheet}”`);
    if (row.confirm === null) throw invalid('confirmations', `row ${c.row}’s cost “${row.costText}” is exact and needs no confirming`);
    if (c.pence < 0) throw invalid('confirmations', `row ${c.row}: a planned cost cannot be negative`);
    confirmed.set(c.row, c.pence);
  }
  const lines = book.rows.map((r, i) => {
    const pence = r.pence ?? confirmed.get(r.row);
    if (pence === undefined) {
      throw invalid('confirmations', `row ${r.row}: the cost “${r.costText}” needs confirming: ${r.confirm?.reason ?? 'not exact'}${suggestion(r.confirm?.suggestedPence ?? null)}`);
    }
    return { priority: r.priority, activity: r.activity, planned_pence: pence, amount_as_typed: r.costText, category_id: r.categoryId!, position: i + 1, row: r.row, category: r.category };
  });
  const total = sumPence(lines.map((l) => l.planned_pence));

  return ctx.db.transaction().execute(async (trx) => {
    const planId = await planFor(trx, hub.id, year.id);
    const before = await planLines(trx, hub.id, year.id);
    const batch = await trx
      .insertInto('import_batches')
      .values({
        kind: 'plan',
        file_name: input.fileName,
        sha256: crypto.createHash('sha256').update(content).digest('hex'),
        year_id: year.id,
        row_count: lines.length,
        summary_json: JSON.stringify({ hub: hub.name, sheet: book.sheet, lines: lines.length, totalPlannedPence: total, replaced: before.length }),
        created_by: ctx.user,
        created_at: ctx.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Every line replaced and every line written is kept with the batch (import_changes, audit log).
    const set = new ChangeSet(trx, { batchId: batch.id, ctx });
    await set.removeWhere('action_plan_lines', 'plan_id', [planId]);
    await set.insertMany('action_plan_lines', lines.map(({ row: _row, category: _category, ...l }) => ({ plan_id: planId, ...l })));
    await set.flush();
    await recordAudit(trx, ctx, {
      action: 'import',
      entity: 'action_plan',
      entityId: planId,
      importBatchId: batch.id,
      before: { hub: hub.name, year: year.label, lines: before },
      after: {
        hub: hub.name,
        year: year.label,
        file: input.fileName,
        total: formatPence(total),
        lines: lines.map((l) => ({ row: l.row, priority: l.priority, activity: l.activity, plannedPence: l.planned_pence, category: l.category })),
      },
    });
    return { lines: lines.length, totalPlannedPence: total, importBatchId: batch.id };
  });
}
