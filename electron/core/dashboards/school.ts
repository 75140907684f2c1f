import type { ReviewerRecordRow, SchoolDashboard, SchoolReviewView } from '@shared/contract/dashboards';
import { inspectionHistory } from '@shared/domain/ofsted-profile';
import { pointsByHeading } from '@shared/domain/qa-profile';
import type { CoreContext } from '../context';
import { resolveYear } from '../db/years';
import { HubdeskError } from '../errors';
import { inspectionView, loadInspections } from './inspections';
import { loadAssignmentsOf, loadReviews, loadTrainings, loadYearRows } from './load';
import { earliestTraining, indexRows, reviewerTraining, schoolRow } from './shape';
import { loadBatches, sourceNotes } from './sources';

/** One school: Ofsted history, QA reviews with every point, reviewer record, training, memberships. */
export async function schoolDashboard(ctx: CoreContext, request: { schoolId: number; year?: string }): Promise<SchoolDashboard> {
  const db = ctx.db;
  const today = ctx.today();
  const school = await db.selectFrom('schools').where('id', '=', request.schoolId).selectAll().executeTakeFirst();
  if (!school) throw new HubdeskError('not_found', `There is no school with id ${request.schoolId}.`);
  const year = await resolveYear(db, request.year, today);
  if (!year) throw new HubdeskError('not_found', 'There are no membership years yet: import a roll or load the demo network.');

  const contacts = await db.selectFrom('contacts').where('school_id', '=', school.id).select(['role', 'name', 'email', 'phone']).orderBy('id').execute();
  const memberships = await db
    .selectFrom('memberships as m')
    .innerJoin('hubs as h', 'h.id', 'm.hub_id')
    .innerJoin('membership_years as y', 'y.id', 'm.year_id')
    .where('m.school_id', '=', school.id)
    .select(['y.label as year', 'y.start_date', 'h.id as hubId', 'h.name as hub', 'm.pupils', 'm.status', 'm.fee_paid_on as feePaidOn', 'm.import_batch_id'])
    .orderBy('y.start_date', 'desc')
    .execute();

  // This year's figures: the very same rows and rules as the hub dashboard, for this one school.
  const rows = await loadYearRows(db, year.id, { schoolId: school.id });
  const member = rows.members[0];
  const thisYear = memberships.find((m) => m.year === year.label);
  const current =
    member && thisYear ? { ...schoolRow(member, rows, indexRows(rows), { yearId: year.id, yearStart: year.startDate, today }), hubId: thisYear.hubId, hub: thisYear.hub } : null;

  const inspections = (await loadInspections(db, [school.urn])).get(school.urn) ?? [];
  const reviews = await loadReviews(db, [school.id]);
  const points =
    reviews.length === 0
      ? []
      : await db
          .selectFrom('qa_review_points')
          .where('review_id', 'in', reviews.map((r) => r.id))
          .select(['id', 'review_id', 'kind', 'heading', 'text', 'position'])
          .orderBy('position')
          .execute();
  const team = await loadAssignmentsOf(db, { reviewIds: reviews.map((r) => r.id) });
  const outgoing = await loadAssignmentsOf(db, { homeSchoolIds: [school.id] });
  const replacements = await loadAssignmentsOf(db, { replacing: [...team, ...outgoing].filter((a) => a.status === 'dropped').map((a) => a.id) });
  const replaced = await loadAssignmentsOf(db, {
    ids: [...team, ...outgoing].map((a) => a.replacesAssignmentId).filter((id): id is number => id !== null),
  });
  const byId = new Map([...team, ...outgoing, ...replacements, ...replaced].map((a) => [a.id, a]));
  const replacementOf = new Map(replacements.map((a) => [a.replacesAssignmentId!, a]));
  const trainings = await loadTrainings(db, [school.id], [...(school.headteacher ? [school.headteacher] : []), ...[...team, ...outgoing].map((a) => a.reviewerName)]);
  const trainingIdx = indexRows({ ...rows, trainings });
  const notTrained = (a: { status: string; reviewerName: string; reviewStart: string }) => a.status !== 'dropped' && reviewerTraining(a.reviewerName, a.reviewStart, trainingIdx).notTrained;
  const batches = await loadBatches(db, [
    ...inspections.map((i) => i.batchId),
    ...reviews.map((r) => r.batchId),
    ...memberships.map((m) => m.import_batch_id),
  ]);

  const reviewViews: SchoolReviewView[] = [...reviews]
    .sort((a, b) => b.startDate.localeCompare(a.startDate))
    .map((r) => ({
      reviewId: r.id,
      year: r.yearLabel,
      startDate: r.startDate,
      endDate: r.endDate,
      leadReviewer: r.leadReviewer,
      estimates: { leadership: r.leadership, quality: r.quality, disadvantaged: r.disadvantaged },
      aoeTitle: r.aoeTitle,
      aoeAccredited: r.aoeAccredited,
      reportReceivedOn: r.reportReceivedOn,
      headings: pointsByHeading(points.filter((p) => p.review_id === r.id)).map((g) => ({
        key: g.key,
        label: g.label,
        www: g.www.map((p) => ({ id: p.id, text: p.text })),
        ebi: g.ebi.map((p) => ({ id: p.id, text: p.text })),
      })),
      team: team
        .filter((a) => a.reviewId === r.id)
        .map((a) => {
          const orig = a.replacesAssignmentId === null ? undefined : byId.get(a.replacesAssignmentId);
          return {
            assignmentId: a.id,
            name: a.reviewerName,
            role: a.reviewerRole,
            homeSchoolId: a.homeSchoolId,
            homeSchool: a.homeSchool,
            status: a.status,
            replaces: orig ? `${orig.reviewerName} (${orig.homeSchool})` : null,
            notTrained: notTrained(a),
          };
        }),
      source: r.batchId === null ? null : (batches.get(r.batchId)?.fileName ?? null),
    }));

  const yearLabelOf = new Map(reviews.map((r) => [r.yearId, r.yearLabel]));
  const years = await db.selectFrom('membership_years').select(['id', 'label']).execute();
  for (const y of years) yearLabelOf.set(y.id, y.label);
  const reviewerRecord: ReviewerRecordRow[] = [...outgoing]
    .sort((a, b) => b.reviewStart.localeCompare(a.reviewStart) || a.id - b.id)
    .map((a) => {
      const rep = replacementOf.get(a.id);
      const orig = a.replacesAssignmentId === null ? undefined : byId.get(a.replacesAssignmentId);
      return {
        assignmentId: a.id,
        year: yearLabelOf.get(a.yearId) ?? '',
        reviewerName: a.reviewerName,
        reviewerRole: a.reviewerRole,
        hostSchoolId: a.hostSchoolId,
        hostSchool: a.hostSchool,
        reviewStart: a.reviewStart,
        status: a.status,
        trainedOn: earliestTraining(a.reviewerName, trainingIdx),
        notTrained: notTrained(a),
        replacedBy: rep ? { name: rep.reviewerName, homeSchool: rep.homeSchool } : null,
        replaces: orig ? { name: orig.reviewerName, homeSchool: orig.homeSchool } : null,
      };
    });

  return {
    school: {
      id: school.id,
      urn: school.urn,
      name: school.name,
      phase: school.phase,
      schoolType: school.school_type,
      localAuthority: school.local_authority,
      trust: school.trust,
      postcode: school.postcode,
      headteacher: school.headteacher,
      headteacherSince: school.headteacher_since,
      email: school.email,
      phone: school.phone,
      contacts,
    },
    year: year.label,
    today,
    current,
    memberships: memberships.map((m) => ({ year: m.year, hubId: m.hubId, hub: m.hub, pupils: m.pupils, status: m.status, feePaidOn: m.feePaidOn })),
    ofsted: inspectionHistory(inspections).map(inspectionView),
    reviews: reviewViews,
    reviewerRecord,
    trainings: trainings
      .filter((t) => t.schoolId === school.id || (school.headteacher !== null && t.personName.trim().toLowerCase() === school.headteacher.trim().toLowerCase()))
      .map((t) => ({ personName: t.personName, role: t.role, trainedOn: t.trainedOn })),
    sources: {
      ofsted: sourceNotes('Ofsted inspections', inspections.map((i) => i.batchId), batches, today, 'source'),
      qa: sourceNotes('QA Reviews', reviews.map((r) => r.batchId), batches, today),
      roll: sourceNotes('Memberships', memberships.map((m) => m.import_batch_id), batches, today),
    },
  };
}
