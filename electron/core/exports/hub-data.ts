import type { HubDashboard } from '@shared/contract/dashboards';
import type { HubFundingDetail } from '@shared/contract/funding';
import type { SpendHubView } from '@shared/contract/spend';
import { headingLabel } from '@shared/domain/qa-profile';
import type { CoreContext } from '../context';
import { hubDashboard } from '../dashboards/hub';
import { loadAssignmentsOf, loadTrainings } from '../dashboards/load';
import { indexRows, reviewerTraining } from '../dashboards/shape';
import { hubFundingDetail } from '../funding/detail';
import { spendHub } from '../spend/queries';
import { findYear } from '../db/years';
import { HubdeskError } from '../errors';
import { inChunks } from '../db/in-chunks';

/**
 * Everything a hub workbook shows, read through the existing dashboards, funding and spend modules
 * (the same figures as the screens: no rule is computed again here), plus the few stored details the
 * screens do not carry: school type, trust, postcode, other contacts, the WWW/EBI texts and each
 * reviewer's reviews.
 */
export interface HubExportData {
  dashboard: HubDashboard;
  funding: HubFundingDetail;
  spend: SpendHubView;
  schoolDetails: Map<number, { schoolType: string | null; trust: string | null; postcode: string | null }>;
  contacts: Map<number, { role: string; name: string; email: string | null; phone: string | null }[]>;
  /** WWWs and EBIs of each school's latest review with outcomes (the review the QA sheet shows). */
  points: { schoolId: number; school: string; urn: string; reviewStart: string; year: string; kind: 'WWW' | 'EBI'; heading: string; text: string }[];
  /** The reviewers the hub's schools sent to reviews this year, with replacements. */
  reviewers: {
    reviewer: string;
    role: string | null;
    homeSchool: string;
    hostSchool: string;
    reviewStart: string;
    status: string;
    /** No reviewer-training record by the review's first day: not counted. */
    notTrained: boolean;
    replacedBy: string | null;
    replaces: string | null;
  }[];
}

export async function loadHubExportData(ctx: CoreContext, request: { hubId?: number; hubName?: string; year?: string }): Promise<HubExportData> {
  const dashboard = await hubDashboard(ctx, request);
  const hubId = dashboard.hub.id;
  const year = await findYear(ctx.db, dashboard.year);
  if (!year) throw new HubdeskError('not_found', `There is no membership year ${dashboard.year}.`);
  const funding = await hubFundingDetail(ctx, hubId, dashboard.year);
  const spend = await spendHub(ctx, hubId, dashboard.year);
  const schoolIds = dashboard.schools.map((s) => s.schoolId);

  // Lists of the hub's schools are sent in chunks (db/in-chunks.ts): SQLite refuses more than 32,766 parameters.
  const details = await inChunks(schoolIds, (ids) => ctx.db.selectFrom('schools').where('id', 'in', ids).select(['id', 'school_type', 'trust', 'postcode']).execute());
  const contactRows = (
    await inChunks(schoolIds, (ids) => ctx.db.selectFrom('contacts').where('school_id', 'in', ids).select(['id', 'school_id', 'role', 'name', 'email', 'phone']).execute())
  ).sort((a, b) => a.id - b.id);
  const contacts = new Map<number, { role: string; name: string; email: string | null; phone: string | null }[]>();
  for (const c of contactRows) {
    const list = contacts.get(c.school_id) ?? [];
    list.push({ role: c.role, name: c.name, email: c.email, phone: c.phone });
    contacts.set(c.school_id, list);
  }

  const latest = dashboard.schools.flatMap((s) => (s.qa.latest ? [{ school: s, review: s.qa.latest }] : []));
  const pointRows = await inChunks(
    latest.map((l) => l.review.reviewId),
    (ids) => ctx.db.selectFrom('qa_review_points').where('review_id', 'in', ids).select(['id', 'review_id', 'kind', 'heading', 'text', 'position']).execute(),
  );
  const byReview = new Map(latest.map((l) => [l.review.reviewId, l]));
  const kindOrder = (k: string) => (k === 'www' ? 0 : 1);
  const points = pointRows
    .filter((p) => p.kind === 'www' || p.kind === 'ebi')
    .map((p) => ({ p, l: byReview.get(p.review_id)! }))
    .sort((a, b) => a.l.school.name.localeCompare(b.l.school.name) || kindOrder(a.p.kind) - kindOrder(b.p.kind) || a.p.position - b.p.position || a.p.id - b.p.id)
    .map(({ p, l }) => ({
      schoolId: l.school.schoolId,
      school: l.school.name,
      urn: l.school.urn,
      reviewStart: l.review.reviewStart,
      year: l.review.yearLabel,
      kind: p.kind === 'www' ? ('WWW' as const) : ('EBI' as const),
      heading: headingLabel(p.heading),
      text: p.text,
    }));

  const outgoing = await loadAssignmentsOf(ctx.db, { homeSchoolIds: schoolIds, yearId: year.id });
  const replacements = await loadAssignmentsOf(ctx.db, { replacing: outgoing.filter((a) => a.status === 'dropped').map((a) => a.id) });
  const originals = await loadAssignmentsOf(ctx.db, { ids: outgoing.map((a) => a.replacesAssignmentId).filter((id): id is number => id !== null) });
  const replacementOf = new Map(replacements.map((a) => [a.replacesAssignmentId!, a]));
  const training = indexRows({ reviews: [], outgoing: [], replacements: [], trainings: await loadTrainings(ctx.db, [], outgoing.map((a) => a.reviewerName)) });
  const byId = new Map(originals.map((a) => [a.id, a]));
  const reviewers = outgoing
    .map((a) => {
      const rep = replacementOf.get(a.id);
      const orig = a.replacesAssignmentId === null ? undefined : byId.get(a.replacesAssignmentId);
      return {
        reviewer: a.reviewerName,
        role: a.reviewerRole,
        homeSchool: a.homeSchool,
        hostSchool: a.hostSchool,
        reviewStart: a.reviewStart,
        status: a.status,
        notTrained: reviewerTraining(a.reviewerName, a.reviewStart, training).notTrained,
        replacedBy: rep ? `${rep.reviewerName} (${rep.homeSchool})` : null,
        replaces: orig ? `${orig.reviewerName} (${orig.homeSchool})` : null,
      };
    })
    .sort((a, b) => a.homeSchool.localeCompare(b.homeSchool) || a.reviewer.localeCompare(b.reviewer) || a.reviewStart.localeCompare(b.reviewStart));

  return {
    dashboard,
    funding,
    spend,
    schoolDetails: new Map(details.map((d) => [d.id, { schoolType: d.school_type, trust: d.trust, postcode: d.postcode }])),
    contacts,
    points,
    reviewers,
  };
}
