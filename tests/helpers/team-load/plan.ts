import { dispatch } from '../../../electron/core/dispatch';
import type { CoreContext } from '../../../electron/core/context';
import { updateSchoolSchema, schoolDateIssues } from '../../../shared/validation/schools';
import { updateReviewSchema, reviewOutcomeIssues } from '../../../shared/validation/reviews';
import type { ReviewRecord, SchoolRecord } from '../../../shared/contract';
import type { LoadPlan } from './driver';

export interface PlanSizes {
  hubs: number;
  schools: number;
  editSchools: number;
  editReviews: number;
  claimHubs: number;
}

const SEARCHES = ['reading', 'phonics', 'maths', 'adaptive teach', 'curriculum', 'behaviour', 'oracy', 'disadvantaged pupils', 'writ', 'early reading'];

async function record<T>(ctx: CoreContext, method: 'schoolRecord' | 'reviewRecord', request: object): Promise<T | null> {
  const r = await dispatch(ctx, method, request);
  return r.ok ? (r.value as T) : null;
}

/**
 * What the simulated people read and edit, from the store before the server starts: the largest
 * hubs of the year, their schools, and small pools of records to edit — only records whose form,
 * saved unchanged, the core accepts today (so a refusal in the run can only be a conflict).
 */
export async function buildLoadPlan(ctx: CoreContext, year: string, sizes: PlanSizes, importFile?: LoadPlan['importFile']): Promise<LoadPlan> {
  const today = ctx.today();
  const hubs = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('membership_years as y', 'y.id', 'm.year_id')
    .where('y.label', '=', year)
    .select(['m.hub_id', (eb) => eb.fn.countAll<number>().as('schools')])
    .groupBy('m.hub_id')
    .orderBy('schools', 'desc')
    .orderBy('m.hub_id')
    .limit(sizes.hubs)
    .execute();
  const hubIds = hubs.map((h) => h.hub_id);
  const members = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('membership_years as y', 'y.id', 'm.year_id')
    .where('y.label', '=', year)
    .where('m.hub_id', 'in', hubIds)
    .select('m.school_id')
    .orderBy('m.school_id')
    .execute();
  const schoolIds = members.map((m) => m.school_id).slice(0, sizes.schools);

  const editSchools: number[] = [];
  for (const schoolId of schoolIds) {
    if (editSchools.length >= sizes.editSchools) break;
    const r = await record<SchoolRecord>(ctx, 'schoolRecord', { schoolId });
    if (!r) continue;
    const { id, version, ...fields } = r;
    const form = { ...fields, schoolId: id, version };
    if (updateSchoolSchema.safeParse(form).success && schoolDateIssues(form, today).length === 0) editSchools.push(id);
  }

  const reviews = await ctx.db
    .selectFrom('qa_reviews as r')
    .innerJoin('membership_years as y', 'y.id', 'r.year_id')
    .where('y.label', '=', year)
    .where('r.school_id', 'in', schoolIds)
    .where('r.start_date', '<=', today)
    .select('r.id')
    .orderBy('r.id')
    .execute();
  const editReviews: number[] = [];
  for (const { id: reviewId } of reviews) {
    if (editReviews.length >= sizes.editReviews) break;
    const r = await record<ReviewRecord>(ctx, 'reviewRecord', { reviewId });
    if (!r) continue;
    const form = { reviewId: r.id, version: r.version, startDate: r.startDate, endDate: r.endDate, leadReviewer: r.leadReviewer, estimates: r.estimates, www: r.www, ebi: r.ebi, aoeTitle: r.aoeTitle, aoeAccredited: r.aoeAccredited, reportReceivedOn: r.reportReceivedOn };
    if (updateReviewSchema.safeParse(form).success && reviewOutcomeIssues(form, today).length === 0) editReviews.push(r.id);
  }

  // Hubs with claims still to pay, most first.
  const claimHubs = await ctx.db
    .selectFrom('claims as c')
    .innerJoin('membership_years as y', 'y.id', 'c.year_id')
    .where('y.label', '=', year)
    .where('c.status', '=', 'approved')
    .where('c.claimed_on', '<=', today)
    .select(['c.hub_id', (eb) => eb.fn.countAll<number>().as('claims')])
    .groupBy('c.hub_id')
    .orderBy('claims', 'desc')
    .orderBy('c.hub_id')
    .limit(sizes.claimHubs)
    .execute();

  if (editSchools.length === 0 || editReviews.length === 0 || claimHubs.length === 0) {
    throw new Error(`the store has too little to edit for a load test: ${editSchools.length} schools, ${editReviews.length} reviews, ${claimHubs.length} hubs with claims to pay`);
  }
  return { year, today, hubIds, schoolIds, searches: SEARCHES, editSchools, editReviews, claimHubs: claimHubs.map((c) => c.hub_id), importFile };
}
