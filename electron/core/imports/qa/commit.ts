/**
 * Preview and commit of a QA tracker. The commit refuses a file with any problem (nothing written),
 * writes nothing when nothing changes, and otherwise takes a backup, then in one transaction records
 * an import batch of kind 'qa' for the year and writes every row through the batch's ChangeSet (a
 * statement per kind of row, not per row), so undoing the batch puts back exactly what was there,
 * updates included.
 */
import type { Transaction } from 'kysely';
import type { QaCommitResult, QaImportPreview } from '@shared/contract/qa-import';
import type { CoreContext } from '../../context';
import type { Database } from '../../db/schema';
import { HubdeskError } from '../../errors';
import { backUpAhead, commitOnce } from '../commit-flow';
import { forget, plannedOnce, type StampedPlan } from '../memo';
import { recordBatch } from '../../changes/import-batches';
import { ChangeSet, type RowOf } from '../../changes/change-set';
import { stagedFile, stagedFrom, unstage, type FileReference, type StagedFile } from '../staging';
import { diffHashOf, refuseUnlessPreviewed, type PreviewedFile } from '../guard';
import { runPlanInWorker } from '../worker/pool';
import { loadQaFacts, QA_BATCH_KIND } from './store-facts';
import { issueText, type AssignmentOp, type QaPlan } from './plan';
import { countOf } from '@shared/plural';

interface PlannedTracker {
  plan: QaPlan;
  diffHash: string;
}

function planKey(file: StagedFile, year: string): string {
  return JSON.stringify(['qa', file.id, year]);
}

/**
 * The tracker planned against the store as it is now: the preview's plan while nothing was written
 * since (memo.ts). The year's facts are loaded here and the tracker read and planned in the import
 * worker (which keeps the file it read for the next plan): only the plan crosses back.
 */
async function plannedTracker(ctx: CoreContext, file: StagedFile, year: string): Promise<StampedPlan<PlannedTracker>> {
  return plannedOnce(ctx.store, planKey(file, year), async () => {
    // The facts are loaded here while the worker reads the file.
    const plan = await runPlanInWorker({ kind: 'qa-plan', fileName: file.fileName, bytes: file.bytes, sha256: file.sha256, stagingId: file.id, year }, () => loadQaFacts(ctx.db, year));
    return { plan, diffHash: diffHashOf({ reviews: plan.reviews, assignments: plan.assignments }) };
  });
}

export async function previewQaFile(ctx: CoreContext, request: FileReference & { year: string }): Promise<QaImportPreview> {
  const file = stagedFrom('qa', request);
  const { plan, diffHash } = (await plannedTracker(ctx, file, request.year)).value;
  backUpAhead(ctx, plan.preview.canCommit && !plan.preview.noChanges);
  return { ...plan.preview, stagingId: file.id, diffHash };
}

function refuse(plan: QaPlan): never {
  const p = plan.preview;
  throw new HubdeskError(
    'validation',
    `${p.fileName}: ${countOf(p.errorCount, 'problem')}; nothing was imported. ${p.errors[0] ? issueText(p.errors[0]) : ''}`,
    { issues: p.errors.slice(0, 50).map((e) => ({ path: [e.sheet, e.row !== null ? `row ${e.row}` : null, e.column].filter(Boolean).join(', ') || 'file', message: e.message })) },
  );
}

function counts(plan: QaPlan) {
  return {
    reviewsAdded: plan.reviews.filter((r) => !r.existing).length,
    reviewsUpdated: plan.reviews.filter((r) => r.existing && (r.changed || r.points)).length,
    assignmentsAdded: plan.assignments.filter((a) => a.existingId === null).length,
    assignmentsUpdated: plan.assignments.filter((a) => a.existingId !== null && a.changed).length,
    pointsAdded: plan.preview.pointsAdded,
    pointsRemoved: plan.preview.pointsRemoved,
  };
}

function nothingToDo(plan: QaPlan): QaCommitResult {
  return {
    batchId: null,
    year: plan.preview.year,
    ...counts(plan),
    backupFile: null,
    message: `${plan.preview.fileName}: hubdesk already holds every review and assignment in it for ${plan.preview.year}; nothing was written.`,
  };
}

export async function commitQaFile(ctx: CoreContext, request: { stagingId: string; year: string } & PreviewedFile): Promise<QaCommitResult> {
  const file = stagedFile('qa', request.stagingId);
  const result = await commitOnce<PlannedTracker, QaCommitResult>(ctx, {
    backupReason: 'before-import-qa',
    plan: () => plannedTracker(ctx, file, request.year),
    check: ({ plan, diffHash }) => {
      if (plan.preview.errorCount > 0) refuse(plan);
      refuseUnlessPreviewed(file, diffHash, request);
      return plan.preview.noChanges ? nothingToDo(plan) : undefined;
    },
    write: (trx, { plan }, backup) => writePlan(trx, ctx, plan, backup?.name ?? null),
  });
  if (result.batchId !== null) {
    forget(ctx.store, planKey(file, request.year));
    unstage(file.id);
  }
  return result;
}

