import { describe, expect, it } from 'vitest';
import { addMembershipSchema, membershipDateIssues, updateMembershipSchema } from '../../shared/validation/memberships';
import { addTrainingSchema, attendedIssues, bookReviewerSchema, replaceReviewerSchema, reviewerStatusSchema, trainingIssues } from '../../shared/validation/reviewers';
import { emailField, phoneField, postcodeField, schoolDateIssues, updateSchoolSchema, urnField } from '../../shared/validation/schools';
import { meetingAttendanceSchema, updateMeetingSchema } from '../../shared/validation/meetings';
import { fieldIssues, messagesByField, notAfterToday, pupils, version } from '../../shared/validation/common';
import type { z } from 'zod';

const V = '0123456789abcdef';
function messages(schema: z.ZodType, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  return r.success ? {} : messagesByField(fieldIssues(r.error));
}

describe('common rules', () => {
  it('pupils: whole numbers from 0 to 5,000', () => {
    expect(pupils.safeParse(0).success).toBe(true);
    expect(pupils.safeParse(5000).success).toBe(true);
    expect(messages(pupils, 5001)['']).toBe('more than 5,000 pupils: check the number');
    expect(messages(pupils, -1)['']).toBe('cannot be negative');
    expect(messages(pupils, 1.5)['']).toBe('enter the number of pupils as a whole number');
    expect(messages(pupils, Number.NaN)['']).toBe('enter the number of pupils as a whole number');
  });
  it('version: 16 hex digits', () => {
    expect(version.safeParse(V).success).toBe(true);
    expect(version.safeParse('xyz').success).toBe(false);
    expect(messages(version, undefined)['']).toMatch(/version of the record you loaded is missing/);
  });
  it('a recorded date cannot be after today', () => {
    expect(notAfterToday('2026-11-23', '2026-11-23', 'x')).toBeNull();
    expect(notAfterToday('2026-11-24', '2026-11-23', 'the payment date')).toBe('the payment date (24 Nov 2026) is after today (23 Nov 2026)');
    expect(notAfterToday(null, '2026-11-23', 'x')).toBeNull();
  });
});

describe('membership rules', () => {
  const add = { schoolId: 1, hubId: 2, year: '2026/27', pupils: 400, status: 'new' };
  it('accepts a valid addition and refuses a leaving joiner, a bad year and a bad hub', () => {
    expect(addMembershipSchema.safeParse(add).success).toBe(true);
    expect(messages(addMembershipSchema, { ...add, status: 'leaving' }).status).toMatch(/new or renewing/);
    expect(messages(addMembershipSchema, { ...add, status: 'gone' }).status).toBe('choose new, renewing or leaving');
    expect(messages(addMembershipSchema, { ...add, year: '2026/28' }).year).toMatch(/two consecutive years/);
    expect(messages(addMembershipSchema, { ...add, hubId: 0 }).hubId).toBeDefined();
    expect(messages(addMembershipSchema, { ...add, extra: 1 })['']).toBeDefined();
  });
  it('the fee cannot be paid before it was invoiced', () => {
    const u = { membershipId: 1, version: V, feeInvoicedOn: '2026-10-02', feePaidOn: '2026-10-01' };
    expect(messages(updateMembershipSchema, u).feePaidOn).toMatch(/cannot be paid \(1 Oct 2026\) before it was invoiced \(2 Oct 2026\)/);
    expect(updateMembershipSchema.safeParse({ ...u, feePaidOn: '2026-10-02' }).success).toBe(true);
    expect(messages(updateMembershipSchema, { ...u, feePaidOn: '2026-13-01' }).feePaidOn).toMatch(/date like|real calendar/);
  });
  it('an update must change something; fee dates may be cleared with null', () => {
    expect(messages(updateMembershipSchema, { membershipId: 1, version: V })['']).toBe('nothing to change');
    expect(updateMembershipSchema.safeParse({ membershipId: 1, version: V, feePaidOn: null }).success).toBe(true);
  });
  it('fee dates are not in the future', () => {
    expect(membershipDateIssues({ feeInvoicedOn: '2026-12-01', feePaidOn: '2026-11-23' }, '2026-11-23')).toEqual([
      { path: 'feeInvoicedOn', message: 'the invoice date (1 Dec 2026) is after today (23 Nov 2026)' },
    ]);
  });
});

