import { z } from 'zod';
import { mutation, query } from './define';
import { access } from './roles';
import { id, shortText } from './schemas';
import { recordCallSchema, setIdentitySchema, updateCallActionSchema } from '../validation/calls';
import { CALL_KINDS, TERM_ID_HINT, TERM_ID_PATTERN, type ActionStatus, type CallKind, type TermCallState } from '../domain/calls';
import type { CommitmentStatus } from '../domain/reviewer-commitment';
import type { ReleaseCondition } from '../domain/reconciliation';
import type { ClaimStatus } from '../domain/vocabulary';
import type { SourceNote } from './dashboards';

export interface StaffView {
  id: number;
  name: string;
  email: string | null;
  role: string;
}

/**
 * Who is using hubdesk ("I am" in Settings): a central staff member, or nobody chosen yet. On the
 * desktop one choice for the store; on a team server each signed-in person's own.
 */
export interface Identity {
  staffId: number | null;
  staff: StaffView[];
  /** The signed-in person's name on a team server; null on the desktop (one person, one choice). */
  person: string | null;
  /** How the staff record was found for the signed-in person: their email, or their own choice. */
  matchedBy: 'email' | 'chosen' | null;
}

export interface TermView {
  id: string;
  label: string;
  start: string;
  end: string;
  membershipYear: string;
}

export interface CallActionView {
  id: number;
  callId: number;
  callHeldOn: string;
  callKind: CallKind;
  text: string;
  owner: string | null;
  dueOn: string | null;
  status: ActionStatus;
  doneOn: string | null;
  /** Open and past its due day. */
  overdue: boolean;
}

export interface CallView {
  id: number;
  hubId: number;
  hub: string;
  term: string;
  termLabel: string;
  heldOn: string;
  /** The instant the call was held (ISO, UTC); shown as London time. */
  heldAt: string;
  kind: CallKind;
  attendees: string[];
  notes: string;
  createdBy: string;
  createdAt: string;
  actions: CallActionView[];
}

export interface MyCallsHub {
  hubId: number;
  hub: string;
  hubManagers: string[];
  seniorPartner: string | null;
  calls: Record<CallKind, TermCallState>;
  /** The hub's last call held up to the term's end (or today, if sooner): never a later call. */
  lastCall: { heldOn: string; heldAt: string; kind: CallKind } | null;
  openActions: number;
  overdueActions: number;
}

export interface MyCalls {
  /** The Memberships Manager shown, or null when none is chosen (choose in Settings). */
  manager: StaffView | null;
  term: TermView;
  today: string;
  hubs: MyCallsHub[];
  /** Calls of both kinds over the manager's hubs, by status. */
  totals: { held: number; due: number; overdue: number; notYetDue: number };
}

export interface PackSchoolRef {
  schoolId: number;
  school: string;
  urn: string;
}

export interface PackQaReport extends PackSchoolRef {
  /** The day the report was received. */
  date: string;
  reviewId: number;
  reviewStart: string;
  reviewEnd: string;
  estimates: { leadership: string | null; quality: string | null; disadvantaged: string | null };
  aoe: { title: string; accredited: boolean } | null;
  www: number;
  ebi: number;
}

export interface PackReviewHeld extends PackSchoolRef {
  /** The review's last day. */
  date: string;
  reviewId: number;
  startDate: string;
  endDate: string;
  leadReviewer: string | null;
  reportReceivedOn: string | null;
}

export interface PackReviewerOut {
  /** The host review's first day. */
  date: string;
  reviewer: string;
  homeSchool: string;
  hostSchool: string;
  status: string;
}

export interface PackReviewComingUp extends PackSchoolRef {
  reviewId: number;
  date: string;
  endDate: string;
  leadReviewer: string | null;
  teamSize: number;
  filled: number;
  openPlaces: number;
  reviewers: { name: string; homeSchool: string; status: string }[];
}

export interface PackReviewerRow extends PackSchoolRef {
  owed: number;
  attended: number;
  booked: number;
  dropped: number;
  shortfall: number;
  status: CommitmentStatus;
}

export interface PackDropOut {
  /** The review's first day. */
  date: string;
  reviewId: number;
  reviewer: string;
  homeSchool: string;
  hostSchool: string;
  /** 'sent by' = a reviewer of one of the hub's schools; 'on review of' = a place on a hub school's own review. */
  side: 'sent by the hub' | 'on a hub review';
}

export interface PackInspection extends PackSchoolRef {
  /** Publication day (or the inspection day while the report is unpublished). */
  date: string;
  published: boolean;
  inspectionDate: string;
  framework: string;
  frameworkLabel: string;
  inspectionType: string | null;
  overall: string;
  categoryOfConcern: string | null;
  outcomeText: string | null;
  judgements: { area: string; label: string }[];
}

export interface PackVulnerable extends PackSchoolRef {
  /** The latest triggering inspection's publication (or inspection) day. */
  date: string;
  reasons: string[];
  /** Raised since the last call. */
  isNew: boolean;
  inspections: { inspectionDate: string; publicationDate: string | null; overall: string; categoryOfConcern: string | null }[];
}

/** A support request of one of the hub's schools: what was asked, its status, who it was brokered to. */
export interface PackSupportRequest extends PackSchoolRef {
  id: number;
  /** The day the school asked. */
  date: string;
  area: string;
  /** The EBI the request is about, when it is one. */
  ebi: string | null;
  status: string;
  /** The member school or the person outside the network it was brokered to, or null. */
  brokeredTo: string | null;
  brokeredToSchoolId: number | null;
  notes: string | null;
  /** The day of its last change. */
  updatedOn: string;
  /** Asked for since the last call. */
  isNew: boolean;
}

