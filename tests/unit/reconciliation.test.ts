import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RELEASE_CONDITION_LABELS,
  checkPlanAllocation,
  longDate,
  planDeadlineStatus,
  reconcile,
  releaseConditions,
  releasedPence,
  type ClaimAmount,
} from '../../shared/domain/reconciliation';
import { meetingDatesCondition } from '../../shared/domain/meeting-dates';
import { CLAIM_STATUSES } from '../../shared/domain/vocabulary';

const claims: ClaimAmount[] = [
  { amountPence: 100_000, status: 'paid' },
  { amountPence: 50_000, status: 'paid' },
  { amountPence: 20_000, status: 'approved' },
  { amountPence: 7_000, status: 'submitted' },
  { amountPence: 90_000, status: 'rejected' },
];

describe('releasedPence', () => {
  it('counts paid claims only', () => {
    expect(releasedPence(claims)).toBe(150_000);
    expect(releasedPence([])).toBe(0);
    expect(releasedPence([{ amountPence: 5, status: 'approved' }, { amountPence: 6, status: 'submitted' }, { amountPence: 7, status: 'rejected' }])).toBe(0);
  });
});

describe('reconcile', () => {
  it('gives total, planned, claimed (not rejected), released (paid) and remaining (total − released)', () => {
    const r = reconcile({ totalAvailablePence: 3_858_977, plannedPence: 3_858_977, claims });
    expect(r).toEqual({
      totalAvailablePence: 3_858_977,
      plannedPence: 3_858_977,
      claimedPence: 177_000,
      awaitingPaymentPence: 27_000,
      releasedPence: 150_000,
      remainingPence: 3_708_977,
      overReleased: false,
      overAllocated: false,
      overClaimed: false,
      problems: [],
    });
  });

  it('flags an over-release as a problem, never hides it, and lets remaining go negative', () => {
    const r = reconcile({
      totalAvailablePence: 100_000,
      plannedPence: 100_000,
      claims: [
        { amountPence: 80_000, status: 'paid' },
        { amountPence: 30_000, status: 'paid' },
      ],
    });
    expect(r.overReleased).toBe(true);
    expect(r.remainingPence).toBe(-10_000);
    expect(r.problems).toEqual(['Released £1,100.00 is £100.00 more than the total available £1,000.00.']);
  });

  it('releasing exactly the total available is not a problem', () => {
    const r = reconcile({ totalAvailablePence: 100_000, plannedPence: 100_000, claims: [{ amountPence: 100_000, status: 'paid' }] });
    expect(r.overReleased).toBe(false);
    expect(r.remainingPence).toBe(0);
    expect(r.problems).toEqual([]);
  });

  it('flags a plan that allocates more than is available, and claims beyond it', () => {
    const r = reconcile({
      totalAvailablePence: 100_000,
      plannedPence: 120_000,
      claims: [
        { amountPence: 60_000, status: 'paid' },
        { amountPence: 50_000, status: 'approved' },
      ],
    });
    expect(r.overAllocated).toBe(true);
    expect(r.overClaimed).toBe(true);
    expect(r.overReleased).toBe(false);
    expect(r.problems).toEqual([
      'Claims not rejected total £1,100.00, £100.00 more than the total available £1,000.00.',
      'The plan allocates £1,200.00, £200.00 more than the total available £1,000.00.',
    ]);
  });

  it('flags a negative total available (an overspend carried forward)', () => {
    const r = reconcile({ totalAvailablePence: -5_000, plannedPence: 0, claims: [] });
    expect(r.problems[0]).toContain('negative (−£50.00)');
  });

  it('refuses unknown statuses and non-pence amounts', () => {
    expect(() => reconcile({ totalAvailablePence: 1, plannedPence: 0, claims: [{ amountPence: 1, status: 'void' as 'paid' }] })).toThrow(/Unknown claim status/);
    expect(() => reconcile({ totalAvailablePence: 1.5, plannedPence: 0, claims: [] })).toThrow(/whole number of pence/);
    expect(() => reconcile({ totalAvailablePence: 1, plannedPence: 0, claims: [{ amountPence: 0.5, status: 'paid' }] })).toThrow();
  });

  it('holds its identities for any claims (property)', () => {
    const claimArb = fc.record({ amountPence: fc.integer({ min: 1, max: 10_000_000 }), status: fc.constantFrom(...CLAIM_STATUSES) });
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 100_000_000 }), fc.nat({ max: 100_000_000 }), fc.array(claimArb), (total, planned, cs) => {
        const r = reconcile({ totalAvailablePence: total, plannedPence: planned, claims: cs });
        expect(r.remainingPence).toBe(total - r.releasedPence);
        expect(r.releasedPence).toBeLessThanOrEqual(r.claimedPence);
        expect(r.claimedPence).toBe(r.releasedPence + r.awaitingPaymentPence);
        expect(r.overReleased).toBe(r.releasedPence > total);
        expect(r.overReleased).toBe(r.remainingPence < 0);
        if (r.overReleased) expect(r.problems.some((p) => p.startsWith('Released'))).toBe(true);
      }),
    );
  });
});

