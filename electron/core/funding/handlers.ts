import type { fundingMethods } from '@shared/contract/funding';
import type { HandlersFor } from '../handler-types';
import { fundingOverview, fundingReport } from './overview';
import { hubFundingDetail } from './detail';
import { fundingChanges } from './changes';
import { approveFundingDifference, lockFunding } from './locks';
import { setCarryForward } from './carry-forward';
import { addPlanLine, deletePlanLine, setPlanSubmission, updatePlanLine } from './plan';
import { commitPlanImport, previewPlanImport } from './plan-import';
import { createClaim, updateClaim } from './claims';

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
  addPlanLine,
  updatePlanLine,
  deletePlanLine: (ctx, { lineId }) => deletePlanLine(ctx, lineId),
  setPlanSubmission,
  previewPlanImport,
  commitPlanImport,
  createClaim,
  updateClaim,
};
