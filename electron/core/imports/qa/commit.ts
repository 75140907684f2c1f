/**
 * Preview and commit of a QA tracker. The commit refuses a file with any problem (nothing written),
 * writes nothing when nothing changes, and otherwise takes a backup, then in one transaction records
 * an import batch of kind 'qa' for the year and writes every row through a ChangeRecorder, so the
 * generic undo (restoreBatchChanges) puts back exactly what was there, updates included.
 */
import type { Transaction } from 'kysely';
import type { QaCommitResult, QaImportPreview } from '@shared/contract/qa-import';
import type { CoreContext } from '../../context';
import type { Database } from '../../db/schema';
import { HubdeskError } from '../../errors';
import { commitOnce } from '../commit-flow';
import { forget, plannedOnce, type StampedPlan } from '../memo';
import { ChangeRecorder, recordBatch } from '../batches';
import { readStaged, stagedFile, stagedFrom, unstage, type FileReference, type StagedFile } from '../staging';
import { diffHashOf, refuseUnlessPreviewed, type PreviewedFile } from '../guard';
import { runInWorker } from '../worker/pool';
import { loadQaFacts, QA_BATCH_KIND } from './store-facts';
import { buildQaPlan, issueText, type QaPlan } from './plan';
import { countOf } from '@shared/plural';

interface PlannedTracker {
  plan: QaPlan;
  diffHash: string;
}

function planKey(file: StagedFile, year: string): string {
  return JSON.stringify(['qa', file.id, year]);
}

/** The tracker planned against the store as it is now: the preview's plan while nothing was written since (memo.ts). */
async function plannedTracker(ctx: CoreContext, file: StagedFile, year: string): Promise<StampedPlan<PlannedTracker>> {
  return plannedOnce(ctx.store, planKey(file, year), async () => {
    const parsed = await readStaged(file, 'qa', () => runInWorker({ kind: 'qa', fileName: file.fileName, bytes: file.bytes, sha256: file.sha256 }));
    const plan = buildQaPlan(parsed, await loadQaFacts(ctx.db, year));
    return { plan, diffHash: diffHashOf({ reviews: plan.reviews, assignments: plan.assignments }) };
  });
}

export async function previewQaFile(ctx: CoreContext, request: FileReference & { year: string }): Promise<QaImportPreview> {
  const file = stagedFrom('qa', request);
  const { plan, diffHash } = (await plannedTracker(ctx, file, request.year)).value;
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
    write: (trx, { plan }, backup) => writePlan(trx, ctx, plan, backup.name),
  });
  if (result.batchId !== null) {
    forget(ctx.store, planKey(file, request.year));
    unstage(file.id);
  }
  return result;
}

type Row = Record<string, unknown> & { id: number };

async function writePlan(trx: Transaction<Database>, ctx: CoreContext, plan: QaPlan, backupFile: string): Promise<QaCommitResult> {
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
  const rec = new ChangeRecorder(trx, ctx, batchId);

  const reviewIdBySchool = new Map<number, number>();
  for (const op of plan.reviews) {
    let reviewId: number;
    if (!op.existing) {
      const row = (await trx.insertInto('qa_reviews').values({ ...op.values, import_batch_id: batchId, updated_at: now }).returningAll().executeTakeFirstOrThrow()) as unknown as Row;
      await rec.inserted('qa_reviews', row);
      reviewId = row.id;
    } else {
      reviewId = op.existing.id;
      if (op.changed) {
        const after = (await trx
          .updateTable('qa_reviews')
          .set({ ...op.values, updated_at: now })
          .where('id', '=', reviewId)
          .returningAll()
          .executeTakeFirstOrThrow()) as unknown as Row;
        await rec.updated('qa_reviews', op.existing as unknown as Row, after);
      }
    }
    reviewIdBySchool.set(op.values.school_id, reviewId);
    if (op.points) {
      if (op.existing) {
        const old = (await trx.selectFrom('qa_review_points').selectAll().where('review_id', '=', reviewId).execute()) as unknown as Row[];
        for (const o of old) await rec.deleted('qa_review_points', o);
        if (old.length) await trx.deleteFrom('qa_review_points').where('review_id', '=', reviewId).execute();
      }
      for (const point of op.points) {
        const row = (await trx.insertInto('qa_review_points').values({ review_id: reviewId, ...point }).returningAll().executeTakeFirstOrThrow()) as unknown as Row;
        await rec.inserted('qa_review_points', row);
      }
    }
  }

  // Reviews only in the store (assignments to them).
  const reviewIdOf = async (schoolId: number): Promise<number> => {
    const known = reviewIdBySchool.get(schoolId);
    if (known !== undefined) return known;
    const r = await trx.selectFrom('qa_reviews').select('id').where('school_id', '=', schoolId).where('year_id', '=', yearId).executeTakeFirstOrThrow();
    reviewIdBySchool.set(schoolId, r.id);
    return r.id;
  };
  const idOfIndex = new Map<number, number>();
  const linkLater: { id: number; target: number }[] = [];
  const resolve = (replaces: (typeof plan.assignments)[number]['replaces']): number | null | 'later' => {
    if (replaces === null) return null;
    if ('id' in replaces) return replaces.id;
    return idOfIndex.get(replaces.index) ?? 'later';
  };
  for (const op of plan.assignments) {
    const reviewId = await reviewIdOf(op.hostSchoolId);
    const link = resolve(op.replaces);
    const replacesId = link === 'later' ? null : link;
    if (op.existingId === null) {
      const row = (await trx
        .insertInto('reviewer_assignments')
        .values({ review_id: reviewId, ...op.values, replaces_assignment_id: replacesId, import_batch_id: batchId, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow()) as unknown as Row;
      await rec.inserted('reviewer_assignments', row);
      idOfIndex.set(op.index, row.id);
    } else {
      idOfIndex.set(op.index, op.existingId);
      if (op.changed) {
        const before = (await trx.selectFrom('reviewer_assignments').selectAll().where('id', '=', op.existingId).executeTakeFirstOrThrow()) as unknown as Row;
        const after = (await trx
          .updateTable('reviewer_assignments')
          .set({ ...op.values, replaces_assignment_id: replacesId ?? (link === 'later' ? (before.replaces_assignment_id as number | null) : null), updated_at: now })
          .where('id', '=', op.existingId)
          .returningAll()
          .executeTakeFirstOrThrow()) as unknown as Row;
        await rec.updated('reviewer_assignments', before, after);
      }
    }
    if (link === 'later') linkLater.push({ id: idOfIndex.get(op.index)!, target: (op.replaces as { index: number }).index });
  }
  for (const l of linkLater) {
    const target = idOfIndex.get(l.target)!;
    const before = (await trx.selectFrom('reviewer_assignments').selectAll().where('id', '=', l.id).executeTakeFirstOrThrow()) as unknown as Row;
    if (before.replaces_assignment_id === target) continue;
    const after = (await trx.updateTable('reviewer_assignments').set({ replaces_assignment_id: target }).where('id', '=', l.id).returningAll().executeTakeFirstOrThrow()) as unknown as Row;
    await rec.updated('reviewer_assignments', before, after);
  }
  await rec.flush();

  return {
    batchId,
    year: p.year,
    ...c,
    backupFile,
    message: `Imported ${p.fileName} into ${p.year}: ${c.reviewsAdded} new and ${c.reviewsUpdated} updated reviews, ${c.assignmentsAdded} new and ${c.assignmentsUpdated} updated reviewer assignments, ${c.pointsAdded} WWWs/EBIs.`,
  };
}