describe('reviewer rules', () => {
  it('a booking needs a reviewer name; the role is optional and blank means none', () => {
    expect(messages(bookReviewerSchema, { reviewId: 1, homeSchoolId: 2, reviewerName: '   ' }).reviewerName).toBe('the reviewer’s name is required');
    const ok = bookReviewerSchema.parse({ reviewId: 1, homeSchoolId: 2, reviewerName: ' Ann Lee ', reviewerRole: ' ' });
    expect(ok).toEqual({ reviewId: 1, homeSchoolId: 2, reviewerName: 'Ann Lee', reviewerRole: null });
    expect(messages(bookReviewerSchema, { reviewId: 1, homeSchoolId: 2, reviewerName: 'x'.repeat(121) }).reviewerName).toMatch(/at most 120/);
  });
  it('statuses are booked, attended or dropped; attendance only from the review’s first day', () => {
    expect(messages(reviewerStatusSchema, { assignmentId: 1, version: V, status: 'late' }).status).toBe('choose booked, attended or dropped');
    expect(attendedIssues('attended', '2026-12-01', '2026-11-23')[0]?.message).toMatch(/starts on 1 Dec 2026/);
    expect(attendedIssues('attended', '2026-11-23', '2026-11-23')).toEqual([]);
    expect(attendedIssues('dropped', '2026-12-01', '2026-11-23')).toEqual([]);
  });
  it('a replacement needs the school and the name', () => {
    expect(Object.keys(messages(replaceReviewerSchema, { assignmentId: 1, version: V }))).toEqual(expect.arrayContaining(['homeSchoolId', 'reviewerName']));
  });
  it('training needs a person and a real date, not in the future', () => {
    expect(messages(addTrainingSchema, { schoolId: 1, personName: '', trainedOn: '2026-01-01' }).personName).toBe('the person’s name is required');
    expect(messages(addTrainingSchema, { schoolId: 1, personName: 'A', trainedOn: '01/02/2026' }).trainedOn).toMatch(/date like 2025-09-01/);
    expect(trainingIssues('2026-11-24', '2026-11-23')[0]?.path).toBe('trainedOn');
  });
});

describe('school rules', () => {
  it('URN: exactly 6 digits', () => {
    expect(urnField.safeParse(' 100001 ').data).toBe('100001');
    for (const bad of ['12345', '1234567', '12345a', '']) expect(messages(urnField, bad)['']).toBe('a URN is 6 digits, like 100001');
  });
  it('postcode: UK shape, stored upper-case with one space', () => {
    expect(postcodeField.parse('se17pb')).toBe('SE1 7PB');
    expect(postcodeField.parse(' m1  1ae ')).toBe('M1 1AE');
    expect(postcodeField.parse('EC1A1BB')).toBe('EC1A 1BB');
    expect(postcodeField.parse('')).toBeNull();
    expect(messages(postcodeField, '12345')['']).toMatch(/not a UK postcode/);
  });
  it('email and phone', () => {
    expect(emailField.parse(' head@school.sch.uk ')).toBe('head@school.sch.uk');
    expect(emailField.parse('')).toBeNull();
    expect(messages(emailField, 'head@school')['']).toMatch(/not an email address/);
    expect(phoneField.parse('+44 20 7123 4567')).toBe('+44 20 7123 4567');
    expect(messages(phoneField, '020-71')['']).toMatch(/not a phone number/);
    expect(messages(phoneField, 'call me')['']).toMatch(/not a phone number/);
  });
  it('phase from the fixed list; a headteacher start date needs the name and is not in the future', () => {
    const base = { schoolId: 1, version: V, urn: '100001', name: 'A School', phase: 'Primary', localAuthority: null, trust: null, headteacher: null, headteacherSince: null, email: null, phone: null, postcode: null };
    expect(updateSchoolSchema.safeParse(base).success).toBe(true);
    expect(messages(updateSchoolSchema, { ...base, phase: 'Infant' }).phase).toMatch(/choose one of Primary/);
    expect(messages(updateSchoolSchema, { ...base, headteacherSince: '2026-09-01' }).headteacherSince).toMatch(/give the headteacher’s name/);
    expect(schoolDateIssues({ headteacherSince: '2027-01-01' }, '2026-11-23')[0]?.path).toBe('headteacherSince');
  });
});

describe('meeting rules', () => {
  it('a meeting needs a real date and a term; notes are bounded', () => {
    const base = { meetingId: 1, version: V, date: '2026-10-01', term: 'autumn', format: null, notes: null, submittedOn: null };
    expect(updateMeetingSchema.safeParse(base).success).toBe(true);
    expect(messages(updateMeetingSchema, { ...base, term: 'winter' }).term).toBe('choose autumn, spring or summer');
    expect(messages(updateMeetingSchema, { ...base, date: '2026-02-30' }).date).toBe('is not a real calendar date');
    expect(messages(updateMeetingSchema, { ...base, notes: 'x'.repeat(5001) }).notes).toMatch(/at most 5000/);
  });
  it('attendance lists each school once, with attended yes or no', () => {
    const a = { meetingId: 1, version: V, schools: [{ schoolId: 3, attended: true }] };
    expect(meetingAttendanceSchema.safeParse(a).success).toBe(true);
    expect(messages(meetingAttendanceSchema, { ...a, schools: [{ schoolId: 3, attended: true }, { schoolId: 3, attended: false }] })['schools.1.schoolId']).toBe('this school is listed twice');
    expect(messages(meetingAttendanceSchema, { ...a, schools: [{ schoolId: 3 }] })['schools.0.attended']).toBe('say whether the school attended');
  });
});

