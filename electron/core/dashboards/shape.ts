import type { DashboardInspection, HubDashboardSchool, ReviewerFigures, SchoolQa } from '@shared/contract/dashboards';
import { reviewTeamColumn, reviewTeamSize } from '@shared/domain/review-team';
import {
  reviewBeforeFirstAttendance,
  personNameKey,
  reviewerCommitment,
  trainedFor,
  untrainedHeadteacher,
  type OutgoingAssignment,
} from '@shared/domain/reviewer-commitment';
import { vulnerableFlag } from '@shared/domain/vulnerable';
import { ofstedPosition } from '@shared/domain/ofsted-profile';
import type { OfstedProfileKey } from '@shared/domain/ofsted';
import { latestEstimates, type LatestEstimates } from '@shared/domain/qa-profile';
import { MEMBERSHIP_STATUSES, REVIEWER_STATUSES, type MembershipStatus, type ReviewerStatus } from '@shared/domain/vocabulary';
import { HubdeskError } from '../errors';
import { inspectionView, type StoredInspection } from './inspections';
import type { AssignmentRow, MemberRow, ReviewRow, TrainingRow, YearRows } from './load';
import type { NetworkMember, NetworkRows } from './network-rows';

/** Rows grouped by school, built once per dashboard so each school's figures are a lookup. */
export interface Indexed {
  reviewsBySchool: Map<number, ReviewRow[]>;
  outgoingBySchool: Map<number, AssignmentRow[]>;
  replacementOf: Map<number, AssignmentRow>;
  trainingsBySchool: Map<number, TrainingRow[]>;
  trainingsByName: Map<string, TrainingRow[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexRows(rows: Pick<YearRows, 'reviews' | 'outgoing' | 'replacements' | 'trainings'>): Indexed {
  const idx: Indexed = {
    reviewsBySchool: new Map(),
    outgoingBySchool: new Map(),
    replacementOf: new Map(),
    trainingsBySchool: new Map(),
    trainingsByName: new Map(),
  };
  for (const r of rows.reviews) push(idx.reviewsBySchool, r.schoolId, r);
  for (const a of rows.outgoing) push(idx.outgoingBySchool, a.homeSchoolId, a);
  for (const a of rows.replacements) if (a.replacesAssignmentId !== null) idx.replacementOf.set(a.replacesAssignmentId, a);
  for (const t of rows.trainings) {
    push(idx.trainingsBySchool, t.schoolId, t);
    push(idx.trainingsByName, personNameKey(t.personName), t);
  }
  return idx;
}

/** A reviewer's training for a review: their earliest record, and whether it is too late (or missing) for the review. */
export function reviewerTraining(name: string, reviewStart: string, idx: Pick<Indexed, 'trainingsByName'>): { trainedOn: string | null; notTrained: boolean } {
  const trainedOn = earliestTraining(name, idx);
  return { trainedOn, notTrained: !trainedFor({ trainedOn, reviewDate: reviewStart }) };
}

/** A person's earliest reviewer-training date (records under their name at any school), or null. */
export function earliestTraining(name: string, idx: Pick<Indexed, 'trainingsByName'>): string | null {
  let first: string | null = null;
  for (const t of idx.trainingsByName.get(personNameKey(name)) ?? []) if (first === null || t.trainedOn < first) first = t.trainedOn;
  return first;
}

export function reviewerStatus(a: Pick<AssignmentRow, 'id' | 'reviewerName' | 'status'>): ReviewerStatus {
  if ((REVIEWER_STATUSES as readonly string[]).includes(a.status)) return a.status as ReviewerStatus;
  throw new HubdeskError('store', `Reviewer assignment ${a.id} (${a.reviewerName}) has an unknown status "${a.status}".`);
}

function membershipStatus(m: MemberRow): MembershipStatus {
  if ((MEMBERSHIP_STATUSES as readonly string[]).includes(m.status)) return m.status as MembershipStatus;
  throw new HubdeskError('store', `The membership of ${m.name} (URN ${m.urn}) has an unknown status "${m.status}".`);
}

/** The school's outgoing assignments for the year in the shape of the commitment rule. */
export function outgoingFor(schoolId: number, idx: Indexed): OutgoingAssignment[] {
  return (idx.outgoingBySchool.get(schoolId) ?? []).map((a) => {
    const replacement = idx.replacementOf.get(a.id);
    return {
      status: reviewerStatus(a),
      reviewDate: a.reviewStart,
      trainedOn: earliestTraining(a.reviewerName, idx),
      replacedBy: replacement ? { homeSchoolId: replacement.homeSchoolId, reviewerName: replacement.reviewerName } : null,
    };
  });
}

export function reviewerFigures(m: MemberRow, idx: Indexed, today: string): ReviewerFigures {
  const c = reviewerCommitment({ commitment: reviewTeamSize(m.pupils, m.phase), outgoing: outgoingFor(m.schoolId, idx), today });
  return {
    owed: c.commitment,
    attended: c.attended,
    booked: c.booked,
    awaitingConfirmation: c.awaitingConfirmation,
    dropped: c.dropped,
    droppedReplaced: c.droppedReplaced,
    notTrained: c.notTrained,
    shortfall: c.shortfall,
    status: c.status,
    phaseAssumed: reviewTeamColumn(m.phase).assumed,
  };
}

export function qaOf(reviews: readonly ReviewRow[], yearId: number, today: string): SchoolQa {
  const latest = latestEstimates(
    reviews.map((r) => ({ id: r.id, startDate: r.startDate, yearLabel: r.yearLabel, estimates: { leadership: r.leadership, quality: r.quality, disadvantaged: r.disadvantaged } })),
  );
  const review = latest ? reviews.find((r) => r.id === latest.reviewId)! : null;
  const own = reviews.find((r) => r.yearId === yearId) ?? null;
  return {
    latest:
      latest && review
        ? { ...latest, aoeTitle: review.aoeTitle, aoeAccredited: review.aoeAccredited, www: review.www, ebi: review.ebi, reportReceivedOn: review.reportReceivedOn }
        : null,
    thisYear: own
      ? { reviewId: own.id, startDate: own.startDate, endDate: own.endDate, state: own.startDate > today ? 'upcoming' : own.endDate < today ? 'done' : 'in progress' }
      : null,
  };
}

/** One school's row of the hub dashboard: every figure from the domain rules over its rows. */
export function schoolRow(
  m: MemberRow,
  rows: YearRows,
  idx: Indexed,
  context: { yearId: number; yearStart: string; today: string; meetings?: { attended: number; recorded: number } },
): HubDashboardSchool {
  const { yearId, yearStart, today } = context;
  const inspections = rows.inspections.get(m.urn) ?? [];
  // The latest graded inspection is often also one that triggers the vulnerable flag: shape it once.
  const views = new Map<StoredInspection, DashboardInspection>();
  const view = (i: StoredInspection): DashboardInspection => {
    let v = views.get(i);
    if (!v) views.set(i, (v = inspectionView(i)));
    return v;
  };
  const position = ofstedPosition(inspections);
  const vulnerable = vulnerableFlag(inspections, today);
  const reviews = idx.reviewsBySchool.get(m.schoolId) ?? [];
  const own = reviews.find((r) => r.yearId === yearId) ?? null;
  const outgoing = outgoingFor(m.schoolId, idx);
  const before = reviewBeforeFirstAttendance({ ownReviewStart: own?.startDate ?? null, outgoing });
  const head = m.headteacher;
  const trainings = [
    ...(idx.trainingsBySchool.get(m.schoolId) ?? []),
    ...(head ? (idx.trainingsByName.get(personNameKey(head)) ?? []).filter((t) => t.schoolId !== m.schoolId) : []),
  ];
  const history = rows.histories.get(m.schoolId) ?? 'unknown';
  const training = untrainedHeadteacher({
    headteacherSince: m.headteacherSince,
    history,
    membershipStatus: membershipStatus(m),
    trainings: trainings.map((t) => ({ personName: t.personName, trainedOn: t.trainedOn })),
    headteacherName: head,
    yearStart,
  });
  return {
    schoolId: m.schoolId,
    urn: m.urn,
    name: m.name,
    phase: m.phase,
    localAuthority: m.localAuthority,
    pupils: m.pupils,
    membershipStatus: m.status,
    membershipHistory: history,
    feePaidOn: m.feePaidOn,
    headteacher: m.headteacher,
    headteacherSince: m.headteacherSince,
    email: m.email,
    phone: m.phone,
    ofsted: {
      profileKey: position.profileKey,
      latestGraded: position.latestGraded ? view(position.latestGraded) : null,
      laterUngraded: position.laterUngraded ? view(position.laterUngraded) : null,
    },
    qa: qaOf(reviews, yearId, today),
    reviewers: reviewerFigures(m, idx, today),
    reviewBeforeFirstAttendance: before,
    headteacherTraining: training,
    vulnerable: {
      flagged: vulnerable.vulnerable,
      reasons: vulnerable.reasons,
      triggeredBy: vulnerable.triggeredBy.map(view),
      tsi: { flagged: vulnerable.tsi.flagged, reasons: vulnerable.tsi.reasons, triggeredBy: vulnerable.tsi.triggeredBy.map(view) },
      stuck: { flagged: vulnerable.stuck.flagged, reasons: vulnerable.stuck.reasons, triggeredBy: vulnerable.stuck.triggeredBy.map(view) },
      academicYear: `${vulnerable.academicYear.start.slice(0, 4)}/${vulnerable.academicYear.end.slice(2, 4)}`,
    },
    meetings: context.meetings ?? { attended: 0, recorded: 0 },
  };
}

/** What a network row counts for one school: the same rules as its hub dashboard row, nothing else. */
export interface NetworkSchoolFacts {
  profileKey: OfstedProfileKey;
  qaLatest: LatestEstimates | null;
  commitment: ReviewerFigures['status'];
  vulnerable: boolean;
}

export function networkFacts(m: NetworkMember, rows: NetworkRows, context: { today: string }): NetworkSchoolFacts {
  const inspections = rows.inspections.get(m.urn) ?? [];
  return {
    profileKey: ofstedPosition(inspections).profileKey,
    qaLatest: latestEstimates(rows.reviews.get(m.schoolId) ?? []),
    commitment: reviewerCommitment({ commitment: reviewTeamSize(m.pupils, m.phase), outgoing: rows.outgoing.get(m.schoolId) ?? [], today: context.today }).status,
    vulnerable: vulnerableFlag(inspections, context.today).vulnerable,
  };
}
