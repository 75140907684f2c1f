import type { dashboardMethods } from '@shared/contract/dashboards';
import type { HandlersFor } from '../handler-types';
import { networkDashboard } from './network';
import { hubDashboard } from './hub';
import { schoolDashboard } from './school';
import { searchQaText, suggestSupport } from './explorer';

/** The dashboards (network, hub, school) and the WWW/EBI explorer. */
export const dashboardHandlers: HandlersFor<typeof dashboardMethods> = {
  networkDashboard,
  hubDashboard,
  schoolDashboard,
  searchQaText,
  suggestSupport,
};
