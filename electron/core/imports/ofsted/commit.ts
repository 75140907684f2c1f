/**
 * Preview and commit of an Ofsted file. The commit refuses a file with any error (nothing written),
 * writes nothing when the file holds nothing new, and otherwise takes a backup, then in one
 * transaction records an import batch of kind 'ofsted' (recordBatch: the batch row and its audit
 * entry) and inserts the new inspections and their judgements as rows the batch owns (undo deletes
 * them by the batch's id).
 */
import type { Transaction } from 'kysely';
import type { OfstedCommitResult, OfstedImportPreview } from '@shared/contract/ofsted-import';
import type { CoreContext } from '../../context';
import type { Database } from '../../db/schema';
import { HubdeskError } from '../../errors';
import { recordBatch } from '../../changes/import-batches';
import { ChangeSet } from '../../changes/change-set';
import { commitOnce } from '../commit-flow';
import { forget, parsedOnce, plannedOnce, type StampedPlan } from '../memo';
import { buildPlan, issueText, type OfstedPlan } from './plan';
import { baseName, parseOfstedFile, sha256Of, type ParsedOfstedFile } from './parse';
import { loadStoreFacts, OFSTED_BATCH_KIND } from './store-facts';
import { keyOf, type MappedInspection } from './map-row';
import { countOf } from '@shared/plural';

export interface OfstedFileInput {
  fileName: string;
  bytes: Uint8Array;
  allSchools?: boolean;
}

interface PlannedFile {
  parsed: ParsedOfstedFile;
  plan: OfstedPlan;
}

function keys(input: OfstedFileInput, sha256: string) {
  const fileName = baseName(input.fileName);
  return { file: `ofsted|${sha256}|${fileName}`, plan: JSON.stringify(['ofsted', sha256, fileName, input.allSchools ?? false]) };
}

/**
 * The file planned against the store as it is now: the preview's plan while nothing was written
 * since, otherwise planned again from the parsed file (kept a few minutes) and fresh store facts.
 */
async function plannedFile(ctx: CoreContext, input: OfstedFileInput, sha256: string): Promise<StampedPlan<PlannedFile>> {
  const k = keys(input, sha256);
  return plannedOnce(ctx.store, k.plan, async () => {
    const parsed = await parsedOnce(k.file, () => parseOfstedFile(input.fileName, input.bytes, sha256));
    const facts = await loadStoreFacts(ctx.db, parsed.sha256);
    return { parsed, plan: buildPlan(parsed, facts, input.allSchools ?? false) };
  });
}

export async function previewOfstedFile(ctx: CoreContext, input: OfstedFileInput): Promise<OfstedImportPreview> {
  return (await plannedFile(ctx, input, sha256Of(input.bytes))).value.plan.preview;
}

/** Refuses the file: the message names the first problem; issues carry the first 50 (the preview lists 200). */
function refuse(plan: OfstedPlan): never {
  const p = plan.preview;
  const MAX_ISSUES = 50;
  const first = p.errors[0];
  const more = p.errorCount > MAX_ISSUES ? ` The first ${MAX_ISSUES} are listed; a preview lists up to ${p.errors.length}.` : '';
  throw new HubdeskError(
    'validation',
    `${p.fileName}: ${countOf(p.errorCount, 'problem')}; nothing was imported. ${first ? issueText(first) : ''}${more}`,
    {
      issues: p.errors.slice(0, MAX_ISSUES).map((e) => ({
        path: [e.row !== null ? `row ${e.row}` : null, e.column, e.urn ? `URN ${e.urn}` : null].filter(Boolean).join(', ') || 'file',
        message: e.message,
      })),
    },
  );
}

export async function commitOfstedFile(ctx: CoreContext, input: OfstedFileInput): Promise<OfstedCommitResult> {
  const sha256 = sha256Of(input.bytes);
  const result = await commitOnce<PlannedFile, OfstedCommitResult>(ctx, {
    backupReason: 'before-import-ofsted',
    plan: () => plannedFile(ctx, input, sha256),
    check: ({ plan }) => {
      if (plan.preview.errorCount > 0) refuse(plan);
      return plan.toInsert.length === 0 ? nothingNew(plan) : undefined;
    },
    write: (trx, { parsed, plan }, backup) => writePlan(trx, ctx, parsed, plan, backup?.name ?? null),
  });
  if (result.batchId !== null) {
    const k = keys(input, sha256);
    forget(ctx.store, k.plan, k.file);
  }
  return result;
}

