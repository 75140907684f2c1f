import type { fundingMethods } from '@shared/contract/funding';
import type { HandlersFor } from './types';
import { fundingOverview, fundingReport } from '../funding/overview';
import { hubFundingDetail } from '../funding/detail';
import { fundingChanges } from '../funding/changes';
import { approveFundingDifference, lockFunding, unlockFunding } from '../funding/locks';
import { setCarryForward } from '../funding/carry-forward';
import { addPlanLine, deletePlanLine, setPlanSubmission, updatePlanLine } from '../funding/plan';
import { commitPlanImport, previewPlanImport } from '../funding/plan-import';
import { createClaim, deleteClaim, listClaims, reverseClaimPayment, updateClaim } from '../funding/claims';
import { withDetail } from '../funding/with-detail';

export const fundingHandlers: HandlersFor<typeof fundingMethods> = {
  listFunding: (ctx, { year }) => fundingOverview(ctx, year),
  getHubFunding: (ctx, { hubId, year }) => hubFundingDetail(ctx, hubId, year),
  fundingReport: (ctx, { year, hub }) => fundingReport(ctx, year, hub),
  fundingChanges: (ctx, { year }) => fundingChanges(ctx, year),
  lockFunding: (ctx, { year, hubId }) => lockFunding(ctx, year, hubId),
  unlockFunding: (ctx, request) => withDetail(ctx, request, unlockFunding(ctx, request)),
  approveFundingDifference: (ctx, request) => withDetail(ctx, request, approveFundingDifference(ctx, request.hubId, request.year)),
  setCarryForward: (ctx, request) => withDetail(ctx, request, setCarryForward(ctx, request)),
  addPlanLine: (ctx, request) => addPlanLine(ctx, request),
  updatePlanLine: (ctx, request) => updatePlanLine(ctx, request),
  deletePlanLine: (ctx, { lineId }) => deletePlanLine(ctx, lineId),
  setPlanSubmission: (ctx, request) => setPlanSubmission(ctx, request),
  previewPlanImport: (ctx, request) => previewPlanImport(ctx, request),
  commitPlanImport: (ctx, request) => commitPlanImport(ctx, request),
  listClaims: (ctx, { hubId, year }) => listClaims(ctx, hubId, year),
  createClaim: (ctx, request) => createClaim(ctx, request),
  updateClaim: (ctx, request) => updateClaim(ctx, request),
  deleteClaim: (ctx, request) => deleteClaim(ctx, request),
  reverseClaimPayment: (ctx, request) => reverseClaimPayment(ctx, request),
};
