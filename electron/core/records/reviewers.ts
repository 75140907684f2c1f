import type { ParsedRequestOf } from '@shared/contract';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { reviewTeamSize } from '@shared/domain/review-team';
import { reviewerCommitment, suggestReplacementSchools, type OutgoingAssignment } from '@shared/domain/reviewer-commitment';
import { loadTrainings } from '../dashboards/load';
import { earliestTraining, indexRows } from '../dashboards/shape';
import type { ReviewerStatus } from '@shared/domain/vocabulary';
import { attendedIssues, trainingIssues } from '@shared/validation/reviewers';
import type { AssignmentRecord, RecordsChange, ReplacementSchool, ReviewTeamForm, TrainingRecord } from '@shared/contract/records';
import { applyChange, loadRow } from '../changes/change-set';
import { assertVersion } from '../changes/stale';
import { versionOf } from '../changes/version';
import { refusal, throwIfIssues } from './refusals';

type Db = Kysely<Database> | Transaction<Database>;

async function reviewInfo(db: Db, reviewId: number) {
  const r = await db
    .selectFrom('qa_reviews')
    .innerJoin('schools', 'schools.id', 'qa_reviews.school_id')
    .innerJoin('membership_years', 'membership_years.id', 'qa_reviews.year_id')
    .leftJoin('memberships', (j) => j.onRef('memberships.school_id', '=', 'qa_reviews.school_id').onRef('memberships.year_id', '=', 'qa_reviews.year_id'))
    .leftJoin('hubs', 'hubs.id', 'memberships.hub_id')
    .where('qa_reviews.id', '=', reviewId)
    .select([
      'qa_reviews.id',
      'qa_reviews.year_id as yearId',
      'membership_years.label as year',
      'qa_reviews.start_date as startDate',
      'qa_reviews.end_date as endDate',
      'schools.id as schoolId',
      'schools.name as school',
      'schools.phase',
      'memberships.pupils',
      'hubs.id as hubId',
      'hubs.name as hub',
    ])
    .executeTakeFirst();
  if (!r) throw new HubdeskError('not_found', `There is no QA review with id ${reviewId}.`);
  return r;
}

async function assignmentRecords(db: Db, where: { reviewId?: number; id?: number }): Promise<AssignmentRecord[]> {
  let q = db.selectFrom('reviewer_assignments').innerJoin('schools', 'schools.id', 'reviewer_assignments.home_school_id').selectAll('reviewer_assignments').select('schools.name as homeSchool');
  if (where.reviewId !== undefined) q = q.where('reviewer_assignments.review_id', '=', where.reviewId);
  if (where.id !== undefined) q = q.where('reviewer_assignments.id', '=', where.id);
  const rows = await q.orderBy('reviewer_assignments.id').execute();
  if (rows.length === 0) return [];
  const replacements = await db.selectFrom('reviewer_assignments').where('replaces_assignment_id', 'in', rows.map((r) => r.id)).select(['id', 'replaces_assignment_id']).execute();
  return rows.map(({ homeSchool, ...raw }) => ({
    id: raw.id,
    reviewId: raw.review_id,
    homeSchoolId: raw.home_school_id,
    homeSchool,
    reviewerName: raw.reviewer_name,
    reviewerRole: raw.reviewer_role,
    status: raw.status,
    replacesAssignmentId: raw.replaces_assignment_id,
    replacedByAssignmentId: replacements.find((x) => x.replaces_assignment_id === raw.id)?.id ?? null,
    version: versionOf(raw),
  }));
}

async function assignmentRecord(db: Db, id: number): Promise<AssignmentRecord> {
  const [a] = await assignmentRecords(db, { id });
  if (!a) throw new HubdeskError('not_found', `There is no reviewer assignment with id ${id}.`);
  return a;
}