async function writePlan(trx: Transaction<Database>, ctx: CoreContext, plan: QaPlan, backupFile: string | null): Promise<QaCommitResult> {
  const p = plan.preview;
  const c = counts(plan);
  const now = ctx.now().toISOString();
  const yearId = plan.reviews[0]?.values.year_id ?? (await trx.selectFrom('membership_years').select('id').where('label', '=', p.year).executeTakeFirstOrThrow()).id;
  const batchId = await recordBatch(trx, ctx, {
    kind: QA_BATCH_KIND,
    fileName: p.fileName,
    sha256: p.sha256,
    yearId,
    rowCount: p.reviewRows + p.assignmentRows + p.pointRows,
    summary: { sheets: p.sheets, ...c },
  });
  const set = new ChangeSet(trx, { batchId, ctx });

  // Reviews: the new ones inserted together, the changed ones written over the stored ones.
  await set.insertMany('qa_reviews', plan.reviews.filter((op) => !op.existing).map((op) => ({ ...op.values, import_batch_id: batchId, updated_at: now })));
  await set.replaceMany(
    'qa_reviews',
    plan.reviews.flatMap((op) => (op.existing && op.changed ? [{ before: op.existing, after: { ...op.existing, ...op.values, updated_at: now } }] : [])),
  );
  const reviewIdOf = new Map((await trx.selectFrom('qa_reviews').select(['id', 'school_id']).where('year_id', '=', yearId).execute()).map((r) => [r.school_id, r.id]));
  const reviewId = (schoolId: number) => reviewIdOf.get(schoolId)!;

  // Points given for a review replace its stored points.
  const withPoints = plan.reviews.filter((op) => op.points !== null);
  await set.removeWhere('qa_review_points', 'review_id', withPoints.filter((op) => op.existing).map((op) => op.existing!.id));
  await set.insertMany('qa_review_points', withPoints.flatMap((op) => op.points!.map((point) => ({ review_id: reviewId(op.values.school_id), ...point }))));

  // Assignments: new ones inserted together (a link to another new row is set once both have ids),
  // changed ones written over the stored ones.
  const idOfIndex = new Map<number, number>();
  for (const op of plan.assignments) if (op.existingId !== null) idOfIndex.set(op.index, op.existingId);
  const fresh = plan.assignments.filter((op) => op.existingId === null);
  const linkNow = (op: AssignmentOp): number | null => (op.replaces === null ? null : 'id' in op.replaces ? op.replaces.id : (idOfIndex.get(op.replaces.index) ?? null));
  const inserted = await set.insertMany(
    'reviewer_assignments',
    fresh.map((op) => ({ review_id: reviewId(op.hostSchoolId), ...op.values, replaces_assignment_id: linkNow(op), import_batch_id: batchId, updated_at: now })),
  );
  // A reviewer is named once per review (the plan refuses a second row), so review and name find the row.
  const insertedBy = new Map(inserted.map((row) => [`${row.review_id}|${row.reviewer_name}`, row]));
  for (const op of fresh) idOfIndex.set(op.index, insertedBy.get(`${reviewId(op.hostSchoolId)}|${op.values.reviewer_name}`)!.id);
  const target = (op: AssignmentOp): number | null => (op.replaces === null ? null : 'id' in op.replaces ? op.replaces.id : idOfIndex.get(op.replaces.index)!);

  const stored = plan.assignments.filter((op) => op.existingId !== null && (op.changed || (op.replaces !== null && 'index' in op.replaces)));
  const storedRows = new Map<number, RowOf<'reviewer_assignments'>>();
  const storedIds = stored.map((op) => op.existingId!);
  for (let i = 0; i < storedIds.length; i += 500) {
    for (const row of await trx.selectFrom('reviewer_assignments').selectAll().where('id', 'in', storedIds.slice(i, i + 500)).execute()) storedRows.set(row.id, row);
  }
  const rewrites: { before: RowOf<'reviewer_assignments'>; after: RowOf<'reviewer_assignments'> }[] = [];
  for (const op of stored) {
    const before = storedRows.get(op.existingId!)!;
    if (op.changed) rewrites.push({ before, after: { ...before, ...op.values, replaces_assignment_id: target(op), updated_at: now } });
    else if (before.replaces_assignment_id !== target(op)) rewrites.push({ before, after: { ...before, replaces_assignment_id: target(op) } });
  }
  for (const op of fresh) {
    const row = insertedBy.get(`${reviewId(op.hostSchoolId)}|${op.values.reviewer_name}`)!;
    if (row.replaces_assignment_id !== target(op)) rewrites.push({ before: row, after: { ...row, replaces_assignment_id: target(op) } });
  }
  await set.replaceMany('reviewer_assignments', rewrites);
  await set.flush();

  return {
    batchId,
    year: p.year,
    ...c,
    backupFile,
    message: `Imported ${p.fileName} into ${p.year}: ${c.reviewsAdded} new and ${c.reviewsUpdated} updated reviews, ${c.assignmentsAdded} new and ${c.assignmentsUpdated} updated reviewer assignments, ${c.pointsAdded} WWWs/EBIs.`,
  };
}
