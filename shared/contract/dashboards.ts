import { z } from 'zod';
import { query } from './define';
import { access } from './roles';
import { id, shortText, yearLabel } from './schemas';
import type { OfstedProfileKey } from '../domain/ofsted';
import type { DatedGrade, OfstedProfileBucket } from '../domain/ofsted-profile';
import type { InspectionReading } from '../domain/ofsted-reading';
import type { MembershipHistory } from '../domain/membership-history';
import type { LatestEstimates, Nearness, QaProfileHeading } from '../domain/qa-profile';
import type { CommitmentStatus } from '../domain/reviewer-commitment';
import type { UntrainedHeadteacherCode } from '../domain/reviewer-commitment';
import type { DeadlineStatus, ReleaseCondition } from '../domain/reconciliation';
import type { FundingApplied } from '../domain/funding';
import type { FigureBasis, FigureSideBySide } from '../domain/funding-lock';
import { QA_HEADINGS, PHASES } from '../domain/vocabulary';
import type { SupportRequestRecord } from './records';

/** Where a panel's figures come from, and as at when: a figure is never shown without its date. */
export interface SourceNote {
  /** What the figures are: 'Schools and pupils', 'Ofsted inspections', ... */
  what: string;
  /** The import file (or 'Recorded in hubdesk'). */
  source: string;
  /** The source's own date (Ofsted's as-at date, the import date), ISO. */
  asAt: string | null;
}

export interface DashboardInspection {
  id: number;
  urn: string;
  startDate: string;
  publicationDate: string | null;
  framework: string;
  frameworkLabel: string;
  inspectionType: string | null;
  categoryOfConcern: string | null;
  outcomeText: string | null;
  /** Only an OEIF inspection can carry a code; every other framework says why there is none. */
  overall: { code: string | null; label: string; date: string };
  judgements: DatedGrade[];
  /**
   * How the vulnerable-school rules read this inspection (Good or better / RI-equivalent /
   * Inadequate-equivalent) and what that rests on, for showing beside the grade
   * ("Needs attention (Curriculum and teaching) → read as RI-equivalent"); null when it has no grade to read.
   */
  reading: InspectionReading | null;
  source: string | null;
  sourceAsAt: string | null;
}

export interface SchoolOfsted {
  profileKey: OfstedProfileKey;
  latestGraded: DashboardInspection | null;
  /** An ungraded inspection newer than the latest graded one. */
  laterUngraded: DashboardInspection | null;
}

export interface SchoolQa {
  /** The latest review with outcomes, and what it found. */
  latest:
    | (LatestEstimates & {
        aoeTitle: string | null;
        aoeAccredited: boolean;
        www: number;
        ebi: number;
        reportReceivedOn: string | null;
      })
    | null;
  /** This year's review, if one is booked. */
  thisYear: { reviewId: number; startDate: string; endDate: string; state: 'upcoming' | 'in progress' | 'done' } | null;
}

export interface ReviewerFigures {
  owed: number;
  attended: number;
  booked: number;
  awaitingConfirmation: number;
  dropped: number;
  droppedReplaced: number;
  /** Booked or attended by reviewers not trained by the review's first day: shown, not counted. */
  notTrained: number;
  shortfall: number;
  status: CommitmentStatus;
  /** The school's phase is unknown, so the team size read the Primary column. */
  phaseAssumed: boolean;
}

/** One vulnerable flag and the inspections that raised it. */
export interface VulnerableFlagView {
  flagged: boolean;
  reasons: string[];
  triggeredBy: DashboardInspection[];
}

export interface VulnerableView {
  /** TSI-eligible or stuck. */
  flagged: boolean;
  /** Both flags' reasons, TSI first. */
  reasons: string[];
  /** Every inspection that raised either flag, oldest first. */
  triggeredBy: DashboardInspection[];
  /** Eligible for DfE Trust and School Improvement support (the academic year's rule). */
  tsi: VulnerableFlagView;
  /** Latest graded inspection RI-equivalent or worse and the one before below Good, at any date. */
  stuck: VulnerableFlagView;
  academicYear: string;
}

export interface HubDashboardSchool {
  schoolId: number;
  urn: string;
  name: string;
  phase: string | null;
  localAuthority: string | null;
  pupils: number;
  /** The roll's label (new, renewing, leaving). */
  membershipStatus: string;
  /** From the membership history: new, returning or continuing (unknown for the earliest year held). */
  membershipHistory: MembershipHistory;
  feePaidOn: string | null;
  headteacher: string | null;
  headteacherSince: string | null;
  email: string | null;
  phone: string | null;
  ofsted: SchoolOfsted;
  qa: SchoolQa;
  reviewers: ReviewerFigures;
  reviewBeforeFirstAttendance: { flagged: boolean; ownReviewStart: string | null; firstAttendance: string | null };
  headteacherTraining: { flagged: boolean; code: UntrainedHeadteacherCode; reason: string; trainedOn: string | null };
  vulnerable: VulnerableView;
  meetings: { attended: number; recorded: number };
}