/** The hub's schools that year (except the host), each with its own reviewer shortfall, shortfall first. */
async function candidates(db: Db, review: Awaited<ReturnType<typeof reviewInfo>>, today: string, droppedFrom: number | null): Promise<ReplacementSchool[]> {
  if (review.hubId === null) return [];
  const members = await db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .where('memberships.hub_id', '=', review.hubId)
    .where('memberships.year_id', '=', review.yearId)
    .where('schools.id', '!=', review.schoolId)
    .select(['schools.id', 'schools.name', 'schools.phase', 'memberships.pupils'])
    .execute();
  if (members.length === 0) return [];
  const outgoing = await db
    .selectFrom('reviewer_assignments')
    .innerJoin('qa_reviews', 'qa_reviews.id', 'reviewer_assignments.review_id')
    .where('qa_reviews.year_id', '=', review.yearId)
    .where('reviewer_assignments.home_school_id', 'in', members.map((m) => m.id))
    .select(['reviewer_assignments.home_school_id as schoolId', 'reviewer_assignments.reviewer_name as reviewer', 'reviewer_assignments.status', 'qa_reviews.start_date as reviewDate'])
    .execute();
  const trainings = await loadTrainings(db as Kysely<Database>, [], outgoing.map((o) => o.reviewer));
  const idx = indexRows({ reviews: [], outgoing: [], replacements: [], trainings });
  const list = members.map((m) => {
    const out: OutgoingAssignment[] = outgoing
      .filter((o) => o.schoolId === m.id)
      .map((o) => ({ status: o.status as ReviewerStatus, reviewDate: o.reviewDate, trainedOn: earliestTraining(o.reviewer, idx) }));
    const c = reviewerCommitment({ commitment: reviewTeamSize(m.pupils, m.phase), outgoing: out, today });
    return { schoolId: m.id, name: m.name, shortfall: c.shortfall, sameSchool: m.id === droppedFrom, commitment: c.commitment };
  });
  return suggestReplacementSchools(list);
}

export async function reviewTeam(ctx: CoreContext, req: { reviewId: number; droppedFromSchoolId?: number }): Promise<ReviewTeamForm> {
  const r = await reviewInfo(ctx.db, req.reviewId);
  return {
    review: { id: r.id, schoolId: r.schoolId, school: r.school, hubId: r.hubId, hub: r.hub, startDate: r.startDate, endDate: r.endDate, teamSize: reviewTeamSize(r.pupils ?? 0, r.phase) },
    assignments: await assignmentRecords(ctx.db, { reviewId: r.id }),
    candidates: await candidates(ctx.db, r, ctx.today(), req.droppedFromSchoolId ?? null),
  };
}

async function requireSender(db: Db, review: Awaited<ReturnType<typeof reviewInfo>>, homeSchoolId: number, hubOnly: boolean) {
  const issue = (message: string) => refusal([{ path: 'homeSchoolId', message }]);
  if (homeSchoolId === review.schoolId) throw issue(`${review.school} hosts this review: a reviewer must come from another school`);
  const m = await db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .where('memberships.school_id', '=', homeSchoolId)
    .where('memberships.year_id', '=', review.yearId)
    .select(['schools.name', 'memberships.hub_id'])
    .executeTakeFirst();
  if (!m) throw issue(`school ${homeSchoolId} is not a member school in ${review.year}`);
  if (hubOnly && m.hub_id !== review.hubId) throw issue(`${m.name} is not in ${review.hub ?? 'the host’s hub'}: a replacement comes from the same school or another school of the hub`);
  return m;
}

async function refuseDuplicateName(db: Db, reviewId: number, name: string): Promise<void> {
  const same = (await assignmentRecords(db, { reviewId })).find((a) => a.status !== 'dropped' && a.reviewerName.trim().toLowerCase() === name.trim().toLowerCase());
  if (same) throw refusal([{ path: 'reviewerName', message: `${same.reviewerName} is already on this review (${same.status})` }]);
}