describe('hub rules', () => {
  const base = { name: 'A Hub', region: null, seniorPartner: null, seniorPartnerEmail: null, membershipsManagerId: null, hubManagers: [] };
  it('a hub needs a name; emails are checked; at most 6 Hub Managers, each named once', async () => {
    const { createHubSchema, updateHubSchema } = await import('../../shared/validation/hubs');
    expect(createHubSchema.safeParse(base).success).toBe(true);
    expect(messages(createHubSchema, { ...base, name: '' }).name).toBe('the hub name is required');
    expect(messages(createHubSchema, { ...base, seniorPartnerEmail: 'x@y' }).seniorPartnerEmail).toMatch(/not an email/);
    const m = { name: 'Jo', email: null, phone: null, focus: null };
    expect(messages(createHubSchema, { ...base, hubManagers: Array.from({ length: 7 }, (_, i) => ({ ...m, name: `M${i}` })) }).hubManagers).toBe('at most 6 Hub Managers');
    expect(messages(createHubSchema, { ...base, hubManagers: [m, { ...m, name: 'JO ' }] })['hubManagers.1.name']).toBe('JO is listed twice');
    expect(messages(createHubSchema, { ...base, hubManagers: [{ ...m, name: '' }] })['hubManagers.0.name']).toBe('the Hub Manager’s name is required');
    expect(messages(updateHubSchema, { ...base, hubId: 1 }).version).toBeDefined();
  });
  it('a new meeting needs a real date and a term', async () => {
    const { addMeetingSchema } = await import('../../shared/validation/meetings');
    const m = { hubId: 1, year: '2026/27', date: '2027-01-20', term: 'spring', format: null };
    expect(addMeetingSchema.safeParse(m).success).toBe(true);
    expect(messages(addMeetingSchema, { ...m, date: '20/01/2027' }).date).toMatch(/date like/);
    expect(messages(addMeetingSchema, { ...m, term: 'Spring term' }).term).toBe('choose autumn, spring or summer');
  });
});

describe('QA review rules', () => {
  it('a review ends on or after its start and lasts at most a week; accreditation needs a title; outcomes only after the review', async () => {
    const { scheduleReviewSchema, updateReviewSchema, reviewOutcomeIssues } = await import('../../shared/validation/reviews');
    const s = { schoolId: 1, year: '2026/27', startDate: '2027-03-01', endDate: '2027-03-03', leadReviewer: null };
    expect(scheduleReviewSchema.safeParse(s).success).toBe(true);
    expect(messages(scheduleReviewSchema, { ...s, endDate: '2027-02-28' }).endDate).toMatch(/cannot end \(28 Feb 2027\) before it starts/);
    expect(messages(scheduleReviewSchema, { ...s, endDate: '2027-03-08' }).endDate).toMatch(/a review of 8 days/);
    expect(scheduleReviewSchema.safeParse({ ...s, endDate: '2027-03-07' }).success).toBe(true);
    const u = { reviewId: 1, version: V, startDate: '2026-10-01', endDate: '2026-10-03', leadReviewer: null, estimates: { leadership: null, quality: null, disadvantaged: null }, www: [], ebi: [], aoeTitle: null, aoeAccredited: false, reportReceivedOn: null };
    expect(updateReviewSchema.safeParse(u).success).toBe(true);
    expect(messages(updateReviewSchema, { ...u, aoeAccredited: true }).aoeAccredited).toMatch(/needs its title/);
    expect(messages(updateReviewSchema, { ...u, estimates: { ...u.estimates, quality: 'Good' } })['estimates.quality']).toMatch(/choose Leading, Effective, Working towards effective, Ineffective/);
    expect(messages(updateReviewSchema, { ...u, www: [{ heading: 'behaviour', text: 'x' }] })['www.0.heading']).toBe('choose one of the three headings');
    expect(messages(updateReviewSchema, { ...u, ebi: [{ heading: null, text: ' ' }] })['ebi.0.text']).toBe('the text is required');
    expect(reviewOutcomeIssues({ ...u, startDate: '2026-12-01', estimates: { leadership: 'Leading' } }, '2026-11-23')[0]?.path).toBe('estimates');
    expect(reviewOutcomeIssues({ ...u, startDate: '2026-12-01' }, '2026-11-23')).toEqual([]);
    expect(reviewOutcomeIssues({ ...u, reportReceivedOn: '2026-09-20' }, '2026-11-23')[0]?.message).toMatch(/cannot arrive \(20 Sept 2026\) before the review \(1 Oct 2026\)/);
  });
});