describe('checkPlanAllocation', () => {
  it('reports under- and over-allocation with the difference', () => {
    const under = checkPlanAllocation([{ priority: 'SEND', plannedPence: 90_000 }], 100_000);
    expect(under).toMatchObject({ status: 'under', differencePence: 10_000, totalPlannedPence: 90_000 });
    expect(under.message).toBe('The plan allocates £900.00 of the £1,000.00 available: £100.00 is not yet allocated.');
    const over = checkPlanAllocation(
      [
        { priority: 'SEND', plannedPence: 90_000 },
        { priority: 'Technology', plannedPence: 20_000 },
      ],
      100_000,
    );
    expect(over).toMatchObject({ status: 'over', differencePence: -10_000 });
    expect(over.message).toBe('The plan allocates £1,100.00, which is £100.00 more than the £1,000.00 available.');
  });

  it('groups priorities that differ only in case or spacing', () => {
    const c = checkPlanAllocation(
      [
        { priority: 'Leadership at all levels', plannedPence: 1 },
        { priority: ' leadership  at all Levels ', plannedPence: 2 },
        { priority: '', plannedPence: 3 },
      ],
      6,
    );
    expect(c.byPriority).toEqual([
      { priority: 'Leadership at all levels', plannedPence: 3 },
      { priority: '(no priority)', plannedPence: 3 },
    ]);
    expect(c.status).toBe('exact');
  });

  it('an empty plan against a positive total is under-allocated', () => {
    expect(checkPlanAllocation([], 5).status).toBe('under');
    expect(checkPlanAllocation([], 0).status).toBe('exact');
  });
});

const MET = meetingDatesCondition([
  { date: '2024-10-01', term: 'autumn', submittedOn: '2024-09-10' },
  { date: '2025-02-01', term: 'spring', submittedOn: '2024-09-10' },
  { date: '2025-06-01', term: 'summer', submittedOn: '2024-09-10' },
]);
const NOT_MET = meetingDatesCondition([]);

describe('releaseConditions', () => {
  it('met when all three hold', () => {
    const r = releaseConditions({ finalPlanSubmittedOn: '2024-11-12', meetingDates: MET, unpaidSchools: [] });
    expect(r.met).toBe(true);
    expect(r.conditions).toEqual([
      { key: 'final_plan', label: 'The final Hub Action Plan has been submitted', met: true, detail: 'Submitted on 12 November 2024.' },
      { key: 'meeting_dates', label: "The hub's meeting dates for the year have been submitted", met: true, detail: 'A meeting is dated in each term and all 3 are submitted.' },
      { key: 'fees_paid', label: 'Every school in the hub has paid its membership fee', met: true, detail: 'Every school has paid.' },
    ]);
  });

  it.each([
    ['final_plan', { finalPlanSubmittedOn: null, meetingDates: MET, unpaidSchools: [] }, 'The final plan has not been submitted yet.'],
    ['meeting_dates', { finalPlanSubmittedOn: '2024-11-01', meetingDates: NOT_MET, unpaidSchools: [] }, 'No meeting dates are recorded for the year.'],
    ['fees_paid', { finalPlanSubmittedOn: '2024-11-01', meetingDates: MET, unpaidSchools: ['Oak Primary'] }, '1 school has not paid: Oak Primary.'],
  ] as const)('not met when %s fails, and only that one', (key, input, detail) => {
    const r = releaseConditions({ ...input, unpaidSchools: [...input.unpaidSchools] });
    expect(r.met).toBe(false);
    expect(r.conditions.filter((c) => !c.met).map((c) => c.key)).toEqual([key]);
    expect(r.conditions.find((c) => c.key === key)?.detail).toBe(detail);
  });

  it('names every unpaid school', () => {
    const r = releaseConditions({ finalPlanSubmittedOn: null, meetingDates: NOT_MET, unpaidSchools: ['A School', 'B Academy', 'C College'] });
    expect(r.met).toBe(false);
    expect(r.conditions.every((c) => !c.met)).toBe(true);
    expect(r.conditions[2]?.detail).toBe('3 schools have not paid: A School, B Academy and C College.');
    expect(r.conditions.map((c) => c.label)).toEqual(Object.values(RELEASE_CONDITION_LABELS));
  });
});

