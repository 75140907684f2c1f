/**
 * Reviewer commitment and the other QA Review people rules.
 *
 * - A school must send out, in the year, as many trained reviewers to other schools' reviews as the
 *   size of its own review team (reviewTeamSize in review-team.ts).
 * - **Decision**: a reviewer counts only with a reviewer-training record dated on or before the first
 *   day of the review they go to. An untrained reviewer's booking or attendance is shown, flagged
 *   "not trained", and not counted (for the commitment, nor as a first attendance).
 * - A reviewer who drops out is replaced; the replacement counts for the school that sent them. Here
 *   a replacement is simply another assignment of its own home school, so it is counted in that
 *   school's list; a dropped assignment never counts for anyone.
 * - A trained leader must attend another school's review before the school hosts its own.
 * - Headteachers of new or returning schools, and new headteachers, must attend reviewer training.
 */

import type { MembershipStatus, ReviewerStatus } from './vocabulary';
import { newOrReturning, type MembershipHistory } from './membership-history';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function assertIsoDate(value: string, what: string): void {
  if (!ISO_DATE.test(value)) throw new Error(`${what} must be an ISO date YYYY-MM-DD (got "${value}")`);
}

/* ------------------------------------------------------------------ commitment */

/** Who replaced a dropped reviewer (for display only: it never changes any count). */
export interface ReplacementRef {
  homeSchoolId: number;
  reviewerName?: string | null;
}

/** One reviewer this school sent (or is sending) to another school's review. */
export interface OutgoingAssignment {
  status: ReviewerStatus;
  /** Start date of the review the reviewer goes to. */
  reviewDate: string;
  /** The reviewer's earliest reviewer-training date, or null when none is recorded. */
  trainedOn: string | null;
  replacedBy?: ReplacementRef | null;
}

/** Trained in time for the review: a training record dated on or before the review's first day. */
export function trainedFor(a: Pick<OutgoingAssignment, 'reviewDate' | 'trainedOn'>): boolean {
  return a.trainedOn !== null && a.trainedOn <= a.reviewDate;
}