function nothingNew(plan: OfstedPlan): OfstedCommitResult {
  const p = plan.preview;
  const why =
    p.rowsKept === 0 && !p.allSchools
      ? `has no row of a member school (${p.rowsIgnored} rows of other schools ignored; import every school with allSchools / --all)`
      : `holds no inspection that is not already stored (${p.duplicatesSkipped} already stored)`;
  return {
    batchId: null,
    sourceAsAt: p.sourceAsAt,
    inspectionsAdded: 0,
    judgementsAdded: 0,
    schools: 0,
    duplicatesSkipped: p.duplicatesSkipped,
    rowsIgnored: p.rowsIgnored,
    warningCount: p.warningCount,
    backupFile: null,
    message: `${p.fileName} ${why}; nothing was written.`,
  };
}

async function writePlan(
  trx: Transaction<Database>,
  ctx: CoreContext,
  parsed: ParsedOfstedFile,
  plan: OfstedPlan,
  backupFile: string | null,
): Promise<OfstedCommitResult> {
  const p = plan.preview;
  const schools = new Set(plan.toInsert.map((i) => i.urn)).size;
  const summary = {
    format: p.format,
    encoding: p.encoding,
    sheet: p.sheetName,
    sourceAsAt: p.sourceAsAt,
    sourceAsAtFrom: p.sourceAsAtFrom,
    allSchools: p.allSchools,
    rowsKept: p.rowsKept,
    rowsIgnored: p.rowsIgnored,
    blankRows: p.blankRows,
    inspectionsAdded: p.newInspections,
    judgementsAdded: p.newJudgements,
    byFramework: p.newByFramework,
    schools,
    duplicatesSkipped: p.duplicatesSkipped,
    warnings: p.warningCount,
  };
  const batchId = await recordBatch(trx, ctx, {
    kind: OFSTED_BATCH_KIND,
    fileName: parsed.fileName,
    sha256: parsed.sha256,
    yearId: null,
    rowCount: p.rows,
    summary,
    sourceAsAt: p.sourceAsAt,
  });

  const rows = plan.toInsert.map((i) => ({
    urn: i.urn,
    inspection_number: i.inspectionNumber,
    start_date: i.startDate,
    publication_date: i.publicationDate,
    inspection_type: i.inspectionType,
    framework: i.framework,
    category_of_concern: i.categoryOfConcern,
    outcome_text: i.outcomeText,
    import_batch_id: batchId,
    source_as_at: p.sourceAsAt,
    urn_at_inspection: i.urnAtInspection,
  }));
  // The batch owns these rows by its id: undo deletes them by it (an Ofsted import only ever adds).
  const set = new ChangeSet(trx, { batchId, ctx });
  await set.insertOwned('ofsted_inspections', rows);
  // One query maps the new rows back to their ids (multi-row RETURNING has no guaranteed order).
  const inserted = await trx
    .selectFrom('ofsted_inspections')
    .where('import_batch_id', '=', batchId)
    .select(['id', 'urn', 'start_date', 'framework'])
    .execute();
  const idByKey = new Map(inserted.map((r) => [keyOf({ urn: r.urn, startDate: r.start_date, framework: r.framework }), r.id]));
  const judgements = plan.toInsert.flatMap((i: MappedInspection) => {
    const inspectionId = idByKey.get(keyOf(i));
    if (inspectionId === undefined) throw new Error(`inspection ${keyOf(i)} was not inserted`);
    return i.judgements.map((j) => ({ inspection_id: inspectionId, area: j.area, grade: j.grade, grade_date: j.gradeDate }));
  });
  await set.insertOwned('ofsted_judgements', judgements);

  const asAt = p.sourceAsAt ? ` (as at ${p.sourceAsAt}, from the ${p.sourceAsAtFrom})` : '';
  return {
    batchId,
    sourceAsAt: p.sourceAsAt,
    inspectionsAdded: p.newInspections,
    judgementsAdded: p.newJudgements,
    schools,
    duplicatesSkipped: p.duplicatesSkipped,
    rowsIgnored: p.rowsIgnored,
    warningCount: p.warningCount,
    backupFile,
    message: `Imported ${countOf(p.newInspections, 'new inspection')} of ${countOf(schools, 'school')} from ${parsed.fileName}${asAt}; ${p.duplicatesSkipped} already stored were skipped.`,
  };
}
