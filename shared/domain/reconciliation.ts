/**
 * Hub Action Plans, releases, claims and reconciliation.
 *
 * - Released = the sum of PAID claims only.
 * - Claimed = submitted + approved + paid (rejected claims are not counted).
 * - Remaining = total available − released.
 * - A hub that has released more than its total available is an error to show, never to hide.
 */
import { assertPence, formatPence, sumPence } from './money';
import type { ClaimStatus } from './vocabulary';
import type { MeetingDatesCondition } from './meeting-dates';

export interface ClaimAmount {
  amountPence: number;
  status: ClaimStatus;
}

/** The sum of paid claims. */
export function releasedPence(claims: readonly ClaimAmount[]): number {
  return sumPence(claims.filter((c) => c.status === 'paid').map((c) => c.amountPence));
}

export interface Reconciliation {
  totalAvailablePence: number;
  plannedPence: number;
  /** Submitted + approved + paid; rejected claims are left out. */
  claimedPence: number;
  /** Submitted + approved: claimed but not yet paid. */
  awaitingPaymentPence: number;
  /** Paid claims only. */
  releasedPence: number;
  /** Total available − released (negative when over-released). */
  remainingPence: number;
  /** Released more than the total available: an error. */
  overReleased: boolean;
  /** The plan allocates more than the total available. */
  overAllocated: boolean;
  /** Claims not rejected add up to more than the total available. */
  overClaimed: boolean;
  /** Plain English, one line per problem; empty when all is well. */
  problems: string[];
}

export function reconcile(input: {
  totalAvailablePence: number;
  plannedPence: number;
  claims: readonly ClaimAmount[];
}): Reconciliation {
  const { totalAvailablePence, plannedPence, claims } = input;
  assertPence(totalAvailablePence, 'the total available');
  assertPence(plannedPence, 'the planned amount');
  for (const c of claims) {
    if (!['submitted', 'approved', 'paid', 'rejected'].includes(c.status)) {
      throw new Error(`Unknown claim status "${String(c.status)}"`);
    }
  }
  const released = releasedPence(claims);
  const claimed = sumPence(claims.filter((c) => c.status !== 'rejected').map((c) => c.amountPence));
  const awaiting = claimed - released;
  const remaining = totalAvailablePence - released;
  assertPence(remaining, 'the remaining amount');

  const overReleased = released > totalAvailablePence;
  const overAllocated = plannedPence > totalAvailablePence;
  const overClaimed = claimed > totalAvailablePence;
  const total = formatPence(totalAvailablePence);
  const problems: string[] = [];
  if (totalAvailablePence < 0) {
    problems.push(`The total available is negative (${total}): last year's overspend is larger than this year's funding.`);
  }
  if (overReleased) {
    problems.push(
      `Released ${formatPence(released)} is ${formatPence(released - totalAvailablePence)} more than the total available ${total}.`,
    );
  }
  if (overClaimed && !overReleased) {
    problems.push(
      `Claims not rejected total ${formatPence(claimed)}, ${formatPence(claimed - totalAvailablePence)} more than the total available ${total}.`,
    );
  }
  if (overAllocated) {
    problems.push(
      `The plan allocates ${formatPence(plannedPence)}, ${formatPence(plannedPence - totalAvailablePence)} more than the total available ${total}.`,
    );
  }
  return {
    totalAvailablePence,
    plannedPence,
    claimedPence: claimed,
    awaitingPaymentPence: awaiting,
    releasedPence: released,
    remainingPence: remaining,
    overReleased,
    overAllocated,
    overClaimed,
    problems,
  };
}

export interface PlanAllocationCheck {
  /** Planned spend per priority, in the order priorities first appear. */
  byPriority: { priority: string; plannedPence: number }[];
  totalPlannedPence: number;
  totalAvailablePence: number;
  /** Total available − total planned: positive = not yet allocated, negative = over-allocated. */
  differencePence: number;
  status: 'exact' | 'under' | 'over';
  message: string;
}

/**
 * Does the plan's allocation match the total available? Lines are grouped by priority; priority
 * names that differ only in case or spacing are the same priority (the first spelling is kept).
 */
