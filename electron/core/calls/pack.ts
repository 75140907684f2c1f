import type { CoreContext } from '../context';
import type { CallPack, PackClaim, PackDropOut, PackInspection, PackSchoolRef } from '@shared/contract/calls';
import { changedSince, inWindow, packWindow, termCallStatus, windowLabel, type CallKind } from '@shared/domain/calls';
import { findHub, hubDashboard } from '../dashboards/hub';
import { loadAssignmentsOf, loadYearRows } from '../dashboards/load';
import { inspectionView } from '../dashboards/inspections';
import { hubFundingDetail } from '../funding/detail';
import { findYear, listYears } from '../db/years';
import { RECORDED_IN_HUBDESK } from '../dashboards/sources';
import { invalid, loadActions, loadCalls } from './store';
import { resolveTerm, termView } from './terms';
import { membershipChanges } from './pack-membership';
import { timeline } from './timeline';
import { packSupportRequests } from './pack-support';

/** The same context, with "today" moved to the pack's as-at day (for a term already over). */
function asAtContext(ctx: CoreContext, asAt: string): CoreContext {
  if (asAt === ctx.today()) return ctx;
  return { ...ctx, today: () => asAt, now: () => new Date(`${asAt}T23:59:59Z`) };
}

/**
 * The catch-up call pack of a hub for a term, for one kind of call (the Hub Manager call unless the
 * Senior Partner's is asked for). Every figure comes from the dashboards and funding code (the same
 * rules, as at the pack's day); this module only picks what changed inside the window since the last
 * call of that kind (shared/domain/calls.ts) and dates every fact, with the instant hubdesk recorded
 * it where known (so a change later on the call's day is since the call).
 */
