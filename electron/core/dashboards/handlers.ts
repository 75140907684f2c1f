import type { dashboardMethods } from '@shared/contract/dashboards';
import type { HandlersFor } from './types';
import { networkDashboard } from '../dashboards/network';
import { hubDashboard } from '../dashboards/hub';
import { schoolDashboard } from '../dashboards/school';
import { searchQaText, suggestSupport } from '../dashboards/explorer';

export const dashboardHandlers: HandlersFor<typeof dashboardMethods> = {
  networkDashboard: (ctx, request) => networkDashboard(ctx, request),
  hubDashboard: (ctx, request) => hubDashboard(ctx, request),
  schoolDashboard: (ctx, request) => schoolDashboard(ctx, request),
  searchQaText: (ctx, request) => searchQaText(ctx, request),
  suggestSupport: (ctx, request) => suggestSupport(ctx, request),
};
