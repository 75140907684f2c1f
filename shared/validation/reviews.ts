import { z } from 'zod';
import { ukDateShown } from '../uk-date';
import { QA_ESTIMATES, QA_HEADINGS } from '../domain/vocabulary';
import { id, isoDate, notAfterToday, optionalDate, optionalText, requiredText, version, type FieldIssue } from './common';

/** A QA Review lasts 3 days; a span longer than this is a typing mistake. */
export const MAX_REVIEW_DAYS = 7;

function span(r: { startDate: string; endDate: string }, ctx: z.RefinementCtx) {
  if (r.endDate < r.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: `the review cannot end (${ukDateShown(r.endDate)}) before it starts (${ukDateShown(r.startDate)})` });
    return;
  }
  const days = (Date.parse(`${r.endDate}T00:00:00Z`) - Date.parse(`${r.startDate}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_REVIEW_DAYS) ctx.addIssue({ code: 'custom', path: ['endDate'], message: `a review of ${days} days: a QA Review lasts 3 days (at most ${MAX_REVIEW_DAYS})` });
}

/** Schedule a school's QA Review for a year. */
export const scheduleReviewSchema = z
  .strictObject({
    schoolId: id,
    year: z.string().regex(/^\d{4}\/\d{2}$/, 'must look like 2025/26'),
    startDate: isoDate,
    endDate: isoDate,
    leadReviewer: optionalText(120, 'the lead reviewer'),
  })
  .superRefine(span);
export type ScheduleReviewInput = z.input<typeof scheduleReviewSchema>;

const estimate = z.enum(QA_ESTIMATES, { error: `choose ${QA_ESTIMATES.join(', ')}` }).nullable();
const headingKey = z.enum(QA_HEADINGS.map((h) => h.key) as [string, ...string[]], { error: 'choose one of the three headings' }).nullable();
const point = z.strictObject({ heading: headingKey, text: requiredText(2000, 'the text') });

/** A review's dates and its outcome: three estimates, WWWs, EBIs, the Area of Excellence. */
export const updateReviewSchema = z
  .strictObject({
    reviewId: id,
    version,
    startDate: isoDate,
    endDate: isoDate,
    leadReviewer: optionalText(120, 'the lead reviewer'),
    estimates: z.strictObject({ leadership: estimate, quality: estimate, disadvantaged: estimate }),
    www: z.array(point).max(30, 'at most 30 WWWs'),
    ebi: z.array(point).max(30, 'at most 30 EBIs'),
    aoeTitle: optionalText(300, 'the Area of Excellence'),
    aoeAccredited: z.boolean(),
    reportReceivedOn: optionalDate,
  })
  .superRefine(span)
  .superRefine((r, ctx) => {
    if (r.aoeAccredited && !r.aoeTitle) ctx.addIssue({ code: 'custom', path: ['aoeAccredited'], message: 'an accredited Area of Excellence needs its title' });
  });
export type UpdateReviewInput = z.input<typeof updateReviewSchema>;

/** Outcomes are facts: none before the review has started, no report received in the future. */
export function reviewOutcomeIssues(
  r: { startDate: string; estimates: Record<string, string | null>; www: unknown[]; ebi: unknown[]; aoeTitle: string | null; reportReceivedOn: string | null },
  today: string,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  const hasOutcome = Object.values(r.estimates).some((e) => e !== null) || r.www.length > 0 || r.ebi.length > 0;
  if (hasOutcome && r.startDate > today) out.push({ path: 'estimates', message: `the review starts on ${ukDateShown(r.startDate)}: its outcome can be recorded once it has taken place` });
  const report = notAfterToday(r.reportReceivedOn, today, 'the date the report was received');
  if (report) out.push({ path: 'reportReceivedOn', message: report });
  if (r.reportReceivedOn && r.reportReceivedOn < r.startDate) out.push({ path: 'reportReceivedOn', message: `the report cannot arrive (${ukDateShown(r.reportReceivedOn)}) before the review (${ukDateShown(r.startDate)})` });
  return out;
}
