import { z } from 'zod';
import { mutation, query } from './define';
import { id, yearLabel } from './schemas';
import { addMembershipSchema, updateMembershipSchema } from '../validation/memberships';
import {
  addTrainingSchema,
  bookReviewerSchema,
  replaceReviewerSchema,
  reviewerStatusSchema,
} from '../validation/reviewers';
import { updateSchoolSchema } from '../validation/schools';
import { addMeetingSchema, meetingAttendanceSchema, updateMeetingSchema } from '../validation/meetings';
import { createHubSchema, updateHubSchema } from '../validation/hubs';
import { scheduleReviewSchema, updateReviewSchema } from '../validation/reviews';
import { addSupportRequestSchema, updateSupportRequestSchema } from '../validation/support';

/* ------------------------------------------------------------------ shared shapes */

export interface FundingFigures {
  schools: number;
  formulaPence: number;
  minimumPence: number;
  fundingPence: number;
  applied: string;
  explanation: string[];
}

/** A membership change's effect on each hub it touches (before → after), from hubFunding. */
export interface FundingEffect {
  hubs: { hubId: number; hub: string; before: FundingFigures; after: FundingFigures; changePence: number }[];
}

/** What every records change returns: the record as stored now, its audit entry and a summary. */
export type RecordsChange<T> = { record: T; auditId: number; summary: string; effect?: FundingEffect };

export interface LastChangeView {
  auditId: number;
  action: string;
  summary: string;
  at: string;
  user: string;
}

/* ------------------------------------------------------------------ memberships */

export interface MembershipRecord {
  id: number;
  schoolId: number;
  school: string;
  hubId: number;
  hub: string;
  year: string;
  pupils: number;
  status: string;
  feeInvoicedOn: string | null;
  feePaidOn: string | null;
  updatedAt: string;
  version: string;
}

export interface MembershipForm {
  year: string;
  school: { id: number; name: string; urn: string };
  membership: MembershipRecord | null;
  hubs: { id: number; name: string }[];
}

/* ------------------------------------------------------------------ reviewers */

export interface AssignmentRecord {
  id: number;
  reviewId: number;
  homeSchoolId: number;
  homeSchool: string;
  reviewerName: string;
  reviewerRole: string | null;
  status: string;
  replacesAssignmentId: number | null;
  replacedByAssignmentId: number | null;
  version: string;
}

export interface ReplacementSchool {
  schoolId: number;
  name: string;
  shortfall: number;
  sameSchool: boolean;
  commitment: number;
}

export interface ReviewTeamForm {
  review: { id: number; schoolId: number; school: string; hubId: number | null; hub: string | null; startDate: string; endDate: string; teamSize: number };
  assignments: AssignmentRecord[];
  /** Schools of the host's hub that may send a reviewer (not the host), shortfall first. */
  candidates: ReplacementSchool[];
}

export interface TrainingRecord {
  id: number;
  schoolId: number;
  personName: string;
  role: string | null;
  trainedOn: string;
}

/* ------------------------------------------------------------------ schools */

export interface SchoolRecord {
  id: number;
  urn: string;
  name: string;
  phase: string | null;
  localAuthority: string | null;
  trust: string | null;
  headteacher: string | null;
  headteacherSince: string | null;
  email: string | null;
  phone: string | null;
  postcode: string | null;
  version: string;
}

/* ------------------------------------------------------------------ meetings */

export interface MeetingRecord {
  id: number;
  hubId: number;
  hub: string;
  year: string;
  date: string;
  term: string;
  format: string | null;
  submittedOn: string | null;
  notes: string | null;
  version: string;
  /** Every school of the hub that year, with its attendance if recorded. */
  attendance: { schoolId: number; school: string; attended: boolean | null; representative: string | null }[];
  /** Version of the meeting's attendance as a whole (all its rows). */
  attendanceVersion: string;
}

const membershipChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('add'), change: addMembershipSchema }),
  z.strictObject({ kind: z.literal('update'), change: updateMembershipSchema }),
]);

