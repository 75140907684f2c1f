import type { fundingMethods } from '@shared/contract/funding';
import type { HandlersFor } from '../handler-types';
import { fundingOverview, fundingReport } from './overview';
import { hubFundingDetail } from './detail';
import { fundingChanges } from './changes';
import { approveFundingDifference, lockFunding, unlockFunding } from './locks';
import { setCarryForward } from './carry-forward';
import { addPlanLine, deletePlanLine, setPlanSubmission, updatePlanLine } from './plan';
import { commitPlanImport, previewPlanImport } from './plan-import';
import { createClaim, deleteClaim, listClaims, reverseClaimPayment, updateClaim } from './claims';
import { withDetail } from './with-detail';

/** Funding: figures, locks, carry forward, action plans (by hand or imported) and claims. */
export const fundingHandlers: HandlersFor<typeof fundingMethods> = {
  listFunding: (ctx, { year }) => fundingOverview(ctx, year),
  getHubFunding: (ctx, { hubId, year }) => hubFundingDetail(ctx, hubId, year),
  fundingReport: (ctx, { year, hub }) => fundingReport(ctx, year, hub),
  fundingChanges: (ctx, { year }) => fundingChanges(ctx, year),
  lockFunding: (ctx, { year, hubId }) => lockFunding(ctx, year, hubId),
  unlockFunding: (ctx, request) => withDetail(ctx, request, unlockFunding(ctx, request)),
  approveFundingDifference: (ctx, request) => withDetail(ctx, request, approveFundingDifference(ctx, request.hubId, request.year)),
  setCarryForward: (ctx, request) => withDetail(ctx, request, setCarryForward(ctx, request)),
  addPlanLine,
  updatePlanLine,
  deletePlanLine: (ctx, { lineId }) => deletePlanLine(ctx, lineId),
  setPlanSubmission,
  previewPlanImport,
  commitPlanImport,
  listClaims: (ctx, { hubId, year }) => listClaims(ctx, hubId, year),
  createClaim,
  updateClaim,
  deleteClaim,
  reverseClaimPayment,
};