export function checkPlanAllocation(
  lines: readonly { priority: string; plannedPence: number }[],
  totalAvailablePence: number,
): PlanAllocationCheck {
  assertPence(totalAvailablePence, 'the total available');
  const groups = new Map<string, { priority: string; plannedPence: number }>();
  for (const line of lines) {
    assertPence(line.plannedPence, `the planned amount for "${line.priority}"`);
    const name = line.priority.replace(/\s+/g, ' ').trim() || '(no priority)';
    const key = name.toLowerCase();
    const group = groups.get(key);
    if (group) group.plannedPence = sumPence([group.plannedPence, line.plannedPence]);
    else groups.set(key, { priority: name, plannedPence: line.plannedPence });
  }
  const byPriority = [...groups.values()];
  const totalPlannedPence = sumPence(byPriority.map((g) => g.plannedPence));
  const differencePence = totalAvailablePence - totalPlannedPence;
  const planned = formatPence(totalPlannedPence);
  const available = formatPence(totalAvailablePence);
  if (differencePence === 0) {
    return {
      byPriority,
      totalPlannedPence,
      totalAvailablePence,
      differencePence,
      status: 'exact',
      message: `The plan allocates exactly the ${available} available.`,
    };
  }
  if (differencePence > 0) {
    return {
      byPriority,
      totalPlannedPence,
      totalAvailablePence,
      differencePence,
      status: 'under',
      message: `The plan allocates ${planned} of the ${available} available: ${formatPence(differencePence)} is not yet allocated.`,
    };
  }
  return {
    byPriority,
    totalPlannedPence,
    totalAvailablePence,
    differencePence,
    status: 'over',
    message: `The plan allocates ${planned}, which is ${formatPence(-differencePence)} more than the ${available} available.`,
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Day number (days since 1970-01-01, UTC) of an ISO date; throws on anything that is not a real date. */
function dayNumber(iso: string, what: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`${what} must be a date like 2024-10-31, got "${iso}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`${what} is not a real calendar date: "${iso}"`);
  }
  return Math.round(ms / 86_400_000);
}

/** `2024-11-14` → `14 November 2024`. */
export function longDate(iso: string): string {
  dayNumber(iso, 'The date');
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[mo - 1] ?? ''} ${y}`;
}

export type ReleaseConditionKey = 'final_plan' | 'meeting_dates' | 'fees_paid';

export interface ReleaseCondition {
  key: ReleaseConditionKey;
  label: string;
  met: boolean;
  detail: string;
}

/** The three conditions for releasing a hub's funding, worded as the hub funding guidance words them. */
export const RELEASE_CONDITION_LABELS: Record<ReleaseConditionKey, string> = {
  final_plan: 'The final Hub Action Plan has been submitted',
  meeting_dates: "The hub's meeting dates for the year have been submitted",
  fees_paid: 'Every school in the hub has paid its membership fee',
};

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** Hub funding is released only when all three conditions hold. */
export function releaseConditions(input: {
  finalPlanSubmittedOn: string | null;
  /** The meeting-dates condition (meeting-dates.ts: a meeting in each term, every one submitted). */
  meetingDates: Pick<MeetingDatesCondition, 'met' | 'detail'>;
  unpaidSchools: readonly string[];
}): { met: boolean; conditions: ReleaseCondition[] } {
  const { finalPlanSubmittedOn, meetingDates, unpaidSchools } = input;
  const unpaid = unpaidSchools.length;
  const conditions: ReleaseCondition[] = [
    {
      key: 'final_plan',
      label: RELEASE_CONDITION_LABELS.final_plan,
      met: finalPlanSubmittedOn !== null,
      detail:
        finalPlanSubmittedOn !== null
          ? `Submitted on ${longDate(finalPlanSubmittedOn)}.`
          : 'The final plan has not been submitted yet.',
    },
    {
      key: 'meeting_dates',
      label: RELEASE_CONDITION_LABELS.meeting_dates,
      met: meetingDates.met,
      detail: meetingDates.detail,
    },
    {
      key: 'fees_paid',
      label: RELEASE_CONDITION_LABELS.fees_paid,
      met: unpaid === 0,
      detail:
        unpaid === 0
          ? 'Every school has paid.'
          : `${unpaid} ${unpaid === 1 ? 'school has' : 'schools have'} not paid: ${listNames(unpaidSchools)}.`,
    },
  ];
  return { met: conditions.every((c) => c.met), conditions };
}

export type DeadlineState = 'met' | 'late' | 'overdue' | 'due';

export interface DeadlineStatus {
  status: DeadlineState;
  deadline: string;
  submittedOn: string | null;
  /**
   * late: days after the deadline it was submitted; overdue: days since the deadline;
   * due: days left (0 = due today); met: 0.
   */
  days: number;
  message: string;
}

function deadlineStatus(what: string, deadline: string, submittedOn: string | null, today: string): DeadlineStatus {
  const due = dayNumber(deadline, `The ${what} deadline`);
  const now = dayNumber(today, 'Today');
  const when = longDate(deadline);
  const plural = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  if (submittedOn !== null) {
    const on = dayNumber(submittedOn, `The ${what} submission date`);
    if (on <= due) {
      return { status: 'met', deadline, submittedOn, days: 0, message: `Submitted on ${longDate(submittedOn)}, by the deadline of ${when}.` };
    }
    return {
      status: 'late',
      deadline,
      submittedOn,
      days: on - due,
      message: `Submitted on ${longDate(submittedOn)}, ${plural(on - due)} after the deadline of ${when}.`,
    };
  }
  if (now > due) {
    return { status: 'overdue', deadline, submittedOn, days: now - due, message: `Not submitted: ${plural(now - due)} overdue (deadline ${when}).` };
  }
  return {
    status: 'due',
    deadline,
    submittedOn,
    days: due - now,
    message: due === now ? `Due today, ${when}.` : `Due by ${when} (${plural(due - now)} left).`,
  };
}

/**
 * Where a hub stands against the draft and final plan deadlines. A plan submitted on the deadline
 * day is on time; a plan not submitted is 'due' up to and including the deadline day and
 * 'overdue' from the day after.
 */
export function planDeadlineStatus(input: {
  draftDeadline: string;
  finalDeadline: string;
  draftSubmittedOn: string | null;
  finalSubmittedOn: string | null;
  today: string;
}): { draft: DeadlineStatus; final: DeadlineStatus } {
  return {
    draft: deadlineStatus('draft plan', input.draftDeadline, input.draftSubmittedOn, input.today),
    final: deadlineStatus('final plan', input.finalDeadline, input.finalSubmittedOn, input.today),
  };
}
