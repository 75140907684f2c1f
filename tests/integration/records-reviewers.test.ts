import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { createContext, type CoreContext } from '../../electron/core/context';
import { reviewTeam } from '../../electron/core/records/reviewers';
import { undoLastChange } from '../../electron/core/changes/undo-change';
import { openTestStore, TEST_NOW, type TestStore, storeHash } from '../helpers/store';
import { expectRefused, viaDispatch } from '../helpers/records';
import { TEST_TODAY } from '../helpers/clock';

const addTraining = viaDispatch('addTraining');
const bookReviewer = viaDispatch('bookReviewer');
const replaceReviewer = viaDispatch('replaceReviewer');
const setReviewerStatus = viaDispatch('setReviewerStatus');
const schoolDashboard = viaDispatch('schoolDashboard');
/** A school's reviewer training, as its school page shows it. */
const schoolTrainings = async (ctx: CoreContext, schoolId: number) => (await schoolDashboard(ctx, { schoolId })).trainings;

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

/** A future review in Aspire Hub with at least one booked reviewer. */
async function futureReview() {
  const hub = (await t.ctx.db.selectFrom('hubs').where('name', '=', 'Aspire Hub').select('id').executeTakeFirstOrThrow()).id;
  const row = await t.ctx.db
    .selectFrom('qa_reviews')
    .innerJoin('memberships', (j) => j.onRef('memberships.school_id', '=', 'qa_reviews.school_id').onRef('memberships.year_id', '=', 'qa_reviews.year_id'))
    .innerJoin('reviewer_assignments', 'reviewer_assignments.review_id', 'qa_reviews.id')
    .where('memberships.hub_id', '=', hub)
    .where('qa_reviews.start_date', '>', TEST_TODAY)
    .where('reviewer_assignments.status', '=', 'booked')
    .select(['qa_reviews.id', 'qa_reviews.school_id as hostId'])
    .orderBy('qa_reviews.start_date')
    .executeTakeFirstOrThrow();
  return { hub, ...row };
}

