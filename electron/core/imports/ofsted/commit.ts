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
import { backUpAhead, commitOnce } from '../commit-flow';
import { forget, plannedOnce, type StampedPlan } from '../memo';
import { stagedFile, stagedFrom, unstage, type FileReference, type StagedFile } from '../staging';
import { diffHashOf, refuseUnlessPreviewed, type PreviewedFile } from '../guard';
import { runPlanInWorker } from '../worker/pool';
import type { TextEncoding } from '../files/encoding';
import { issueText, type OfstedPlan } from './plan';
import { loadStoreFacts, OFSTED_BATCH_KIND } from './store-facts';
import { keyOf, type MappedInspection } from './map-row';
import { countOf } from '@shared/plural';

export interface OfstedOptions {
  allSchools?: boolean;
  encoding?: TextEncoding;
}

interface PlannedFile {
  plan: OfstedPlan;
  diffHash: string;
}

function planKey(file: StagedFile, options: OfstedOptions): string {
  return JSON.stringify(['ofsted', file.id, options.allSchools ?? false, options.encoding ?? null]);
}

/**
 * The file planned against the store as it is now: the preview's plan while nothing was written
 * since, otherwise planned again with fresh store facts. The file is read and planned in the import
 * worker (which keeps the file it read for the next plan): only the plan crosses back.
 */
async function plannedFile(ctx: CoreContext, file: StagedFile, options: OfstedOptions): Promise<StampedPlan<PlannedFile>> {
  return plannedOnce(ctx.store, planKey(file, options), async () => {
    // The facts are loaded here while the worker reads the file.
    const plan = await runPlanInWorker(
      {
        kind: 'ofsted-plan',
        fileName: file.fileName,
        bytes: file.bytes,
        sha256: file.sha256,
        stagingId: file.id,
        encoding: options.encoding,
        allSchools: options.allSchools ?? false,
      },
      () => loadStoreFacts(ctx.db, file.sha256),
    );
    return { plan, diffHash: diffHashOf(plan.toInsert.map(keyOf)) };
  });
}

export async function previewOfstedFile(ctx: CoreContext, request: FileReference & OfstedOptions): Promise<OfstedImportPreview> {
  const file = stagedFrom('ofsted', request);
  const { plan, diffHash } = (await plannedFile(ctx, file, request)).value;
  backUpAhead(ctx, plan.preview.canCommit && plan.toInsert.length > 0);
  return { ...plan.preview, stagingId: file.id, diffHash };
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

export async function commitOfstedFile(ctx: CoreContext, request: { stagingId: string } & PreviewedFile & OfstedOptions): Promise<OfstedCommitResult> {
  const file = stagedFile('ofsted', request.stagingId);
  const result = await commitOnce<PlannedFile, OfstedCommitResult>(ctx, {
    backupReason: 'before-import-ofsted',
    plan: () => plannedFile(ctx, file, request),
    check: ({ plan, diffHash }) => {
      if (plan.preview.errorCount > 0) refuse(plan);
      refuseUnlessPreviewed(file, diffHash, request);
      return plan.toInsert.length === 0 ? nothingNew(plan) : undefined;
    },
    write: (trx, { plan }, backup) => writePlan(trx, ctx, file, plan, backup?.name ?? null),
  });
  if (result.batchId !== null) {
    forget(ctx.store, planKey(file, request));
    unstage(file.id);
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
  parsed: Pick<StagedFile, 'fileName' | 'sha256'>,
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