export async function bookReviewer(ctx: CoreContext, input: ParsedRequestOf<'bookReviewer'>): Promise<RecordsChange<AssignmentRecord>> {
  const res = await applyChange(ctx, 'reviewer.book', { entity: 'reviewer_assignments' }, async (w) => {
    const review = await reviewInfo(w.trx, input.reviewId);
    const sender = await requireSender(w.trx, review, input.homeSchoolId, false);
    await refuseDuplicateName(w.trx, review.id, input.reviewerName);
    const row = await w.insert('reviewer_assignments', {
      review_id: review.id,
      home_school_id: input.homeSchoolId,
      reviewer_name: input.reviewerName,
      reviewer_role: input.reviewerRole ?? null,
      status: 'booked',
      replaces_assignment_id: null,
      import_batch_id: null,
      updated_at: ctx.now().toISOString(),
    });
    return { value: await assignmentRecord(w.trx, row.id), summary: `Booked ${input.reviewerName} (${sender.name}) onto ${review.school}'s review of ${review.startDate}`, entityId: row.id };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

export async function setReviewerStatus(ctx: CoreContext, input: ParsedRequestOf<'setReviewerStatus'>): Promise<RecordsChange<AssignmentRecord>> {
  const res = await applyChange(ctx, 'reviewer.status', { entity: 'reviewer_assignments', id: input.assignmentId }, async (w) => {
    const row = await loadRow(w.trx, 'reviewer_assignments', { id: input.assignmentId });
    if (!row) throw new HubdeskError('not_found', `There is no reviewer assignment with id ${input.assignmentId}.`);
    const current = await assignmentRecord(w.trx, input.assignmentId);
    const review = await reviewInfo(w.trx, current.reviewId);
    await assertVersion(w.trx, ctx.user, 'reviewer_assignments', row, input.version, `${current.reviewerName} on ${review.school}'s review`);
    if (current.status === input.status) throw refusal([{ path: 'status', message: `${current.reviewerName} is already ${input.status}` }]);
    throwIfIssues(attendedIssues(input.status, review.startDate, ctx.today()));
    if (current.replacedByAssignmentId !== null) {
      throw refusal([{ path: 'status', message: `${current.reviewerName} has been replaced; undo the replacement before changing this booking` }]);
    }
    await w.update('reviewer_assignments', { id: input.assignmentId }, { status: input.status, updated_at: ctx.now().toISOString() }, row);
    const words = { attended: 'attended', dropped: 'dropped out of', booked: 'booked again onto' }[input.status];
    return { value: await assignmentRecord(w.trx, input.assignmentId), summary: `${current.reviewerName} (${current.homeSchool}) ${words} ${review.school}'s review of ${review.startDate}` };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

/** Replaces a reviewer: the old booking is (or becomes) dropped, the new one is booked and points to it. */
export async function replaceReviewer(ctx: CoreContext, input: ParsedRequestOf<'replaceReviewer'>): Promise<RecordsChange<AssignmentRecord>> {
  const res = await applyChange(ctx, 'reviewer.replace', { entity: 'reviewer_assignments' }, async (w) => {
    const row = await loadRow(w.trx, 'reviewer_assignments', { id: input.assignmentId });
    if (!row) throw new HubdeskError('not_found', `There is no reviewer assignment with id ${input.assignmentId}.`);
    const current = await assignmentRecord(w.trx, input.assignmentId);
    const review = await reviewInfo(w.trx, current.reviewId);
    await assertVersion(w.trx, ctx.user, 'reviewer_assignments', row, input.version, `${current.reviewerName} on ${review.school}'s review`);
    if (current.status === 'attended') throw refusal([{ path: 'assignmentId', message: `${current.reviewerName} attended this review: there is nobody to replace` }]);
    if (current.replacedByAssignmentId !== null) {
      const by = await assignmentRecord(w.trx, current.replacedByAssignmentId);
      throw refusal([{ path: 'assignmentId', message: `${current.reviewerName} has already been replaced by ${by.reviewerName} (${by.homeSchool})` }]);
    }
    const sender = await requireSender(w.trx, review, input.homeSchoolId, true);
    await refuseDuplicateName(w.trx, review.id, input.reviewerName);
    if (current.status !== 'dropped') await w.update('reviewer_assignments', { id: current.id }, { status: 'dropped', updated_at: ctx.now().toISOString() });
    const added = await w.insert('reviewer_assignments', {
      review_id: review.id,
      home_school_id: input.homeSchoolId,
      reviewer_name: input.reviewerName,
      reviewer_role: input.reviewerRole ?? null,
      status: 'booked',
      replaces_assignment_id: current.id,
      import_batch_id: null,
      updated_at: ctx.now().toISOString(),
    });
    return {
      value: await assignmentRecord(w.trx, added.id),
      summary: `Replaced ${current.reviewerName} (${current.homeSchool}) with ${input.reviewerName} (${sender.name}) on ${review.school}'s review of ${review.startDate}`,
      entityId: added.id,
    };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

export async function addTraining(ctx: CoreContext, input: ParsedRequestOf<'addTraining'>): Promise<RecordsChange<TrainingRecord>> {
  throwIfIssues(trainingIssues(input.trainedOn, ctx.today()));
  const res = await applyChange(ctx, 'training.add', { entity: 'reviewer_trainings' }, async (w) => {
    const school = await w.trx.selectFrom('schools').where('id', '=', input.schoolId).select(['id', 'name']).executeTakeFirst();
    if (!school) throw new HubdeskError('not_found', `There is no school with id ${input.schoolId}.`);
    const dup = await w.trx
      .selectFrom('reviewer_trainings')
      .where('school_id', '=', school.id)
      .where('trained_on', '=', input.trainedOn)
      .select(['person_name'])
      .execute();
    if (dup.some((d) => d.person_name.trim().toLowerCase() === input.personName.toLowerCase())) {
      throw refusal([{ path: 'personName', message: `${input.personName}'s training on ${input.trainedOn} is already recorded` }]);
    }
    const row = await w.insert('reviewer_trainings', { school_id: school.id, person_name: input.personName, role: input.role ?? null, trained_on: input.trainedOn, import_batch_id: null });
    return {
      value: { id: row.id, schoolId: school.id, personName: input.personName, role: input.role ?? null, trainedOn: input.trainedOn },
      summary: `Recorded reviewer training for ${input.personName} (${school.name}) on ${input.trainedOn}`,
      entityId: row.id,
    };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}