export async function callPack(ctx: CoreContext, request: { hubId?: number; hubName?: string; term: string; kind?: CallKind }): Promise<CallPack> {
  const kind: CallKind = request.kind ?? 'hub_manager';
  const today = ctx.today();
  const term = resolveTerm(request.term, today);
  const hub = await findHub(ctx.db, request);
  const year = await findYear(ctx.db, term.membershipYear);
  if (!year) {
    const held = (await listYears(ctx.db)).map((y) => y.label).join(', ') || 'none';
    throw invalid('term', `${term.label} belongs to membership year ${term.membershipYear}, which hubdesk does not hold (years held: ${held})`);
  }
  const calls = await loadCalls(ctx.db, [hub.id]);
  const window = packWindow({ term, today, kind, calls });
  const asAt = window.until;
  const at = asAtContext(ctx, asAt);
  const lastCall = window.lastCallAt === null ? null : calls.find((c) => c.kind === kind && c.heldAt === window.lastCallAt)!;

  const dash = await hubDashboard(at, { hubId: hub.id, year: year.label });
  const funding = await hubFundingDetail(at, hub.id, year.label);
  const rows = await loadYearRows(ctx.db, year.id, { hubId: hub.id });
  const members = new Map(rows.members.map((m) => [m.schoolId, m]));
  const ref = (schoolId: number): PackSchoolRef => ({ schoolId, school: members.get(schoolId)?.name ?? `School ${schoolId}`, urn: members.get(schoolId)?.urn ?? '' });

  // QA: reports received and reviews held since the last call.
  const qaReports = changedSince(rows.reviews, window, (r) => r.reportReceivedOn, (r) => r.updatedAt).map((r) => ({
    ...ref(r.schoolId),
    date: r.reportReceivedOn!,
    reviewId: r.id,
    reviewStart: r.startDate,
    reviewEnd: r.endDate,
    estimates: { leadership: r.leadership, quality: r.quality, disadvantaged: r.disadvantaged },
    aoe: r.aoeTitle ? { title: r.aoeTitle, accredited: r.aoeAccredited } : null,
    www: r.www,
    ebi: r.ebi,
  }));
  const reviewsHeld = changedSince(rows.reviews, window, (r) => r.endDate).map((r) => ({
    ...ref(r.schoolId),
    date: r.endDate,
    reviewId: r.id,
    startDate: r.startDate,
    endDate: r.endDate,
    leadReviewer: r.leadReviewer,
    reportReceivedOn: r.reportReceivedOn,
  }));
  const reviewersOut = changedSince(
    rows.outgoing.filter((a) => a.status !== 'dropped'),
    window,
    (a) => a.reviewStart,
  ).map((a) => ({ date: a.reviewStart, reviewer: a.reviewerName, homeSchool: a.homeSchool, hostSchool: a.hostSchool, status: a.status }));

  // Ofsted: inspections published since (unpublished ones by their inspection day).
  const inspections: PackInspection[] = [];
  for (const m of rows.members) {
    for (const i of rows.inspections.get(m.urn) ?? []) {
      const date = i.publicationDate ?? i.startDate;
      if (!inWindow(date, window, i.recordedAt)) continue;
      const v = inspectionView(i);
      inspections.push({
        ...ref(m.schoolId),
        date,
        published: i.publicationDate !== null,
        inspectionDate: i.startDate,
        framework: v.framework,
        frameworkLabel: v.frameworkLabel,
        inspectionType: v.inspectionType,
        overall: v.overall.label,
        categoryOfConcern: v.categoryOfConcern,
        outcomeText: v.outcomeText,
        judgements: v.judgements.map((j) => ({ area: j.area, label: j.label })),
      });
    }
  }
  inspections.sort((a, b) => a.date.localeCompare(b.date) || a.school.localeCompare(b.school));

  const newHeadteachers = changedSince(dash.schools, window, (s) => s.headteacherSince).map((s) => ({
    ...ref(s.schoolId),
    date: s.headteacherSince!,
    headteacher: s.headteacher ?? '',
    trained: s.headteacherTraining.trainedOn !== null,
  }));

  const claim = (c: (typeof funding.claims)[number]): PackClaim => ({
    date: c.claimedOn, amountPence: c.amountPence, invoiceRef: c.invoiceRef, priority: c.priority, status: c.status, paidOn: c.paidOn,
  });
  const claimRecorded = new Map(
    (await ctx.db.selectFrom('claims').where('hub_id', '=', hub.id).where('year_id', '=', year.id).select(['id', 'updated_at']).execute()).map((c) => [c.id, c.updated_at]),
  );
  const claimsPaid = changedSince(
    funding.claims.filter((c) => c.status === 'paid'),
    window,
    (c) => c.paidOn,
    (c) => claimRecorded.get(c.id) ?? null,
  ).map((c) => ({ ...claim(c), date: c.paidOn! }));

  // Actions: all of the hub's; open ones carry into the pack, those closed since are reported.
  const actions = (await loadActions(ctx.db, { hubIds: [hub.id] }, asAt)).map(({ hubId: _h, ...a }) => a);
  const openActions = actions.filter((a) => a.status === 'open');
  const actionsClosed = changedSince(
    actions.filter((a) => a.status !== 'open'),
    window,
    (a) => a.doneOn,
  );

  // Reviewers who dropped out of reviews not yet started, with no replacement.
  const ownReviewIds = rows.reviews.filter((r) => r.yearId === year.id).map((r) => r.id);
  const reviewIds = [...new Set([...ownReviewIds, ...rows.outgoing.map((a) => a.reviewId)])];
  const assignments = await loadAssignmentsOf(ctx.db, { reviewIds });
  const replaced = new Set(assignments.map((a) => a.replacesAssignmentId).filter((id): id is number => id !== null));
  const dropOuts: PackDropOut[] = assignments
    .filter((a) => a.status === 'dropped' && !replaced.has(a.id) && a.reviewStart > asAt && (members.has(a.homeSchoolId) || members.has(a.hostSchoolId)))
    .map((a) => ({
      date: a.reviewStart,
      reviewId: a.reviewId,
      reviewer: a.reviewerName,
      homeSchool: a.homeSchool,
      hostSchool: a.hostSchool,
      side: members.has(a.homeSchoolId) ? 'sent by the hub' : 'on a hub review',
    }));
  dropOuts.sort((a, b) => a.date.localeCompare(b.date) || a.reviewer.localeCompare(b.reviewer));

  const vulnerable = dash.schools
    .filter((s) => s.vulnerable.flagged)
    .map((s) => {
      const dates = s.vulnerable.triggeredBy.map((i) => i.publicationDate ?? i.startDate).sort();
      const date = dates[dates.length - 1] ?? asAt;
      return {
        ...ref(s.schoolId),
        date,
        reasons: s.vulnerable.reasons,
        isNew: inWindow(date, window),
        inspections: s.vulnerable.triggeredBy.map((i) => ({ inspectionDate: i.startDate, publicationDate: i.publicationDate, overall: i.overall.label, categoryOfConcern: i.categoryOfConcern })),
      };
    });

  const supportRequests = await packSupportRequests(ctx.db, hub.id, year.id, window, (id) => ref(id).urn);

  const changes: CallPack['changes'] = {
    qaReports,
    reviewsHeld,
    reviewersOut,
    ofsted: inspections,
    membership: await membershipChanges(ctx.db, hub.id, year.id, window),
    newHeadteachers,
    claimsPaid,
    actionsClosed,
    supportRequested: supportRequests.filter((r) => r.isNew),
  };
  const managers = dash.hub.hubManagers.map((m) => m.name);
  return {
    kind,
    hub: dash.hub,
    term: termView(term),
    asAt,
    generatedOn: today,
    window: {
      from: window.from,
      until: window.until,
      basis: window.basis,
      label: windowLabel(window, term),
      lastCall: lastCall ? { id: lastCall.id, heldOn: lastCall.heldOn, heldAt: lastCall.heldAt, kind: lastCall.kind, attendees: lastCall.attendees } : null,
    },
    callStatus: termCallStatus({
      term,
      today,
      calls,
      people: { hub_manager: managers, senior_partner: dash.hub.seniorPartner ? [dash.hub.seniorPartner] : [] },
    }),
    changes,
    timeline: timeline(changes),
    reviewsComingUp: dash.upcomingReviews.map((r) => ({
      ...ref(r.schoolId),
      reviewId: r.reviewId,
      date: r.startDate,
      endDate: r.endDate,
      leadReviewer: r.leadReviewer,
      teamSize: r.teamSize,
      filled: r.filled,
      openPlaces: Math.max(0, r.teamSize - r.filled),
      reviewers: r.reviewers,
    })),
    reviewers: dash.schools.map((s) => ({
      ...ref(s.schoolId),
      owed: s.reviewers.owed,
      attended: s.reviewers.attended,
      booked: s.reviewers.booked,
      dropped: s.reviewers.dropped,
      shortfall: s.reviewers.shortfall,
      status: s.reviewers.status,
    })),
    dropOuts,
    vulnerable,
    supportRequests,
    funding: {
      totalAvailablePence: funding.figures.totalAvailablePence,
      plannedPence: funding.reconciliation.plannedPence,
      claimedPence: funding.reconciliation.claimedPence,
      releasedPence: funding.reconciliation.releasedPence,
      remainingPence: funding.reconciliation.remainingPence,
      awaitingPaymentPence: funding.reconciliation.awaitingPaymentPence,
      overReleased: funding.reconciliation.overReleased,
      releaseMet: funding.release.met,
      conditionsMissing: funding.release.conditions.filter((c) => !c.met),
      claimsPending: funding.claims.filter((c) => c.status === 'submitted' || c.status === 'approved').map(claim),
      problems: funding.reconciliation.problems,
    },
    meetings: dash.meetings.map((m) => ({
      id: m.id,
      date: m.date,
      term: m.term,
      format: m.format,
      past: m.past,
      attended: m.attended,
      recorded: m.recorded,
      absent: m.absent,
      isNew: m.past && inWindow(m.date, window),
    })),
    openActions,
    previousCalls: calls
      .filter((c) => c.heldOn <= asAt)
      .slice(0, 10)
      .map((c) => ({ id: c.id, heldOn: c.heldOn, heldAt: c.heldAt, kind: c.kind, attendees: c.attendees, notes: c.notes })),
    sources: [
      ...dash.sources.roll,
      ...dash.sources.ofsted,
      ...dash.sources.qa,
      ...dash.sources.reviewers,
      ...dash.sources.meetings,
      ...dash.sources.funding,
      { what: 'Calls and actions', source: RECORDED_IN_HUBDESK, asAt: today },
    ],
  };
}