export interface UpcomingReview {
  reviewId: number;
  schoolId: number;
  school: string;
  startDate: string;
  endDate: string;
  leadReviewer: string | null;
  teamSize: number;
  /** Reviewers booked or attended (not dropped). */
  filled: number;
  /** Each reviewer; `notTrained`: no training record by the review's first day (shown, not counted for their school). */
  reviewers: { name: string; homeSchool: string; status: string; notTrained: boolean }[];
}

export interface MeetingView {
  id: number;
  date: string;
  term: string;
  format: string | null;
  submittedOn: string | null;
  past: boolean;
  /** Schools recorded as attending / recorded at all (future meetings have none). */
  attended: number;
  recorded: number;
  absent: string[];
}

export interface HubFundingStatus {
  /** The figures below are the locked ones (once finance locks the year) or the live ones (from the roll today). */
  basis: FigureBasis;
  fundingPence: number;
  formulaPence: number;
  minimumPence: number;
  applied: FundingApplied;
  carryForwardPence: number;
  totalAvailablePence: number;
  plannedPence: number;
  releasedPence: number;
  remainingPence: number;
  overReleased: boolean;
  locked: boolean;
  /** For a locked hub: each figure locked and live side by side, with the difference; null when not locked. */
  sideBySide: FigureSideBySide[] | null;
  deadlines: { draft: DeadlineStatus; final: DeadlineStatus };
  release: { met: boolean; conditions: ReleaseCondition[] };
  planLines: number;
}

export interface HubDashboard {
  hub: {
    id: number;
    name: string;
    region: string | null;
    seniorPartner: string | null;
    seniorPartnerEmail: string | null;
    membershipsManager: string | null;
    hubManagers: { name: string; email: string | null; focus: string | null }[];
  };
  year: string;
  today: string;
  schools: HubDashboardSchool[];
  summary: {
    schools: number;
    pupils: number;
    commitment: Record<CommitmentStatus, number>;
    vulnerable: number;
    ofstedProfile: OfstedProfileBucket[];
    qaProfile: QaProfileHeading[];
  };
  upcomingReviews: UpcomingReview[];
  meetings: MeetingView[];
  /** The support requests of the hub's schools still open (open, brokered, in progress), oldest first. */
  supportRequests: SupportRequestRecord[];
  funding: HubFundingStatus;
  sources: {
    roll: SourceNote[];
    ofsted: SourceNote[];
    qa: SourceNote[];
    reviewers: SourceNote[];
    meetings: SourceNote[];
    funding: SourceNote[];
  };
}

export interface NetworkHubRow {
  hubId: number;
  name: string;
  region: string | null;
  hubManagers: string[];
  membershipsManager: string | null;
  schools: number;
  pupils: number;
  ofstedProfile: OfstedProfileBucket[];
  qaProfile: QaProfileHeading[];
  /** Schools with a review (estimates) in the year shown. */
  reviewedThisYear: number;
  commitment: Record<CommitmentStatus, number>;
  vulnerable: number;
  vulnerableSchools: string[];
  fundingPence: number;
  totalAvailablePence: number;
}

export interface NetworkDashboard {
  year: string;
  today: string;
  hubs: NetworkHubRow[];
  totals: { hubs: number; schools: number; pupils: number; vulnerable: number; behind: number; fundingPence: number };
  sources: SourceNote[];
}

export interface SchoolReviewView {
  reviewId: number;
  year: string;
  startDate: string;
  endDate: string;
  leadReviewer: string | null;
  estimates: { leadership: string | null; quality: string | null; disadvantaged: string | null };
  aoeTitle: string | null;
  aoeAccredited: boolean;
  reportReceivedOn: string | null;
  headings: { key: string | null; label: string; www: { id: number; text: string }[]; ebi: { id: number; text: string }[] }[];
  /** Reviewers from other schools on this school's own review. */
  team: { assignmentId: number; name: string; role: string | null; homeSchoolId: number; homeSchool: string; status: string; replaces: string | null; notTrained: boolean }[];
  source: string | null;
}

export interface ReviewerRecordRow {
  assignmentId: number;
  year: string;
  reviewerName: string;
  reviewerRole: string | null;
  hostSchoolId: number;
  hostSchool: string;
  reviewStart: string;
  status: string;
  /** The reviewer's earliest reviewer-training date, if any. */
  trainedOn: string | null;
  /** Not trained by the review's first day: shown, flagged, and not counted towards the commitment. */
  notTrained: boolean;
  /** For a dropped reviewer: who replaced them (and from which school), if anyone. */
  replacedBy: { name: string; homeSchool: string } | null;
  /** For a replacement: whom they replaced. */
  replaces: { name: string; homeSchool: string } | null;
}

