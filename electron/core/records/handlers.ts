import type { recordsMethods } from '@shared/contract/records';
import type { HandlersFor } from '../handler-types';
import { addMembership, membershipForm, previewMembershipChange, schoolChoices, updateMembership } from './memberships';
import { addTraining, bookReviewer, replaceReviewer, reviewTeam, setReviewerStatus } from './reviewers';
import { schoolRecord, updateSchool } from './schools';
import { addMeeting, meetingRecord, recordAttendance, updateMeeting } from './meetings';
import { createHub, hubRecord, updateHub } from './hubs';
import { reviewRecord, scheduleReview, updateReview } from './reviews';
import { addSupportRequest, schoolSupportRequests, updateSupportRequest } from './support';
import { lastChange, undoLastChange } from '../changes/undo-change';

/** The records kept by hand: each form's record, and each change (one audited change set, undoable). */
export const recordsHandlers: HandlersFor<typeof recordsMethods> = {
  membershipForm,
  previewMembershipChange,
  addMembership,
  updateMembership,
  schoolChoices: (ctx, { year }) => schoolChoices(ctx, year),
  reviewTeam,
  bookReviewer,
  setReviewerStatus,
  replaceReviewer,
  addTraining,
  schoolRecord: (ctx, { schoolId }) => schoolRecord(ctx, schoolId),
  updateSchool,
  meetingRecord: (ctx, { meetingId }) => meetingRecord(ctx.db, meetingId),
  addMeeting,
  updateMeeting,
  recordAttendance,
  hubRecord: (ctx, { hubId }) => hubRecord(ctx.db, hubId),
  createHub,
  updateHub,
  reviewRecord: (ctx, { reviewId }) => reviewRecord(ctx.db, reviewId),
  scheduleReview,
  updateReview,
  schoolSupportRequests: (ctx, { schoolId }) => schoolSupportRequests(ctx, schoolId),
  addSupportRequest,
  updateSupportRequest,
  lastRecordsChange: (ctx) => lastChange(ctx),
  undoLastChange: (ctx, { auditId }) => undoLastChange(ctx, auditId),
};
