import type { ParsedRequestOf } from '@shared/contract';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { reviewOutcomeIssues } from '@shared/validation/reviews';
import type { RecordsChange, ReviewRecord } from '@shared/contract/records';
import { applyChange } from '../changes/change-set';
import { staleRecord } from '../changes/stale';
import { versionOf } from '../changes/version';
import { refusal, throwIfIssues } from './refusals';

type Db = Kysely<Database> | Transaction<Database>;

export async function reviewRecord(db: Db, reviewId: number): Promise<ReviewRecord> {
  const r = await db.selectFrom('qa_reviews').where('id', '=', reviewId).selectAll().executeTakeFirst();
  if (!r) throw new HubdeskError('not_found', `There is no QA review with id ${reviewId}.`);
  const points = await db.selectFrom('qa_review_points').where('review_id', '=', reviewId).selectAll().orderBy('position').orderBy('id').execute();
  const meta = await db
    .selectFrom('schools')
    .innerJoin('membership_years', (j) => j.on('membership_years.id', '=', r.year_id))
    .where('schools.id', '=', r.school_id)
    .select(['schools.name', 'membership_years.label'])
    .executeTakeFirstOrThrow();
  const pts = (kind: string) => points.filter((p) => p.kind === kind).map((p) => ({ heading: p.heading, text: p.text }));
  return {
    id: r.id,
    schoolId: r.school_id,
    school: meta.name,
    year: meta.label,
    startDate: r.start_date,
    endDate: r.end_date,
    leadReviewer: r.lead_reviewer,
    estimates: { leadership: r.estimate_leadership, quality: r.estimate_quality, disadvantaged: r.estimate_disadvantaged },
    www: pts('www'),
    ebi: pts('ebi'),
    aoeTitle: r.aoe_title,
    aoeAccredited: r.aoe_accredited === 1,
    reportReceivedOn: r.report_received_on,
    version: versionOf({ review: JSON.stringify(r), points: JSON.stringify(points) }),
  };
}

export async function scheduleReview(ctx: CoreContext, input: ParsedRequestOf<'scheduleReview'>): Promise<RecordsChange<ReviewRecord>> {
  const res = await applyChange(ctx, 'review.schedule', { entity: 'qa_reviews' }, async (w) => {
    const school = await w.trx.selectFrom('schools').where('id', '=', input.schoolId).select(['id', 'name']).executeTakeFirst();
    if (!school) throw new HubdeskError('not_found', `There is no school with id ${input.schoolId}.`);
    const year = await w.trx.selectFrom('membership_years').where('label', '=', input.year).selectAll().executeTakeFirst();
    if (!year) throw refusal([{ path: 'year', message: `there is no membership year ${input.year}` }]);
    if (input.startDate < year.start_date || input.startDate > year.end_date) {
      throw refusal([{ path: 'startDate', message: `${input.startDate} is outside the membership year ${year.label} (${year.start_date} to ${year.end_date})` }]);
    }
    const existing = await w.trx.selectFrom('qa_reviews').where('school_id', '=', school.id).where('year_id', '=', year.id).select('start_date').executeTakeFirst();
    if (existing) throw refusal([{ path: 'startDate', message: `${school.name} already has its ${year.label} review on ${existing.start_date}: change that one instead` }]);
    const row = await w.insert('qa_reviews', {
      school_id: school.id,
      year_id: year.id,
      start_date: input.startDate,
      end_date: input.endDate,
      lead_reviewer: input.leadReviewer,
      aoe_accredited: 0,
      import_batch_id: null,
      updated_at: ctx.now().toISOString(),
    });
    return { value: await reviewRecord(w.trx, row.id), summary: `Scheduled ${school.name}'s ${year.label} QA Review for ${input.startDate} to ${input.endDate}`, entityId: row.id };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

/** Changes a review's dates and records its outcome; the WWWs and EBIs are replaced by the list sent. */
export async function updateReview(ctx: CoreContext, input: ParsedRequestOf<'updateReview'>): Promise<RecordsChange<ReviewRecord>> {
  throwIfIssues(reviewOutcomeIssues(input, ctx.today()));
  const res = await applyChange(ctx, 'review.update', { entity: 'qa_reviews', id: input.reviewId }, async (w) => {
    const current = await reviewRecord(w.trx, input.reviewId);
    if (current.version !== input.version) {
      const at = (await w.trx.selectFrom('qa_reviews').where('id', '=', input.reviewId).select('updated_at').executeTakeFirstOrThrow()).updated_at;
      throw await staleRecord(w.trx, ctx.user, { table: 'qa_reviews', key: [input.reviewId] }, `${current.school}'s review of ${current.startDate}`, at);
    }
    const patch = {
      start_date: input.startDate,
      end_date: input.endDate,
      lead_reviewer: input.leadReviewer,
      estimate_leadership: input.estimates.leadership,
      estimate_quality: input.estimates.quality,
      estimate_disadvantaged: input.estimates.disadvantaged,
      aoe_title: input.aoeTitle,
      aoe_accredited: input.aoeAccredited ? 1 : 0,
      report_received_on: input.reportReceivedOn,
    };
    const row = await w.trx.selectFrom('qa_reviews').where('id', '=', input.reviewId).selectAll().executeTakeFirstOrThrow();
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== row[k]);
    if (changed.length) await w.update('qa_reviews', { id: input.reviewId }, { ...patch, updated_at: ctx.now().toISOString() });
    const samePoints = JSON.stringify([current.www, current.ebi]) === JSON.stringify([input.www, input.ebi]);
    if (!samePoints) {
      const old = await w.trx.selectFrom('qa_review_points').where('review_id', '=', input.reviewId).select('id').execute();
      for (const p of old) await w.remove('qa_review_points', { id: p.id });
      let position = 0;
      for (const kind of ['www', 'ebi'] as const) {
        for (const p of input[kind]) await w.insert('qa_review_points', { review_id: input.reviewId, kind, heading: p.heading, text: p.text, position: position++ });
      }
    }
    if (!changed.length && samePoints) throw refusal([{ path: '', message: 'nothing to change: the review already holds these details' }]);
    const words = [changed.length ? 'details and estimates' : null, samePoints ? null : `${input.www.length} WWWs and ${input.ebi.length} EBIs`].filter(Boolean).join(', ');
    return { value: await reviewRecord(w.trx, input.reviewId), summary: `${current.school}'s review of ${input.startDate}: ${words}` };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}