export const recordsMethods = {
  membershipForm: query<MembershipForm>()('A school\'s membership in a year, for the membership form', z.strictObject({ schoolId: id, year: yearLabel })),
  previewMembershipChange: query<FundingEffect>()('The funding effect of a membership change on each hub it touches; writes nothing', membershipChange),
  addMembership: mutation<RecordsChange<MembershipRecord>>()('Add a school to a hub for a year', addMembershipSchema),
  updateMembership: mutation<RecordsChange<MembershipRecord>>()('Move a membership, change its pupils or status, record fee dates', updateMembershipSchema),

  reviewTeam: query<ReviewTeamForm>()('A review\'s reviewer assignments and the schools to ask for a replacement', z.strictObject({ reviewId: id })),
  bookReviewer: mutation<RecordsChange<AssignmentRecord>>()('Book a reviewer onto a review', bookReviewerSchema),
  setReviewerStatus: mutation<RecordsChange<AssignmentRecord>>()('Record a reviewer as attended, dropped out or booked', reviewerStatusSchema),
  replaceReviewer: mutation<RecordsChange<AssignmentRecord>>()('Replace a reviewer who dropped out', replaceReviewerSchema),
  addTraining: mutation<RecordsChange<TrainingRecord>>()('Record that a person attended reviewer training', addTrainingSchema),

  schoolRecord: query<SchoolRecord>()('A school\'s details, for the school form', z.strictObject({ schoolId: id })),
  updateSchool: mutation<RecordsChange<SchoolRecord>>()('Change a school\'s details', updateSchoolSchema),

  meetingRecord: query<MeetingRecord>()('A hub meeting with the attendance of each school', z.strictObject({ meetingId: id })),
  updateMeeting: mutation<RecordsChange<MeetingRecord>>()('Change a meeting\'s date, format, notes or submitted date', updateMeetingSchema),
  recordAttendance: mutation<RecordsChange<MeetingRecord>>()('Record which schools attended a meeting', meetingAttendanceSchema),

  lastRecordsChange: query<LastChangeView | null>()('The most recent change made by hand that can be undone', z.strictObject({})),
  undoLastChange: mutation<{ undone: LastChangeView }>()('Undo the most recent change made by hand', z.strictObject({ auditId: id.optional() })),
  addMeeting: mutation<RecordsChange<MeetingRecord>>()('Add a meeting date to a hub\'s year', addMeetingSchema),
  hubRecord: query<HubRecord>()('A hub\'s name, people and region, for the hub form', z.strictObject({ hubId: id })),
  createHub: mutation<RecordsChange<HubRecord>>()('Create a hub', createHubSchema),
  updateHub: mutation<RecordsChange<HubRecord>>()('Rename a hub or change its people and region', updateHubSchema),
  reviewRecord: query<ReviewRecord>()('A QA review\'s dates and outcome, for the review form', z.strictObject({ reviewId: id })),
  scheduleReview: mutation<RecordsChange<ReviewRecord>>()('Schedule a school\'s QA Review for a year', scheduleReviewSchema),
  updateReview: mutation<RecordsChange<ReviewRecord>>()('Change a QA review\'s dates or record its outcome', updateReviewSchema),
  schoolSupportRequests: query<SupportRequestRecord[]>()('A school\'s support requests, newest first', z.strictObject({ schoolId: id })),
  addSupportRequest: mutation<RecordsChange<SupportRequestRecord>>()('Log a school\'s request for support', addSupportRequestSchema),
  updateSupportRequest: mutation<RecordsChange<SupportRequestRecord>>()('Broker a support request or change its status', updateSupportRequestSchema),
  schoolChoices: query<SchoolChoice[]>()('Every school with its hub in a year (null when not a member), for choosing one', z.strictObject({ year: yearLabel })),
};

export interface SchoolChoice {
  id: number;
  name: string;
  urn: string;
  /** The hub the school is in that year, or null when it is not a member that year. */
  hub: string | null;
  /** Its pupils in the latest year it was a member, to prefill the form. */
  lastPupils: number | null;
}


export interface HubRecord {
  id: number;
  name: string;
  region: string | null;
  seniorPartner: string | null;
  seniorPartnerEmail: string | null;
  membershipsManagerId: number | null;
  hubManagers: { id: number; name: string; email: string | null; phone: string | null; focus: string | null }[];
  /** The central team, to choose the Memberships Manager from. */
  staff: { id: number; name: string; role: string }[];
  version: string;
}

export interface ReviewRecord {
  id: number;
  schoolId: number;
  school: string;
  year: string;
  startDate: string;
  endDate: string;
  leadReviewer: string | null;
  estimates: { leadership: string | null; quality: string | null; disadvantaged: string | null };
  www: { heading: string | null; text: string }[];
  ebi: { heading: string | null; text: string }[];
  aoeTitle: string | null;
  aoeAccredited: boolean;
  reportReceivedOn: string | null;
  version: string;
}

export interface SupportRequestRecord {
  id: number;
  schoolId: number;
  school: string;
  requestedOn: string;
  area: string;
  ebiPointId: number | null;
  ebiText: string | null;
  brokeredToSchoolId: number | null;
  brokeredToSchool: string | null;
  brokeredTo: string | null;
  status: string;
  notes: string | null;
  version: string;
}