export const COMMITMENT_STATUSES = ['met', 'on track', 'behind'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export interface ReviewerCommitment {
  /** The school's own review team size. */
  commitment: number;
  attended: number;
  /** Status 'booked' with a review date today or later. */
  booked: number;
  /**
   * Status 'booked' but the review date has passed: nobody has confirmed attendance yet.
   * **Decision**: counted neither as attended nor as booked (so it shows in the shortfall) and
   * reported here so the screen can ask for it to be confirmed.
   */
  awaitingConfirmation: number;
  dropped: number;
  /** Booked or attended by a reviewer without a training record by the review's first day: shown, not counted. */
  notTrained: number;
  /** Of the dropped, how many have a replacement recorded (the replacement counts for its own school). */
  droppedReplaced: number;
  /** max(0, commitment − attended − booked). */
  shortfall: number;
  /** met: attended ≥ commitment; on track: attended + booked ≥ commitment; else behind. */
  status: CommitmentStatus;
}

export interface ReviewerCommitmentInput {
  commitment: number;
  outgoing: readonly OutgoingAssignment[];
  today: string;
}

export function reviewerCommitment(input: ReviewerCommitmentInput): ReviewerCommitment {
  const { commitment, outgoing, today } = input;
  if (!Number.isInteger(commitment) || commitment < 0) {
    throw new Error(`commitment must be a whole number, 0 or more (got ${String(commitment)})`);
  }
  assertIsoDate(today, 'today');
  let attended = 0;
  let booked = 0;
  let awaitingConfirmation = 0;
  let dropped = 0;
  let droppedReplaced = 0;
  let notTrained = 0;
  for (const a of outgoing) {
    assertIsoDate(a.reviewDate, 'reviewDate');
    if (a.trainedOn !== null) assertIsoDate(a.trainedOn, 'trainedOn');
    if (a.status !== 'dropped' && !trainedFor(a)) {
      notTrained += 1;
      continue;
    }
    switch (a.status) {
      case 'attended':
        attended += 1;
        break;
      case 'booked':
        if (a.reviewDate >= today) booked += 1;
        else awaitingConfirmation += 1;
        break;
      case 'dropped':
        dropped += 1;
        if (a.replacedBy) droppedReplaced += 1;
        break;
      default: {
        const never: never = a.status;
        throw new Error(`unknown reviewer status "${String(never)}"`);
      }
    }
  }
  const shortfall = Math.max(0, commitment - attended - booked);
  const status: CommitmentStatus = attended >= commitment ? 'met' : attended + booked >= commitment ? 'on track' : 'behind';
  return { commitment, attended, booked, awaitingConfirmation, dropped, droppedReplaced, notTrained, shortfall, status };
}

/* ------------------------------------------------------ attend before hosting */

export interface ReviewBeforeFirstAttendance {
  /** True when the school hosts its own review before any of its leaders attends another school's. */
  flagged: boolean;
  ownReviewStart: string | null;
  /** Earliest review date among attended or booked outgoing assignments (dropped ignored). */
  firstAttendance: string | null;
}

/**
 * Flags a school whose own review comes before any of its leaders has reviewed at another school.
 * **Decisions**: an attendance must be strictly before the own review's start date (same day does
 * not count: the rule is "before the school hosts its own"); 'attended' and 'booked' both count
 * (including a booked review whose date has passed but is not yet confirmed); 'dropped' never
 * counts, nor a reviewer not trained by that review's first day (the rule asks for a trained
 * leader). No own review date yet → not flagged (nothing to compare).
 */
export function reviewBeforeFirstAttendance(input: {
  ownReviewStart: string | null;
  outgoing: readonly Pick<OutgoingAssignment, 'status' | 'reviewDate' | 'trainedOn'>[];
}): ReviewBeforeFirstAttendance {
  const { ownReviewStart, outgoing } = input;
  if (ownReviewStart !== null) assertIsoDate(ownReviewStart, 'ownReviewStart');
  let firstAttendance: string | null = null;
  for (const a of outgoing) {
    assertIsoDate(a.reviewDate, 'reviewDate');
    if (a.status === 'dropped' || !trainedFor(a)) continue;
    if (firstAttendance === null || a.reviewDate < firstAttendance) firstAttendance = a.reviewDate;
  }
  const flagged = ownReviewStart !== null && (firstAttendance === null || firstAttendance >= ownReviewStart);
  return { flagged, ownReviewStart, firstAttendance };
}

/* ---------------------------------------------------------- headteacher training */

/**
 * **Decision**: a headteacher is "new" when `headteacherSince` is on or after the day twelve months
 * before the membership year starts (so: appointed during the previous 12 months, during the
 * membership year, or later). An unknown `headteacherSince` does not make a head new.
 */
export const NEW_HEADTEACHER_WINDOW_MONTHS = 12;

export type UntrainedHeadteacherCode =
  /** Flagged: new or returning school, head has no training record. */
  | 'new_school_untrained'
  /** Flagged: new head, no training record. */
  | 'new_head_untrained'
  /** Flagged: the rule applies but no headteacher is recorded, so training cannot be checked. */
  | 'headteacher_unknown'
  /** Not flagged: the head has a training record. */
  | 'trained'
  /** Not flagged: a school that was a member last year, with an established (or unknown-since) head. */
  | 'not_required';

export interface UntrainedHeadteacher {
  flagged: boolean;
  code: UntrainedHeadteacherCode;
  /** A sentence for the screen. */
  reason: string;
  /** Earliest matching training date, when trained. */
  trainedOn: string | null;
}

/** Names match case- and space-insensitively ("  Jane  SMITH " = "Jane Smith"). */
export function personNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The first day on which an appointment makes a head "new" for a membership year starting yearStart. */
export function newHeadteacherFrom(yearStart: string): string {
  assertIsoDate(yearStart, 'yearStart');
  const y = Number(yearStart.slice(0, 4));
  const m = Number(yearStart.slice(5, 7));
  const total = y * 12 + (m - 1) - NEW_HEADTEACHER_WINDOW_MONTHS;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  // The day is kept as is; a 29 February that does not exist still compares correctly as a string
  // (between the 28th and 1 March).
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${yearStart.slice(8, 10)}`;
}

/**
 * Flags a school whose headteacher must attend reviewer training and has not.
 * The rule applies to a new or returning school — from the membership history, not the roll's label
 * (membership-history.ts; the label stands in only for a history hubdesk cannot know) — and to any school whose
 * head is new (see NEW_HEADTEACHER_WINDOW_MONTHS). Any training record with the head's name counts,
 * whatever its date; the caller chooses which records to pass (e.g. the person's records across schools).
 */
export function untrainedHeadteacher(input: {
  headteacherSince: string | null;
  /** The school's membership history this year (a new, returning or continuing member). */
  history: MembershipHistory;
  /** The roll's status label, read only when the history is unknown. */
  membershipStatus: MembershipStatus;
  trainings: readonly { personName: string; trainedOn: string }[];
  headteacherName: string | null;
  yearStart: string;
}): UntrainedHeadteacher {
  const { headteacherSince, history, membershipStatus, trainings, headteacherName, yearStart } = input;
  const newSchool = newOrReturning(history, membershipStatus);
  const windowStart = newHeadteacherFrom(yearStart);
  if (headteacherSince !== null) assertIsoDate(headteacherSince, 'headteacherSince');
  const newHead = headteacherSince !== null && headteacherSince >= windowStart;
  if (!newSchool && !newHead) {
    return { flagged: false, code: 'not_required', reason: 'Established headteacher of a continuing school', trainedOn: null };
  }
  const why = newSchool ? `${history === 'returning' ? 'returning' : 'new'} school` : `new headteacher (since ${String(headteacherSince)})`;
  const name = headteacherName === null ? '' : personNameKey(headteacherName);
  if (name === '') {
    return { flagged: true, code: 'headteacher_unknown', reason: `No headteacher recorded for a ${why}: reviewer training cannot be checked`, trainedOn: null };
  }
  let trainedOn: string | null = null;
  for (const t of trainings) {
    if (personNameKey(t.personName) !== name) continue;
    if (trainedOn === null || t.trainedOn < trainedOn) trainedOn = t.trainedOn;
  }
  if (trainedOn !== null) {
    return { flagged: false, code: 'trained', reason: `Headteacher trained as a reviewer on ${trainedOn}`, trainedOn };
  }
  return {
    flagged: true,
    code: newSchool ? 'new_school_untrained' : 'new_head_untrained',
    reason: `Headteacher of a ${why} has not attended reviewer training`,
    trainedOn: null,
  };
}

/* ------------------------------------------------------ replacement suggestions */

export interface ReplacementCandidate {
  schoolId: number;
  name: string;
  /** The candidate school's own reviewer shortfall. */
  shortfall: number;
  /** The candidate is the school the dropped reviewer came from. */
  sameSchool: boolean;
}

/**
 * Orders schools of the hub to ask for a replacement reviewer: "suggest schools in the hub with a
 * shortfall first" — largest shortfall first, then the dropped reviewer's own school, then by name
 * (then id, so the order is total). Returns a new array; keeps every candidate.
 */
export function suggestReplacementSchools<T extends ReplacementCandidate>(candidates: readonly T[]): T[] {
  return [...candidates].sort(
    (a, b) =>
      b.shortfall - a.shortfall ||
      Number(b.sameSchool) - Number(a.sameSchool) ||
      a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) ||
      a.schoolId - b.schoolId,
  );
}