describe('reviewer assignments', () => {
  it('suggests schools of the hub with a shortfall first, never the host', async () => {
    const r = await futureReview();
    const team = await reviewTeam(t.ctx, { reviewId: r.id });
    expect(team.review.hubId).toBe(r.hub);
    expect(team.candidates.length).toBeGreaterThan(3);
    expect(team.candidates.some((c) => c.schoolId === r.hostId)).toBe(false);
    for (let i = 1; i < team.candidates.length; i++) expect(team.candidates[i - 1]!.shortfall).toBeGreaterThanOrEqual(team.candidates[i]!.shortfall);
  });

  it('replaces a reviewer who drops out: old booking dropped, new one booked and pointing to it; undo restores both', async () => {
    const r = await futureReview();
    const before = (await storeHash(t.store, ['audit_log']));
    const team = await reviewTeam(t.ctx, { reviewId: r.id });
    const booked = team.assignments.find((a) => a.status === 'booked')!;
    const dropped = await setReviewerStatus(t.ctx, { assignmentId: booked.id, version: booked.version, status: 'dropped' });
    expect(dropped.record.status).toBe('dropped');
    const sender = team.candidates.find((c) => c.schoolId !== booked.homeSchoolId)!;
    const rep = await replaceReviewer(t.ctx, { assignmentId: booked.id, version: dropped.record.version, homeSchoolId: sender.schoolId, reviewerName: 'Priya Natarajan', reviewerRole: 'Deputy head' });
    expect(rep.record).toMatchObject({ status: 'booked', homeSchoolId: sender.schoolId, replacesAssignmentId: booked.id, reviewerName: 'Priya Natarajan' });
    expect(rep.summary).toContain(`Replaced ${booked.reviewerName}`);
    const after = await reviewTeam(t.ctx, { reviewId: r.id });
    expect(after.assignments.find((a) => a.id === booked.id)!.replacedByAssignmentId).toBe(rep.record.id);

    await expectRefused(t, () => replaceReviewer(t.ctx, { assignmentId: booked.id, version: after.assignments.find((a) => a.id === booked.id)!.version, homeSchoolId: sender.schoolId, reviewerName: 'Someone Else' }), 'validation', /already been replaced by Priya Natarajan/);
    await expectRefused(t, () => setReviewerStatus(t.ctx, { assignmentId: booked.id, version: after.assignments.find((a) => a.id === booked.id)!.version, status: 'booked' }), 'validation', /has been replaced; undo the replacement/);

    await undoLastChange(t.ctx);
    await undoLastChange(t.ctx);
    expect((await storeHash(t.store, ['audit_log']))).toBe(before);
  });

  it('replacing a booked reviewer drops the booking in the same change', async () => {
    const r = await futureReview();
    const team = await reviewTeam(t.ctx, { reviewId: r.id });
    const booked = team.assignments.find((a) => a.status === 'booked')!;
    const rep = await replaceReviewer(t.ctx, { assignmentId: booked.id, version: booked.version, homeSchoolId: booked.homeSchoolId, reviewerName: 'Tom Okafor' });
    const now = await reviewTeam(t.ctx, { reviewId: r.id });
    expect(now.assignments.find((a) => a.id === booked.id)!.status).toBe('dropped');
    expect(rep.record.homeSchoolId).toBe(booked.homeSchoolId);
    await undoLastChange(t.ctx);
    expect((await reviewTeam(t.ctx, { reviewId: r.id })).assignments).toEqual(team.assignments);
  });

  it('refuses bad bookings and replacements, writing nothing', async () => {
    const r = await futureReview();
    const team = await reviewTeam(t.ctx, { reviewId: r.id });
    const booked = team.assignments.find((a) => a.status === 'booked')!;
    const outsider = await t.ctx.db
      .selectFrom('memberships')
      .innerJoin('membership_years', 'membership_years.id', 'memberships.year_id')
      .where('membership_years.label', '=', '2026/27')
      .where('memberships.hub_id', '!=', r.hub)
      .select(['memberships.school_id'])
      .executeTakeFirstOrThrow();
    await expectRefused(t, () => replaceReviewer(t.ctx, { assignmentId: booked.id, version: booked.version, homeSchoolId: outsider.school_id, reviewerName: 'A Person' }), 'validation', /homeSchoolId: .* is not in Aspire Hub: a replacement comes from the same school or another school of the hub/);
    await expectRefused(t, () => replaceReviewer(t.ctx, { assignmentId: booked.id, version: booked.version, homeSchoolId: r.hostId, reviewerName: 'A Person' }), 'validation', /hosts this review: a reviewer must come from another school/);
    await expectRefused(t, () => replaceReviewer(t.ctx, { assignmentId: booked.id, version: booked.version, homeSchoolId: booked.homeSchoolId, reviewerName: '  ' }), 'validation', /reviewerName: the reviewer’s name is required/);
    await expectRefused(t, () => bookReviewer(t.ctx, { reviewId: r.id, homeSchoolId: booked.homeSchoolId, reviewerName: booked.reviewerName.toUpperCase() }), 'validation', /is already on this review \(booked\)/);
    await expectRefused(t, () => setReviewerStatus(t.ctx, { assignmentId: booked.id, version: booked.version, status: 'attended' }), 'validation', /status: the review starts on .*: attendance can be recorded from that day/);
    await expectRefused(t, () => setReviewerStatus(t.ctx, { assignmentId: booked.id, version: booked.version, status: 'booked' }), 'validation', /already booked/);
    await expectRefused(t, () => setReviewerStatus(t.ctx, { assignmentId: 99999999, version: booked.version, status: 'dropped' }), 'not_found', /no reviewer assignment with id 99999999/);
  });

  it('books a reviewer and detects a concurrent change of the booking', async () => {
    const r = await futureReview();
    const team = await reviewTeam(t.ctx, { reviewId: r.id });
    const sender = team.candidates[0]!;
    const b = await bookReviewer(t.ctx, { reviewId: r.id, homeSchoolId: sender.schoolId, reviewerName: 'Grace Hopper', reviewerRole: null });
    expect(b.record).toMatchObject({ status: 'booked', homeSchoolId: sender.schoolId });
    const other = createContext(t.store, { now: () => TEST_NOW, user: 'colleague' });
    await setReviewerStatus(other, { assignmentId: b.record.id, version: b.record.version, status: 'dropped' });
    await expectRefused(t, () => replaceReviewer(t.ctx, { assignmentId: b.record.id, version: b.record.version, homeSchoolId: sender.schoolId, reviewerName: 'Ada Lovelace' }), 'conflict', /changed .* at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 20\d\d; reload to see (their|that) change\./);
    await undoLastChange(t.ctx);
    await undoLastChange(t.ctx);
    expect((await reviewTeam(t.ctx, { reviewId: r.id })).assignments).toEqual(team.assignments);
  });
});

describe('reviewer training', () => {
  it('records training, refuses a future date or a duplicate, and undoes', async () => {
    const school = (await t.ctx.db.selectFrom('schools').select(['id']).orderBy('id').executeTakeFirstOrThrow()).id;
    const before = await schoolTrainings(t.ctx, school);
    const added = await addTraining(t.ctx, { schoolId: school, personName: 'Jo Bloggs', role: 'Headteacher', trainedOn: '2026-10-14' });
    expect(await schoolTrainings(t.ctx, school)).toHaveLength(before.length + 1);
    expect(added.summary).toContain('Jo Bloggs');
    await expectRefused(t, () => addTraining(t.ctx, { schoolId: school, personName: ' jo bloggs ', trainedOn: '2026-10-14' }), 'validation', /already recorded/);
    await expectRefused(t, () => addTraining(t.ctx, { schoolId: school, personName: 'Jo Bloggs', trainedOn: '2027-01-14' }), 'validation', /trainedOn: the training date \(14 Jan 2027\) is after today/);
    await undoLastChange(t.ctx);
    expect(await schoolTrainings(t.ctx, school)).toEqual(before);
  });
});
