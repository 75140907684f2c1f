import { z } from 'zod';
import { ukDateShown } from '../uk-date';
import { REVIEWER_STATUSES } from '../domain/vocabulary';
import { id, isoDate, notAfterToday, optionalText, requiredText, version, type FieldIssue } from './common';

const reviewerName = requiredText(120, 'the reviewer’s name');
const role = optionalText(120, 'the role').optional();

/** Book a reviewer from a member school onto another school's review. */
export const bookReviewerSchema = z.strictObject({
  reviewId: id,
  homeSchoolId: id,
  reviewerName,
  reviewerRole: role,
});
export type BookReviewerInput = z.input<typeof bookReviewerSchema>;

/** Record what happened to a booking: attended, dropped out (or back to booked). */
export const reviewerStatusSchema = z.strictObject({
  assignmentId: id,
  version,
  status: z.enum(REVIEWER_STATUSES, { error: 'choose booked, attended or dropped' }),
});
export type ReviewerStatusInput = z.input<typeof reviewerStatusSchema>;

/** Replace a reviewer who dropped out, from the same school or another school of the hub. */
export const replaceReviewerSchema = z.strictObject({
  assignmentId: id,
  version,
  homeSchoolId: id,
  reviewerName,
  reviewerRole: role,
});
export type ReplaceReviewerInput = z.input<typeof replaceReviewerSchema>;

/** A person who attended reviewer training. */
export const addTrainingSchema = z.strictObject({
  schoolId: id,
  personName: requiredText(120, 'the person’s name'),
  role,
  trainedOn: isoDate,
});
export type AddTrainingInput = z.input<typeof addTrainingSchema>;

/** Attendance is a fact: it cannot be recorded before the review has started. */
export function attendedIssues(status: string, reviewStart: string, today: string): FieldIssue[] {
  if (status === 'attended' && reviewStart > today) return [{ path: 'status', message: `the review starts on ${ukDateShown(reviewStart)}: attendance can be recorded from that day` }];
  return [];
}

export function trainingIssues(trainedOn: string, today: string): FieldIssue[] {
  const m = notAfterToday(trainedOn, today, 'the training date');
  return m ? [{ path: 'trainedOn', message: m }] : [];
}
