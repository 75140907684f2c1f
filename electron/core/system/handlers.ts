import type { systemMethods } from '@shared/contract/system';
import type { HandlersFor } from '../handler-types';
import { storeStatus } from './status';
import { loadDemoNetwork } from '../demo/load';

/** The store's status and loading the demo network into an empty store. */
export const systemHandlers: HandlersFor<typeof systemMethods> = {
  getStatus: (ctx) => storeStatus(ctx),
  loadDemo: (ctx) => loadDemoNetwork(ctx),
};
