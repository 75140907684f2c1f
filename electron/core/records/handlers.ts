import type { recordsMethods } from '@shared/contract/records';
import type { HandlersFor } from '../handler-types';
import { addMembership, membershipForm, previewMembershipChange, schoolChoices, updateMembership } from './memberships';
import { addTraining, bookReviewer, replaceReviewer, reviewTeam, schoolTrainings, setReviewerStatus } from './reviewers';
import { schoolRecord, updateSchool } from './schools';
import { addMeeting, meetingRecord, recordAttendance, updateMeeting } from './meetings';
import { createHub, hubRecord, updateHub } from './hubs';
import { reviewRecord, scheduleReview, updateReview } from './reviews';
import { addSupportRequest, schoolSupportRequests, updateSupportRequest } from './support';
import { lastChange, undoLastChange } from '../changes/undo-change';

export const recordsHandlers: HandlersFor<typeof recordsMethods> = {
  membershipForm: (ctx, req) => membershipForm(ctx, req),
  previewMembershipChange: (ctx, req) => previewMembershipChange(ctx, { kind: req.kind, ...req.change } as Parameters<typeof previewMembershipChange>[1]),
  addMembership: (ctx, req) => addMembership(ctx, req),
  updateMembership: (ctx, req) => updateMembership(ctx, req),
  reviewTeam: (ctx, req) => reviewTeam(ctx, req),
  bookReviewer: (ctx, req) => bookReviewer(ctx, req),
  setReviewerStatus: (ctx, req) => setReviewerStatus(ctx, req),
  replaceReviewer: (ctx, req) => replaceReviewer(ctx, req),
  schoolTrainings: (ctx, req) => schoolTrainings(ctx, req.schoolId),
  addTraining: (ctx, req) => addTraining(ctx, req),
  schoolRecord: (ctx, req) => schoolRecord(ctx, req.schoolId),
  updateSchool: (ctx, req) => updateSchool(ctx, req),
  meetingRecord: (ctx, req) => meetingRecord(ctx.db, req.meetingId),
  updateMeeting: (ctx, req) => updateMeeting(ctx, req),
  recordAttendance: (ctx, req) => recordAttendance(ctx, req),
  lastRecordsChange: (ctx) => lastChange(ctx),
  undoLastChange: (ctx, req) => undoLastChange(ctx, req.auditId),
  schoolChoices: (ctx, req) => schoolChoices(ctx, req.year),
  addMeeting: (ctx, req) => addMeeting(ctx, req),
  hubRecord: (ctx, req) => hubRecord(ctx.db, req.hubId),
  createHub: (ctx, req) => createHub(ctx, req),
  updateHub: (ctx, req) => updateHub(ctx, req),
  reviewRecord: (ctx, req) => reviewRecord(ctx.db, req.reviewId),
  scheduleReview: (ctx, req) => scheduleReview(ctx, req),
  updateReview: (ctx, req) => updateReview(ctx, req),
  schoolSupportRequests: (ctx, req) => schoolSupportRequests(ctx, req.schoolId),
  addSupportRequest: (ctx, req) => addSupportRequest(ctx, req),
  updateSupportRequest: (ctx, req) => updateSupportRequest(ctx, req),
};
