import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  newHeadteacherFrom,
  reviewBeforeFirstAttendance,
  reviewerCommitment,
  suggestReplacementSchools,
  untrainedHeadteacher,
  type OutgoingAssignment,
} from '../../shared/domain/reviewer-commitment';
import type { MembershipHistory } from '../../shared/domain/membership-history';
import { REVIEWER_STATUSES, type MembershipStatus } from '../../shared/domain/vocabulary';

const TODAY = '2026-02-10';
/** Reviewers trained long before any review here, unless a test says otherwise. */
const TRAINED = '2020-01-01';
const attended = (reviewDate = '2025-11-04', trainedOn: string | null = TRAINED): OutgoingAssignment => ({ status: 'attended', reviewDate, trainedOn });
const booked = (reviewDate = '2026-05-12', trainedOn: string | null = TRAINED): OutgoingAssignment => ({ status: 'booked', reviewDate, trainedOn });
const dropped = (reviewDate = '2026-03-03', replacedBy: OutgoingAssignment['replacedBy'] = null): OutgoingAssignment => ({
  status: 'dropped',
  reviewDate,
  trainedOn: TRAINED,
  replacedBy,
});

describe('reviewerCommitment', () => {
  it('is met when attended reaches the commitment', () => {
    expect(reviewerCommitment({ commitment: 3, outgoing: [attended(), attended(), attended(), booked()], today: TODAY })).toEqual({
      commitment: 3,
      attended: 3,
      booked: 1,
      awaitingConfirmation: 0,
      dropped: 0,
      droppedReplaced: 0,
      notTrained: 0,
      shortfall: 0,
      status: 'met',
    });
  });
  it('counts a reviewer only with a training record dated on or before the review’s first day', () => {
    const review = '2026-03-03';
    // Trained on the first day of the review: counts. Trained the day after, or never: shown as not trained, not counted.
    const r = reviewerCommitment({
      commitment: 3,
      outgoing: [attended(review, review), attended(review, '2026-03-04'), booked('2026-05-12', null)],
      today: TODAY,
    });
    expect(r).toMatchObject({ attended: 1, booked: 0, notTrained: 2, shortfall: 2, status: 'behind' });
    // Trained later for a later review: counts for that one.
    expect(reviewerCommitment({ commitment: 1, outgoing: [booked('2026-05-12', '2026-04-01')], today: TODAY })).toMatchObject({ booked: 1, notTrained: 0, status: 'on track' });
  });
  it('a dropped reviewer is counted as dropped whether trained or not', () => {
    const r = reviewerCommitment({ commitment: 1, outgoing: [{ status: 'dropped', reviewDate: '2026-03-03', trainedOn: null }], today: TODAY });
    expect(r).toMatchObject({ dropped: 1, notTrained: 0, shortfall: 1 });
  });
  it('is on track when attended + future booked reaches it', () => {
    const r = reviewerCommitment({ commitment: 3, outgoing: [attended(), booked(), booked('2026-02-10')], today: TODAY });
    expect(r).toMatchObject({ attended: 1, booked: 2, shortfall: 0, status: 'on track' });
  });
  it('is behind otherwise, with the shortfall', () => {
    const r = reviewerCommitment({ commitment: 4, outgoing: [attended(), booked()], today: TODAY });
    expect(r).toMatchObject({ attended: 1, booked: 1, shortfall: 2, status: 'behind' });
  });
  it('counts a zero commitment as met', () => {
    expect(reviewerCommitment({ commitment: 0, outgoing: [], today: TODAY })).toMatchObject({ shortfall: 0, status: 'met' });
  });
  it('never counts a dropped reviewer, replaced or not', () => {
    const unreplaced = reviewerCommitment({ commitment: 2, outgoing: [attended(), dropped()], today: TODAY });
    expect(unreplaced).toMatchObject({ attended: 1, dropped: 1, droppedReplaced: 0, shortfall: 1, status: 'behind' });
    const replacedElsewhere = reviewerCommitment({
      commitment: 2,
      outgoing: [attended(), dropped('2026-03-03', { homeSchoolId: 77, reviewerName: 'A. Other' })],
      today: TODAY,
    });
    expect(replacedElsewhere).toMatchObject({ attended: 1, dropped: 1, droppedReplaced: 1, shortfall: 1, status: 'behind' });
  });
  it('counts a replacement for the school that sent it (it is just another of its assignments)', () => {
    // School A's reviewer dropped and was replaced by someone from school A itself.
    const a = reviewerCommitment({
      commitment: 2,
      outgoing: [attended(), dropped('2026-03-03', { homeSchoolId: 1 }), booked('2026-03-03')],
      today: TODAY,
    });
    expect(a).toMatchObject({ attended: 1, booked: 1, dropped: 1, shortfall: 0, status: 'on track' });
    // School B sent the replacement for someone else's dropped reviewer: it counts for B.
    const b = reviewerCommitment({ commitment: 1, outgoing: [booked('2026-03-03')], today: TODAY });
    expect(b).toMatchObject({ booked: 1, shortfall: 0, status: 'on track' });
  });
  it('reports a booked review whose date has passed as awaiting confirmation, not booked', () => {
    const r = reviewerCommitment({ commitment: 2, outgoing: [attended(), booked('2026-02-09')], today: TODAY });
    expect(r).toMatchObject({ attended: 1, booked: 0, awaitingConfirmation: 1, shortfall: 1, status: 'behind' });
  });
  it('keeps the shortfall at zero when over-committed', () => {
    const r = reviewerCommitment({ commitment: 2, outgoing: [attended(), attended(), attended(), booked(), booked()], today: TODAY });
    expect(r.shortfall).toBe(0);
  });
  it('refuses a bad commitment or date', () => {
    expect(() => reviewerCommitment({ commitment: -1, outgoing: [], today: TODAY })).toThrow(/commitment/);
    expect(() => reviewerCommitment({ commitment: 1.5, outgoing: [], today: TODAY })).toThrow(/commitment/);
    expect(() => reviewerCommitment({ commitment: 2, outgoing: [], today: '10/02/2026' })).toThrow(/today/);
    expect(() => reviewerCommitment({ commitment: 2, outgoing: [booked('2026-13-01')], today: TODAY })).toThrow(/reviewDate/);
  });

  it('property: shortfall = max(0, commitment − attended − booked) and the status agrees', () => {
    const day = fc
      .record({ y: fc.integer({ min: 2024, max: 2027 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const assignment = fc.record({
      status: fc.constantFrom(...REVIEWER_STATUSES),
      reviewDate: day,
      trainedOn: fc.option(day, { nil: null }),
      replacedBy: fc.option(fc.record({ homeSchoolId: fc.integer({ min: 1, max: 50 }) }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(assignment, { maxLength: 12 }), day, (commitment, outgoing, today) => {
        const r = reviewerCommitment({ commitment, outgoing, today });
        const trained = (a: OutgoingAssignment) => a.trainedOn !== null && a.trainedOn <= a.reviewDate;
        expect(r.attended).toBe(outgoing.filter((a) => a.status === 'attended' && trained(a)).length);
        expect(r.booked).toBe(outgoing.filter((a) => a.status === 'booked' && trained(a) && a.reviewDate >= today).length);
        expect(r.notTrained).toBe(outgoing.filter((a) => a.status !== 'dropped' && !trained(a)).length);
        expect(r.attended + r.booked + r.awaitingConfirmation + r.dropped + r.notTrained).toBe(outgoing.length);
        expect(r.shortfall).toBe(Math.max(0, commitment - r.attended - r.booked));
        expect(r.shortfall).toBeGreaterThanOrEqual(0);
        if (r.attended >= commitment) expect(r.status).toBe('met');
        else if (r.attended + r.booked >= commitment) expect(r.status).toBe('on track');
        else expect(r.status).toBe('behind');
        expect(r.status === 'behind').toBe(r.shortfall > 0);
        // A dropped assignment never changes the shortfall.
        const withDrop = reviewerCommitment({ commitment, outgoing: [...outgoing, { status: 'dropped', reviewDate: today, trainedOn: null }], today });
        expect(withDrop.shortfall).toBe(r.shortfall);
        // Nor does an untrained reviewer.
        const withUntrained = reviewerCommitment({ commitment, outgoing: [...outgoing, { status: 'attended', reviewDate: today, trainedOn: null }], today });
        expect(withUntrained.shortfall).toBe(r.shortfall);
      }),
    );
  });
});

describe('reviewBeforeFirstAttendance', () => {
  it('flags a school whose own review comes before any attendance', () => {
    expect(reviewBeforeFirstAttendance({ ownReviewStart: '2025-10-06', outgoing: [attended('2025-11-04')] })).toEqual({
      flagged: true,
      ownReviewStart: '2025-10-06',
      firstAttendance: '2025-11-04',
    });
  });
  it('flags a school with no attendance at all but a review date', () => {
    expect(reviewBeforeFirstAttendance({ ownReviewStart: '2026-03-02', outgoing: [] })).toEqual({
      flagged: true,
      ownReviewStart: '2026-03-02',
      firstAttendance: null,
    });
  });
  it('needs the attendance strictly before: the same day still flags', () => {
    expect(reviewBeforeFirstAttendance({ ownReviewStart: '2026-03-02', outgoing: [attended('2026-03-02')] }).flagged).toBe(true);
    expect(reviewBeforeFirstAttendance({ ownReviewStart: '2026-03-02', outgoing: [attended('2026-03-01')] }).flagged).toBe(false);
  });
  it('needs a trained leader: an attendance before training does not count', () => {
    expect(reviewBeforeFirstAttendance({ ownReviewStart: '2026-03-02', outgoing: [attended('2026-02-01', '2026-02-15')] })).toEqual({
      flagged: true,
      ownReviewStart: '2026-03-02',
      firstAttendance: null,
    });
  });
  it('counts booked reviews, ignores dropped ones, and takes the earliest', () => {
    const r = reviewBeforeFirstAttendance({
      ownReviewStart: '2026-03-02',
      outgoing: [dropped('2025-10-01'), booked('2026-06-01'), booked('2026-01-20'), attended('2026-02-01')],
    });
    expect(r).toEqual({ flagged: false, ownReviewStart: '2026-03-02', firstAttendance: '2026-01-20' });
    expect(reviewBeforeFirstAttendance({ ownReviewStart: '2026-03-02', outgoing: [dropped('2025-10-01')] })).toMatchObject({
      flagged: true,
      firstAttendance: null,
    });
  });
  it('does not flag a school with no review date yet', () => {
    expect(reviewBeforeFirstAttendance({ ownReviewStart: null, outgoing: [] })).toEqual({
      flagged: false,
      ownReviewStart: null,
      firstAttendance: null,
    });
  });
});

describe('untrainedHeadteacher', () => {
  const base = {
    headteacherSince: '2015-09-01' as string | null,
    history: 'continuing' as MembershipHistory,
    membershipStatus: 'renewing' as MembershipStatus,
    trainings: [] as { personName: string; trainedOn: string }[],
    headteacherName: 'Jane Smith' as string | null,
    yearStart: '2025-09-01',
  };
  it('computes the new-head window as twelve months before the year start', () => {
    expect(newHeadteacherFrom('2025-09-01')).toBe('2024-09-01');
    expect(newHeadteacherFrom('2025-01-15')).toBe('2024-01-15');
  });
  it('does not flag an established head of a renewing or leaving school', () => {
    expect(untrainedHeadteacher(base)).toMatchObject({ flagged: false, code: 'not_required' });
    expect(untrainedHeadteacher({ ...base, membershipStatus: 'leaving' })).toMatchObject({ flagged: false });
    expect(untrainedHeadteacher({ ...base, headteacherSince: null })).toMatchObject({ flagged: false, code: 'not_required' });
    expect(untrainedHeadteacher({ ...base, headteacherSince: '2024-08-31' })).toMatchObject({ flagged: false });
  });
  it('flags an untrained head of a new or returning school, from the membership history whatever the label says', () => {
    expect(untrainedHeadteacher({ ...base, history: 'new' })).toMatchObject({ flagged: true, code: 'new_school_untrained', reason: 'Headteacher of a new school has not attended reviewer training' });
    // Back after a gap year, labelled "Renewing" on the roll: returning, so flagged.
    expect(untrainedHeadteacher({ ...base, history: 'returning', membershipStatus: 'renewing' })).toMatchObject({
      flagged: true,
      code: 'new_school_untrained',
      reason: 'Headteacher of a returning school has not attended reviewer training',
    });
    // Labelled "New" but a member last year: continuing, so not flagged.
    expect(untrainedHeadteacher({ ...base, history: 'continuing', membershipStatus: 'new' })).toMatchObject({ flagged: false, code: 'not_required' });
  });
  it('reads the label only when hubdesk holds no earlier year (the history is unknown)', () => {
    expect(untrainedHeadteacher({ ...base, history: 'unknown', membershipStatus: 'new' })).toMatchObject({ flagged: true, code: 'new_school_untrained' });
    expect(untrainedHeadteacher({ ...base, history: 'unknown', membershipStatus: 'renewing' })).toMatchObject({ flagged: false });
  });
  it('flags an untrained new head: appointed in the previous 12 months, in the year, or later', () => {
    for (const since of ['2024-09-01', '2025-03-01', '2025-09-01', '2026-04-20', '2026-10-01']) {
      const r = untrainedHeadteacher({ ...base, headteacherSince: since });
      expect(r).toMatchObject({ flagged: true, code: 'new_head_untrained' });
      expect(r.reason).toContain(since);
    }
  });
  it('matches training records by name, ignoring case and spaces, and reports the earliest date', () => {
    const trainings = [
      { personName: 'John Brown', trainedOn: '2020-01-01' },
      { personName: '  jane   SMITH ', trainedOn: '2025-10-03' },
      { personName: 'Jane Smith', trainedOn: '2025-11-03' },
    ];
    expect(untrainedHeadteacher({ ...base, history: 'new', membershipStatus: 'new', trainings })).toEqual({
      flagged: false,
      code: 'trained',
      reason: 'Headteacher trained as a reviewer on 2025-10-03',
      trainedOn: '2025-10-03',
    });
    expect(untrainedHeadteacher({ ...base, history: 'new', trainings: trainings.slice(0, 1) })).toMatchObject({ flagged: true });
  });
  it('flags a school the rule applies to when no headteacher is recorded', () => {
    expect(untrainedHeadteacher({ ...base, history: 'new', headteacherName: null })).toMatchObject({
      flagged: true,
      code: 'headteacher_unknown',
    });
    expect(untrainedHeadteacher({ ...base, history: 'new', headteacherName: '  ' })).toMatchObject({ code: 'headteacher_unknown' });
  });
});

describe('suggestReplacementSchools', () => {
  it('orders by shortfall (largest first), then the same school, then name', () => {
    const candidates = [
      { schoolId: 1, name: 'Oak Academy', shortfall: 0, sameSchool: true },
      { schoolId: 2, name: 'beech primary', shortfall: 2, sameSchool: false },
      { schoolId: 3, name: 'Ash School', shortfall: 2, sameSchool: false },
      { schoolId: 4, name: 'Zed High', shortfall: 2, sameSchool: true },
      { schoolId: 5, name: 'Elm Junior', shortfall: 1, sameSchool: false },
      { schoolId: 6, name: 'Cedar', shortfall: 0, sameSchool: false },
    ];
    const out = suggestReplacementSchools(candidates);
    expect(out.map((c) => c.schoolId)).toEqual([4, 3, 2, 5, 1, 6]);
    expect(candidates[0]?.schoolId).toBe(1); // input untouched
  });
  it('keeps extra fields of the candidates', () => {
    const [first] = suggestReplacementSchools([{ schoolId: 1, name: 'A', shortfall: 1, sameSchool: false, hub: 'Aspire' }]);
    expect(first?.hub).toBe('Aspire');
  });
});
