import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { HubDashboard, MeetingView, UpcomingReview } from '@shared/contract/dashboards';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@shared/domain/reviewer-commitment';
import { reviewTeamSize } from '@shared/domain/review-team';
import { ofstedProfile } from '@shared/domain/ofsted-profile';
import { qaProfile } from '@shared/domain/qa-profile';
import type { CoreContext } from '../context';
import { resolveYear } from '../db/years';
import { cached } from '../db/store-cache';
import { HubdeskError } from '../errors';
import { loadAssignmentsOf, loadTrainings, loadYearRows } from './load';
import { indexRows, reviewerTraining, schoolRow } from './shape';
import { loadBatches, RECORDED_IN_HUBDESK, sourceNotes } from './sources';
import { hubFundingStatus } from './funding';
import { openSupportRequests } from './support';

export async function findHub(db: Kysely<Database>, ref: { hubId?: number; hubName?: string }) {
  const base = db
    .selectFrom('hubs')
    .leftJoin('central_staff', 'central_staff.id', 'hubs.memberships_manager_id')
    .select(['hubs.id', 'hubs.name', 'hubs.region', 'hubs.senior_partner_name', 'hubs.senior_partner_email', 'central_staff.name as manager']);
  if (ref.hubId !== undefined) {
    const hub = await base.where('hubs.id', '=', ref.hubId).executeTakeFirst();
    if (!hub) throw new HubdeskError('not_found', `There is no hub with id ${ref.hubId}.`);
    return hub;
  }
  const wanted = (ref.hubName ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  const all = await base.orderBy('hubs.name').execute();
  const hub = all.find((h) => h.name.trim().replace(/\s+/g, ' ').toLowerCase() === wanted);
  if (hub) return hub;
  const close = all.filter((h) => wanted !== '' && h.name.toLowerCase().includes(wanted)).map((h) => h.name);
  const shown = (ref.hubName ?? '').trim().slice(0, 80);
  throw new HubdeskError(
    'not_found',
    `There is no hub named “${shown}”.${close.length > 0 ? ` Did you mean ${close.slice(0, 5).map((n) => `“${n}”`).join(', ')}?` : ' List the hubs with: hubdesk hubs'}`,
  );
}

function countStatuses(statuses: CommitmentStatus[]): Record<CommitmentStatus, number> {
  const out = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
  for (const s of statuses) out[s] += 1;
  return out;
}

async function loadMeetings(db: Kysely<Database>, hubId: number, yearId: number) {
  const meetings = await db.selectFrom('hub_meetings').where('hub_id', '=', hubId).where('year_id', '=', yearId).selectAll().orderBy('meeting_date').execute();
  const attendance =
    meetings.length === 0
      ? []
      : await db
          .selectFrom('meeting_attendance')
          .where('meeting_id', 'in', meetings.map((m) => m.id))
          .select(['meeting_id', 'school_id', 'attended'])
          .execute();
  return { meetings, attendance };
}

/** One hub's dashboard for a year: the school table and its panels. */
export async function hubDashboard(ctx: CoreContext, request: { hubId?: number; hubName?: string; year?: string }): Promise<HubDashboard> {
  const hub = await findHub(ctx.db, request);
  const year = await resolveYear(ctx.db, request.year, ctx.today());
  if (!year) throw new HubdeskError('not_found', 'There are no membership years yet: import a roll or load the demo network.');
  // Kept until the store changes (db/store-cache.ts); each caller gets its own copy.
  const key = `dashboard:hub:${hub.id}:${year.label}:${ctx.today()}`;
  return structuredClone(await cached(ctx, key, () => computeHubDashboard(ctx, hub, year)));
}

async function computeHubDashboard(
  ctx: CoreContext,
  hub: Awaited<ReturnType<typeof findHub>>,
  year: NonNullable<Awaited<ReturnType<typeof resolveYear>>>,
): Promise<HubDashboard> {
  const today = ctx.today();
  const db = ctx.db;

  // Independent reads go together: on PostgreSQL the pool answers them at once instead of one round
  // trip after another; on SQLite (one connection, answered in process) it changes nothing.
  const [managers, rows, { meetings, attendance }, supportRequests, funding] = await Promise.all([
    db.selectFrom('hub_managers').where('hub_id', '=', hub.id).select(['name', 'email', 'focus']).orderBy('id').execute(),
    loadYearRows(db, year.id, { hubId: hub.id }),
    loadMeetings(db, hub.id, year.id),
    openSupportRequests(db, hub.id, year.id),
    hubFundingStatus(ctx, hub.id, year.label),
  ]);
  const idx = indexRows(rows);
  const ownReviews = rows.reviews.filter((r) => r.yearId === year.id);
  const incoming = await loadAssignmentsOf(db, { reviewIds: ownReviews.map((r) => r.id) });
  const incomingTraining = indexRows({ ...rows, trainings: await loadTrainings(db, [], incoming.map((a) => a.reviewerName)) });

  const pastMeetingIds = new Set(meetings.filter((m) => m.meeting_date < today).map((m) => m.id));
  const attendedBySchool = new Map<number, { attended: number; recorded: number }>();
  for (const a of attendance) {
    if (!pastMeetingIds.has(a.meeting_id)) continue;
    const s = attendedBySchool.get(a.school_id) ?? { attended: 0, recorded: 0 };
    s.recorded += 1;
    if (a.attended === 1) s.attended += 1;
    attendedBySchool.set(a.school_id, s);
  }

  const schools = rows.members.map((m) =>
    schoolRow(m, rows, idx, { yearId: year.id, yearStart: year.startDate, today, meetings: attendedBySchool.get(m.schoolId) ?? { attended: 0, recorded: 0 } }),
  );
  const nameOf = new Map(rows.members.map((m) => [m.schoolId, m.name]));
  const memberById = new Map(rows.members.map((m) => [m.schoolId, m]));

  const upcomingReviews: UpcomingReview[] = ownReviews
    .filter((r) => r.endDate >= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id)
    .map((r) => {
      const host = memberById.get(r.schoolId)!;
      const team = incoming.filter((a) => a.reviewId === r.id);
      return {
        reviewId: r.id,
        schoolId: r.schoolId,
        school: host.name,
        startDate: r.startDate,
        endDate: r.endDate,
        leadReviewer: r.leadReviewer,
        teamSize: reviewTeamSize(host.pupils, host.phase),
        filled: team.filter((a) => a.status !== 'dropped').length,
        reviewers: team.map((a) => ({
          name: a.reviewerName,
          homeSchool: a.homeSchool,
          status: a.status,
          notTrained: a.status !== 'dropped' && reviewerTraining(a.reviewerName, a.reviewStart, incomingTraining).notTrained,
        })),
      };
    });

  const meetingViews: MeetingView[] = meetings.map((m) => {
    const recorded = attendance.filter((a) => a.meeting_id === m.id);
    return {
      id: m.id,
      date: m.meeting_date,
      term: m.term,
      format: m.format,
      submittedOn: m.submitted_on,
      past: m.meeting_date < today,
      attended: recorded.filter((a) => a.attended === 1).length,
      recorded: recorded.length,
      absent: recorded.filter((a) => a.attended !== 1).map((a) => nameOf.get(a.school_id) ?? `School ${a.school_id}`),
    };
  });

  const batches = await loadBatches(db, [
    ...rows.members.map((m) => m.batchId),
    ...[...rows.inspections.values()].flat().map((i) => i.batchId),
    ...rows.reviews.map((r) => r.batchId),
    ...rows.outgoing.map((a) => a.batchId),
  ]);
  const inspections = [...rows.inspections.values()].flat();
  const latestPublished = inspections.reduce<string | null>((d, i) => (i.publicationDate && (d === null || i.publicationDate > d) ? i.publicationDate : d), null);

  return {
    hub: {
      id: hub.id,
      name: hub.name,
      region: hub.region,
      seniorPartner: hub.senior_partner_name,
      seniorPartnerEmail: hub.senior_partner_email,
      membershipsManager: hub.manager,
      hubManagers: managers,
    },
    year: year.label,
    today,
    schools,
    summary: {
      schools: schools.length,
      pupils: schools.reduce((n, s) => n + s.pupils, 0),
      commitment: countStatuses(schools.map((s) => s.reviewers.status)),
      vulnerable: schools.filter((s) => s.vulnerable.flagged).length,
      ofstedProfile: ofstedProfile(schools.map((s) => s.ofsted.profileKey)),
      qaProfile: qaProfile(schools.map((s) => s.qa.latest)),
    },
    upcomingReviews,
    meetings: meetingViews,
    // Support requests: the hub's open ones, from their own query in support.ts.
    supportRequests,
    funding: funding.status,
    sources: {
      roll: sourceNotes('Schools, pupils and contacts', rows.members.map((m) => m.batchId), batches, today),
      ofsted: [
        ...sourceNotes('Ofsted inspections', inspections.map((i) => i.batchId), batches, today, 'source'),
        ...(latestPublished ? [{ what: 'Latest Ofsted report published', source: 'Ofsted', asAt: latestPublished }] : []),
      ],
      qa: sourceNotes('QA Reviews', rows.reviews.map((r) => r.batchId), batches, today),
      reviewers: [
        ...sourceNotes('Reviewer assignments', [...rows.outgoing, ...incoming].map((a) => a.batchId), batches, today),
        { what: 'Attended / booked counted', source: 'as at today (booked = review date today or later)', asAt: today },
      ],
      meetings: [{ what: 'Hub meetings and attendance', source: RECORDED_IN_HUBDESK, asAt: today }],
      funding: funding.sources,
    },
  };
}
