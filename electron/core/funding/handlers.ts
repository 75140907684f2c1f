import type { fundingMethods } from '@shared/contract/funding';
import type { HandlersFor } from './types';
import { fundingOverview, fundingReport } from '../funding/overview';
import { hubFundingDetail } from '../funding/detail';
import { fundingChanges } from '../funding/changes';
import { approveFundingDifference, lockFunding } from '../funding/locks';
import { setCarryForward } from '../funding/carry-forward';
import { addPlanLine, deletePlanLine, setPlanSubmission, updatePlanLine } from '../funding/plan';
import { commitPlanImport, previewPlanImport } from '../funding/plan-import';
import { createClaim, updateClaim } from '../funding/claims';

export const fundingHandlers: HandlersFor<typeof fundingMethods> = {
  listFunding: (ctx, { year }) => fundingOverview(ctx, year),
  getHubFunding: (ctx, { hubId, year }) => hubFundingDetail(ctx, hubId, year),
  fundingReport: (ctx, { year, hub }) => fundingReport(ctx, year, hub),
  fundingChanges: (ctx, { year }) => fundingChanges(ctx, year),
  lockFunding: (ctx, { year, hubId }) => lockFunding(ctx, year, hubId),
  async approveFundingDifference(ctx, { hubId, year }) {
    await approveFundingDifference(ctx, hubId, year);
    return hubFundingDetail(ctx, hubId, year);
  },
  async setCarryForward(ctx, request) {
    await setCarryForward(ctx, request);
    return hubFundingDetail(ctx, request.hubId, request.year);
  },
  addPlanLine: (ctx, request) => addPlanLine(ctx, request),
  updatePlanLine: (ctx, request) => updatePlanLine(ctx, request),
  deletePlanLine: (ctx, { lineId }) => deletePlanLine(ctx, lineId),
  setPlanSubmission: (ctx, request) => setPlanSubmission(ctx, request),
  previewPlanImport: (ctx, request) => previewPlanImport(ctx, request),
  commitPlanImport: (ctx, request) => commitPlanImport(ctx, request),
  createClaim: (ctx, request) => createClaim(ctx, request),
  updateClaim: (ctx, request) => updateClaim(ctx, request),
};