describe('meetingDatesCondition: a meeting dated in each term, and every meeting of the year submitted', () => {
  const meeting = (date: string, term: string, submittedOn: string | null = '2024-09-10') => ({ date, term, submittedOn });
  it('one submitted meeting out of three is not "the meeting dates for the year"', () => {
    const c = meetingDatesCondition([meeting('2024-10-01', 'autumn'), meeting('2025-02-01', 'spring', null), meeting('2025-06-01', 'summer', null)]);
    expect(c).toEqual({
      met: false,
      termsWithoutMeeting: [],
      notSubmitted: ['2025-02-01', '2025-06-01'],
      detail: '2 of 3 meetings are not submitted (1 February 2025 and 1 June 2025).',
    });
  });
  it('a term without a meeting is not met, however many are submitted', () => {
    const c = meetingDatesCondition([meeting('2024-10-01', 'autumn'), meeting('2024-12-01', 'autumn')]);
    expect(c).toMatchObject({ met: false, termsWithoutMeeting: ['spring', 'summer'], detail: 'No meeting is dated in the spring and summer terms.' });
  });
  it('met with a meeting in each term, all submitted (more than one in a term is fine)', () => {
    expect(meetingDatesCondition([meeting('2024-10-01', 'autumn'), meeting('2024-12-01', 'autumn'), meeting('2025-02-01', 'spring'), meeting('2025-06-01', 'summer')]).met).toBe(true);
  });
  it('property: met exactly when every term has a meeting and none is unsubmitted', () => {
    const one = fc.record({ date: fc.constantFrom('2024-10-01', '2025-02-01', '2025-06-01'), term: fc.constantFrom('autumn', 'spring', 'summer'), submittedOn: fc.option(fc.constant('2024-09-10'), { nil: null }) });
    fc.assert(
      fc.property(fc.array(one, { maxLength: 8 }), (meetings) => {
        const c = meetingDatesCondition(meetings);
        const terms = new Set(meetings.map((m) => m.term));
        expect(c.met).toBe(terms.size === 3 && meetings.every((m) => m.submittedOn !== null));
        expect(c.notSubmitted.length).toBe(meetings.filter((m) => m.submittedOn === null).length);
      }),
    );
  });
});

describe('planDeadlineStatus', () => {
  const base = { draftDeadline: '2024-10-31', finalDeadline: '2024-11-14', draftSubmittedOn: null, finalSubmittedOn: null };

  it('submitted on the deadline day is met; the day after is late', () => {
    const onTheDay = planDeadlineStatus({ ...base, draftSubmittedOn: '2024-10-31', finalSubmittedOn: '2024-11-15', today: '2024-12-01' });
    expect(onTheDay.draft).toMatchObject({ status: 'met', days: 0, submittedOn: '2024-10-31', deadline: '2024-10-31' });
    expect(onTheDay.draft.message).toBe('Submitted on 31 October 2024, by the deadline of 31 October 2024.');
    expect(onTheDay.final).toMatchObject({ status: 'late', days: 1 });
    expect(onTheDay.final.message).toBe('Submitted on 15 November 2024, 1 day after the deadline of 14 November 2024.');
  });

  it('not submitted: due up to and including the deadline day, overdue from the day after', () => {
    const before = planDeadlineStatus({ ...base, today: '2024-10-30' });
    expect(before.draft).toMatchObject({ status: 'due', days: 1 });
    expect(before.draft.message).toBe('Due by 31 October 2024 (1 day left).');
    expect(before.final).toMatchObject({ status: 'due', days: 15 });

    const onTheDay = planDeadlineStatus({ ...base, today: '2024-10-31' });
    expect(onTheDay.draft).toMatchObject({ status: 'due', days: 0 });
    expect(onTheDay.draft.message).toBe('Due today, 31 October 2024.');

    const after = planDeadlineStatus({ ...base, today: '2024-11-01' });
    expect(after.draft).toMatchObject({ status: 'overdue', days: 1, submittedOn: null });
    expect(after.draft.message).toBe('Not submitted: 1 day overdue (deadline 31 October 2024).');
    expect(after.final.status).toBe('due');

    const later = planDeadlineStatus({ ...base, draftSubmittedOn: '2024-10-20', today: '2024-11-16' });
    expect(later.draft.status).toBe('met');
    expect(later.final).toMatchObject({ status: 'overdue', days: 2 });
  });

  it('submitted early is met, whatever today is', () => {
    const r = planDeadlineStatus({ ...base, draftSubmittedOn: '2024-09-15', finalSubmittedOn: '2024-11-01', today: '2025-06-01' });
    expect(r.draft.status).toBe('met');
    expect(r.final.status).toBe('met');
  });

  it('counts days across month and year ends and leap days', () => {
    const r = planDeadlineStatus({ draftDeadline: '2023-12-31', finalDeadline: '2024-02-28', draftSubmittedOn: '2024-01-01', finalSubmittedOn: null, today: '2024-03-01' });
    expect(r.draft).toMatchObject({ status: 'late', days: 1 });
    expect(r.final).toMatchObject({ status: 'overdue', days: 2 });
  });

  it('refuses dates that are not real ISO dates', () => {
    expect(() => planDeadlineStatus({ ...base, today: '2024-02-30' })).toThrow(/not a real calendar date/);
    expect(() => planDeadlineStatus({ ...base, today: '31/10/2024' })).toThrow(/like 2024-10-31/);
    expect(longDate('2025-01-05')).toBe('5 January 2025');
  });
});