export interface SchoolDashboard {
  school: {
    id: number;
    urn: string;
    name: string;
    phase: string | null;
    schoolType: string | null;
    localAuthority: string | null;
    trust: string | null;
    postcode: string | null;
    headteacher: string | null;
    headteacherSince: string | null;
    email: string | null;
    phone: string | null;
    contacts: { role: string; name: string; email: string | null; phone: string | null }[];
  };
  year: string;
  today: string;
  /** This year's hub row (the same figures the hub dashboard shows), when the school is a member this year. */
  current: (HubDashboardSchool & { hubId: number; hub: string }) | null;
  memberships: { year: string; hubId: number; hub: string; pupils: number; status: string; feePaidOn: string | null }[];
  ofsted: DashboardInspection[];
  reviews: SchoolReviewView[];
  reviewerRecord: ReviewerRecordRow[];
  trainings: { personName: string; role: string | null; trainedOn: string }[];
  sources: { ofsted: SourceNote[]; qa: SourceNote[]; roll: SourceNote[] };
}

export const QA_TEXT_KINDS = ['www', 'ebi', 'aoe'] as const;
export type QaTextKind = (typeof QA_TEXT_KINDS)[number];

export interface QaTextHit {
  /** qa_review_points.id for a WWW/EBI; null for an Area of Excellence. */
  pointId: number | null;
  reviewId: number;
  kind: QaTextKind;
  heading: string | null;
  text: string;
  aoeAccredited: boolean;
  schoolId: number;
  school: string;
  urn: string;
  phase: string | null;
  hubId: number | null;
  hub: string | null;
  /** The region of the school's hub that year. */
  region: string | null;
  year: string;
  reviewStart: string;
}

export interface QaTextSearchResult {
  /** The words searched for, as the search read them ([] when only filters were used). */
  terms: string[];
  hits: QaTextHit[];
  /** Every hit the search and filters find (hits holds the first `limit` of them). */
  total: number;
  /** True when more hits exist than were returned. */
  truncated: boolean;
}

export interface SupportSuggestionView {
  schoolId: number;
  school: string;
  urn: string;
  hubId: number | null;
  hub: string | null;
  region: string | null;
  phase: string | null;
  /** Where it is from the EBI's school: its hub, another hub in the same region, or elsewhere (the order suggestions come in). */
  nearness: Nearness;
  accreditedAoe: { text: string; reviewStart: string } | null;
  matches: { kind: 'aoe' | 'www'; text: string; accredited: boolean; reviewStart: string }[];
}

export interface SupportSuggestions {
  ebi: QaTextHit;
  terms: string[];
  suggestions: SupportSuggestionView[];
}

const headingKey = z.enum(QA_HEADINGS.map((h) => h.key) as [string, ...string[]]);
const phase = z.enum(PHASES);

export const dashboardMethods = {
  networkDashboard: query<NetworkDashboard>(access.everyone)(
    'Every hub for a year: Ofsted and QA profiles, reviewer commitments, vulnerable schools and funding',
    z.strictObject({ year: yearLabel.optional() }),
  ),
  hubDashboard: query<HubDashboard>(access.everyone)(
    "One hub's dashboard for a year (by id, or by name for the CLI)",
    z
      .strictObject({ hubId: id.optional(), hubName: shortText.min(1).optional(), year: yearLabel.optional() })
      .refine((r) => (r.hubId === undefined) !== (r.hubName === undefined), { message: 'give either hubId or hubName' }),
  ),
  schoolDashboard: query<SchoolDashboard>(access.everyone)(
    "One school's Ofsted history, QA reviews, reviewer record, training and memberships",
    z.strictObject({ schoolId: id, year: yearLabel.optional() }),
  ),
  searchQaText: query<QaTextSearchResult>(access.everyone)(
    'Full-text search over WWWs, EBIs and Areas of Excellence, with filters',
    z.strictObject({
      text: z.string().max(500),
      hubId: id.optional(),
      phase: phase.optional(),
      heading: headingKey.optional(),
      kind: z.enum(QA_TEXT_KINDS).optional(),
      year: yearLabel.optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
  ),
  suggestSupport: query<SupportSuggestions>(access.everyone)(
    'Schools whose accredited Area of Excellence or WWWs match an EBI',
    z.strictObject({ pointId: id, limit: z.number().int().min(1).max(50).optional() }),
  ),
};
