/**
 * Termly catch-up calls: each Memberships Manager calls each hub's Hub
 * Manager at least once a term and its Senior Partner once a term. Pure rules, no I/O.
 *
 * **Terms**: a term is named by its calendar year and season, like `2025-autumn`.
 *   autumn Y = 1 Sep – 31 Dec Y; spring Y = 1 Jan – 30 Apr Y; summer Y = 1 May – 31 Aug Y.
 *   Autumn 2025, spring 2026 and summer 2026 make up membership year 2025/26.
 *
 * **Decision — "since the last call"**: each kind of call has its own pack. The pack of a kind for a
 * term shows what changed after the hub's last call *of that kind* held up to the pack's "as at" day
 * (today, or the term's last day for a past term), so recording the Hub Manager call does not empty
 * the Senior Partner's pack. A call is held at a time: a change recorded later on the call's day is
 * since the call; a fact known only by its day (a review held, a meeting) that falls on the call's day
 * is taken as already discussed. With no call of the kind held up to the "as at" day, the window
 * starts on the first day of the term and the pack says "since the start of term", never "since the
 * last call".
 */
import { TERMS, type Term } from './vocabulary';
import { yearLabelFor } from './years';
import { personNameKey } from './reviewer-commitment';
import { londonDayTime } from '../uk-date';

export const CALL_KINDS = ['hub_manager', 'senior_partner'] as const;
export type CallKind = (typeof CALL_KINDS)[number];
export const CALL_KIND_LABELS: Record<CallKind, string> = { hub_manager: 'Hub Manager', senior_partner: 'Senior Partner' };

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A term id: four-digit calendar year, a hyphen, the season. */
export const TERM_ID_PATTERN = /^(\d{4})-(autumn|spring|summer)$/;
export const TERM_ID_HINT = 'a term like 2025-autumn: the calendar year, a hyphen, then autumn, spring or summer';

/** Months (1–12) each term covers. */
const TERM_MONTHS: Record<Term, { first: number; last: number }> = {
  spring: { first: 1, last: 4 },
  summer: { first: 5, last: 8 },
  autumn: { first: 9, last: 12 },
};

