import type { CoreContext } from '../context';
import { networkDashboard } from './network';

/**
 * Starts computing the figures of the page the app opens on (the Network page, current year) as soon
 * as the store is open, while the window loads its code: the first page then waits for less, or for
 * nothing. They are kept like any other (db/store-cache.ts). Nothing is written; a store without
 * membership years has nothing to compute.
 */
export function warmFirstPage(ctx: CoreContext): void {
  void networkDashboard(ctx, {}).catch(() => undefined);
}
