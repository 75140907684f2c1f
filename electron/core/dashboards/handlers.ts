import type { dashboardMethods } from '@shared/contract/dashboards';
import type { HandlersFor } from '../handler-types';
import { networkDashboard } from './network';
import { hubDashboard } from './hub';
import { schoolDashboard } from './school';
import { searchQaText, suggestSupport } from './explorer';

export const dashboardHandlers: HandlersFor<typeof dashboardMethods> = {
  networkDashboard: (ctx, request) => networkDashboard(ctx, request),
  hubDashboard: (ctx, request) => hubDashboard(ctx, request),
  schoolDashboard: (ctx, request) => schoolDashboard(ctx, request),
  searchQaText: (ctx, request) => searchQaText(ctx, request),
  suggestSupport: (ctx, request) => suggestSupport(ctx, request),
};