export interface TermInfo {
  id: string;
  year: number;
  term: Term;
  /** "Autumn 2025" */
  label: string;
  /** First and last day, ISO. */
  start: string;
  end: string;
  /** The membership year the term belongs to, e.g. 2025/26 for autumn 2025 and for spring 2026. */
  membershipYear: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function assertIsoDay(date: string, what: string): void {
  const m = ISO_DATE.exec(date);
  const d = m ? new Date(`${date}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new Error(`${what} "${date}" is not a date like 2025-09-01`);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function termInfo(year: number, term: Term): TermInfo {
  const { first, last } = TERM_MONTHS[term];
  return {
    id: `${year}-${term}`,
    year,
    term,
    label: `${term[0]!.toUpperCase()}${term.slice(1)} ${year}`,
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
    membershipYear: yearLabelFor(term === 'autumn' ? year : year - 1),
  };
}

/** Reads a term id like `2025-autumn`; throws with a plain message for anything else (e.g. `2025-winter`). */
export function parseTermId(id: string): TermInfo {
  const m = TERM_ID_PATTERN.exec(id.trim());
  if (!m) throw new Error(`"${id.slice(0, 40)}" is not ${TERM_ID_HINT}`);
  return termInfo(Number(m[1]), m[2] as Term);
}

/** The term a day falls in. */
export function termOf(date: string): TermInfo {
  assertIsoDay(date, 'The day');
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const term = TERMS.find((t) => month >= TERM_MONTHS[t].first && month <= TERM_MONTHS[t].last)!;
  return termInfo(year, term);
}

export function nextTerm(id: string): TermInfo {
  const t = parseTermId(id);
  return t.term === 'spring' ? termInfo(t.year, 'summer') : t.term === 'summer' ? termInfo(t.year, 'autumn') : termInfo(t.year + 1, 'spring');
}

export function previousTerm(id: string): TermInfo {
  const t = parseTermId(id);
  return t.term === 'autumn' ? termInfo(t.year, 'summer') : t.term === 'summer' ? termInfo(t.year, 'spring') : termInfo(t.year - 1, 'autumn');
}

/** The day after an ISO day. */
export function dayAfter(date: string): string {
  assertIsoDay(date, 'The day');
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A call as the window reads it: its kind, its day and the instant it was held (ISO, UTC). */
export interface CallMoment {
  kind: CallKind;
  heldOn: string;
  heldAt: string;
}

/** What a pack reports on: changes after the last call of its kind (or from the start of term) up to `until`. */
export interface PackWindow {
  /** The kind of call the pack is for. */
  kind: CallKind;
  /** The first day a change can fall on: the last call's day (changes later that day count), else the term's first day. */
  from: string;
  until: string;
  basis: 'last call' | 'start of term';
  /** The last call of the kind held on or before `until`, when there is one: its day and instant. */
  lastCallOn: string | null;
  lastCallAt: string | null;
}

/**
 * The window of "what changed since the last call" for a pack of a kind of call in a term, as at
 * `today`: after the hub's last call of that kind held on or before the pack's as-at day, else from
 * the term's first day; up to today, or the term's last day for a term already over.
 */
export function packWindow(input: { term: TermInfo; today: string; kind: CallKind; calls: readonly CallMoment[] }): PackWindow {
  const { term, today, kind } = input;
  assertIsoDay(today, 'Today');
  const until = today < term.end ? today : term.end;
  let last: CallMoment | null = null;
  for (const c of input.calls) {
    assertIsoDay(c.heldOn, 'A call date');
    if (c.kind !== kind || c.heldOn > until) continue;
    if (last === null || c.heldAt > last.heldAt) last = c;
  }
  return last === null
    ? { kind, from: term.start, until, basis: 'start of term', lastCallOn: null, lastCallAt: null }
    : { kind, from: last.heldOn, until, basis: 'last call', lastCallOn: last.heldOn, lastCallAt: last.heldAt };
}

/**
 * Is a fact inside the window? `date` is its day (or an instant, which is then also when it was
 * recorded); `recordedAt` the instant hubdesk recorded it, when known. On the last call's day a fact
 * counts only when recorded after the call; one known only by its day was discussed on the call.
 */
export function inWindow(date: string | null | undefined, window: PackWindow, recordedAt?: string | null): boolean {
  if (typeof date !== 'string') return false;
  const day = date.slice(0, 10);
  if (day < window.from || day > window.until) return false;
  if (window.lastCallOn === null || day > window.lastCallOn) return true;
  const at = recordedAt ?? (date.length > 10 ? date : null);
  return at !== null && window.lastCallAt !== null && at > window.lastCallAt;
}

/** The facts inside the window, oldest first (ties keep their order). */
export function changedSince<T>(facts: readonly T[], window: PackWindow, dateOf: (fact: T) => string | null, recordedAtOf?: (fact: T) => string | null): T[] {
  return facts
    .map((fact, i) => ({ fact, i, date: dateOf(fact) }))
    .filter((f) => inWindow(f.date, window, recordedAtOf?.(f.fact)))
    .sort((a, b) => a.date!.localeCompare(b.date!) || a.i - b.i)
    .map((f) => f.fact);
}

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDay(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${LONG_MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
}

/** What the window's changes are "since", in words: "since the last Hub Manager call, 5 December 2026 at 14:30". */
export function windowLabel(window: PackWindow, term: Pick<TermInfo, 'start'>): string {
  if (window.basis === 'start of term' || window.lastCallOn === null || window.lastCallAt === null) {
    return `since the start of term, ${longDay(term.start)} (no ${CALL_KIND_LABELS[window.kind]} call held before)`;
  }
  return `since the last ${CALL_KIND_LABELS[window.kind]} call, ${longDay(window.lastCallOn)} at ${londonDayTime(window.lastCallAt).time}`;
}

export type TermCallStatus = 'held' | 'due' | 'overdue' | 'not yet due';

export interface TermCallState {
  kind: CallKind;
  status: TermCallStatus;
  /** Days of this term's calls of this kind, oldest first. */
  heldOn: string[];
  /** The term's last day: the call is due by then. */
  dueBy: string;
  /** The people of this kind (the hub's Hub Managers, its Senior Partner) not on any of this term's calls of the kind. */
  notReached: string[];
}

export interface RecordedCall {
  heldOn: string;
  kind: CallKind;
  attendees: readonly string[];
}

/**
 * Whether each kind of call is held, due or overdue for a hub in a term: held once a call of the kind
 * is recorded in the term; otherwise due while the term runs, overdue once it is over, not yet due
 * before it starts. The people not reached are named (a Hub Manager call reaches the Hub Managers on
 * its attendee list; names compare ignoring case and spacing).
 */
export function termCallStatus(input: {
  term: TermInfo;
  today: string;
  calls: readonly RecordedCall[];
  people: Record<CallKind, readonly string[]>;
}): Record<CallKind, TermCallState> {
  const { term, today } = input;
  assertIsoDay(today, 'Today');
  const out = {} as Record<CallKind, TermCallState>;
  for (const kind of CALL_KINDS) {
    const calls = input.calls.filter((c) => c.kind === kind && c.heldOn >= term.start && c.heldOn <= term.end);
    const heldOn = calls.map((c) => c.heldOn).sort();
    const reached = new Set(calls.flatMap((c) => c.attendees.map(personNameKey)));
    const notReached = input.people[kind].filter((p) => p.trim() !== '' && !reached.has(personNameKey(p)));
    const status: TermCallStatus = heldOn.length > 0 ? 'held' : today > term.end ? 'overdue' : today < term.start ? 'not yet due' : 'due';
    out[kind] = { kind, status, heldOn, dueBy: term.end, notReached };
  }
  return out;
}

/** An open action whose due day has passed. */
export function actionOverdue(action: { status: ActionStatus; dueOn: string | null }, today: string): boolean {
  return action.status === 'open' && action.dueOn !== null && action.dueOn < today;
}

/** A membership row as the roll import records it in import_changes (snake_case columns). */
export interface MembershipSnapshot {
  hub_id: number;
  school_id: number;
  pupils?: number;
  status?: string;
  fee_paid_on?: string | null;
}

export type MembershipChangeKind = 'joined' | 'left' | 'moved in' | 'moved out' | 'pupils' | 'status' | 'fee paid';

export interface MembershipChange {
  change: MembershipChangeKind;
  detail: string;
  /** For a move: the other hub's id. */
  otherHubId: number | null;
}

/** What a recorded change of a membership row means for one hub (nothing when it is not the hub's). */
export function classifyMembershipChange(
  change: { action: 'insert' | 'update' | 'delete'; before: MembershipSnapshot | null; after: MembershipSnapshot | null },
  hubId: number,
): MembershipChange[] {
  const { action, before, after } = change;
  if (action === 'insert') return after?.hub_id === hubId ? [{ change: 'joined', detail: `joined with ${after.pupils ?? '?'} pupils`, otherHubId: null }] : [];
  if (action === 'delete') return before?.hub_id === hubId ? [{ change: 'left', detail: 'left the hub', otherHubId: null }] : [];
  if (!before || !after) return [];
  if (before.hub_id !== hubId && after.hub_id === hubId) return [{ change: 'moved in', detail: 'moved in from another hub', otherHubId: before.hub_id }];
  if (before.hub_id === hubId && after.hub_id !== hubId) return [{ change: 'moved out', detail: 'moved to another hub', otherHubId: after.hub_id }];
  if (after.hub_id !== hubId) return [];
  const out: MembershipChange[] = [];
  if (before.pupils !== undefined && after.pupils !== undefined && before.pupils !== after.pupils) {
    out.push({ change: 'pupils', detail: `pupils ${before.pupils} → ${after.pupils}`, otherHubId: null });
  }
  if (before.status !== undefined && after.status !== undefined && before.status !== after.status) {
    out.push({ change: 'status', detail: `membership ${before.status} → ${after.status}`, otherHubId: null });
  }
  if (after.fee_paid_on && before.fee_paid_on !== after.fee_paid_on && !before.fee_paid_on) {
    out.push({ change: 'fee paid', detail: `fee paid on ${after.fee_paid_on}`, otherHubId: null });
  }
  return out;
}