export interface PackMembershipChange extends PackSchoolRef {
  /** The import's day. */
  date: string;
  change: string;
  detail: string;
  source: string;
}

export interface PackNewHead extends PackSchoolRef {
  date: string;
  headteacher: string;
  trained: boolean;
}

export interface PackClaim {
  date: string;
  amountPence: number;
  invoiceRef: string | null;
  priority: string | null;
  status: ClaimStatus;
  paidOn: string | null;
}

export interface PackMeeting {
  id: number;
  date: string;
  term: string;
  format: string | null;
  past: boolean;
  attended: number;
  recorded: number;
  absent: string[];
  /** Held inside the pack's window (since the last call of the pack's kind, or since the start of term: `window.label` says which). */
  isNew: boolean;
}

/** One line of "what changed since the last call", in date order (the screen, workbook and CLI show the same lines). */
export interface PackTimelineItem {
  date: string;
  what: string;
  school: string;
  urn: string;
  detail: string;
}

export interface CallPack {
  /** The kind of call this pack prepares: its "since the last call" is the last call of this kind. */
  kind: CallKind;
  hub: {
    id: number;
    name: string;
    region: string | null;
    seniorPartner: string | null;
    seniorPartnerEmail: string | null;
    membershipsManager: string | null;
    hubManagers: { name: string; email: string | null; focus: string | null }[];
  };
  term: TermView;
  /** The day the pack is as at: today, or the term's last day for a past term. */
  asAt: string;
  generatedOn: string;
  window: {
    from: string;
    until: string;
    basis: 'last call' | 'start of term';
    /** "since the last Hub Manager call, 5 December 2026 at 14:30", or "since the start of term, …": what `isNew` and the changes are since. */
    label: string;
    lastCall: { id: number; heldOn: string; heldAt: string; kind: CallKind; attendees: string[] } | null;
  };
  callStatus: Record<CallKind, TermCallState>;
  changes: {
    qaReports: PackQaReport[];
    reviewsHeld: PackReviewHeld[];
    reviewersOut: PackReviewerOut[];
    ofsted: PackInspection[];
    membership: PackMembershipChange[];
    newHeadteachers: PackNewHead[];
    claimsPaid: PackClaim[];
    actionsClosed: CallActionView[];
    /** Support asked for since the last call. */
    supportRequested: PackSupportRequest[];
  };
  /** Every change above as one dated line, oldest first. */
  timeline: PackTimelineItem[];
  reviewsComingUp: PackReviewComingUp[];
  reviewers: PackReviewerRow[];
  dropOuts: PackDropOut[];
  vulnerable: PackVulnerable[];
  /** The hub's support requests still open, and those changed since the last call (shared/domain/support.ts). */
  supportRequests: PackSupportRequest[];
  funding: {
    totalAvailablePence: number;
    plannedPence: number;
    claimedPence: number;
    releasedPence: number;
    remainingPence: number;
    awaitingPaymentPence: number;
    overReleased: boolean;
    releaseMet: boolean;
    conditionsMissing: ReleaseCondition[];
    claimsPending: PackClaim[];
    problems: string[];
  };
  meetings: PackMeeting[];
  openActions: CallActionView[];
  previousCalls: { id: number; heldOn: string; heldAt: string; kind: CallKind; attendees: string[]; notes: string }[];
  sources: SourceNote[];
}

export interface PackWorkbookFile {
  fileName: string;
  contentBase64: string;
}

export const termId = z
  .string()
  .trim()
  .regex(TERM_ID_PATTERN, `must be ${TERM_ID_HINT}`);

const hubRef = {
  hubId: id.optional(),
  hubName: shortText.min(1).optional(),
};
const oneHub = (r: { hubId?: number; hubName?: string }) => (r.hubId === undefined) !== (r.hubName === undefined);
/** Which call a pack prepares (default: the Hub Manager call). */
const packKind = z.enum(CALL_KINDS).optional();

export const callMethods = {
  getIdentity: query<Identity>(access.everyone)('Who is using hubdesk (chosen in Settings), and the central staff to choose from', z.strictObject({})),
  setIdentity: mutation<Identity>(access.memberships)(
    'Choose who is using hubdesk (a central staff member), or clear it with null',
    setIdentitySchema,
  ),
  myCalls: query<MyCalls>(access.everyone)(
    "A Memberships Manager's hubs and which catch-up calls are held, due or overdue in a term (default: the one chosen in Settings, this term)",
    z.strictObject({ staffId: id.optional(), term: termId.optional() }),
  ),
  callPack: query<CallPack>(access.everyone)(
    'The catch-up call pack of a hub for a term: what changed since the last call, funding, meetings, open actions',
    z.strictObject({ ...hubRef, term: termId, kind: packKind }).refine(oneHub, { message: 'give either hubId or hubName' }),
  ),
  callPackWorkbook: query<PackWorkbookFile>(access.everyone)(
    'The call pack as an Excel workbook',
    z.strictObject({ hubId: id, term: termId, kind: packKind }),
  ),
  recordCall: mutation<CallView>(access.memberships)('Record a call held with a hub (date, kind, attendees, notes, new actions) and update earlier open actions', recordCallSchema),
  updateCallAction: mutation<CallActionView>(access.memberships)(
    "Change an action's status (done or dropped on a day, or open again), text, owner or due day",
    updateCallActionSchema,
  ),
};
