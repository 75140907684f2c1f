import type { YearView } from '@shared/contract';
import type { CoreContext } from '../context';
import { cached } from '../db/store-cache';
import { FundingEngine, computeHub, type HubYear, type YearFunding } from './engine';

/**
 * Funding figures kept in memory until the store changes (db/store-cache.ts): the first call after a
 * change computes, the next ones read. Only for reading outside a transaction: code that writes
 * computes its own figures inside its transaction (new FundingEngine(trx)).
 */
function networkEngine(ctx: CoreContext): Promise<FundingEngine> {
  return cached(ctx, 'funding:network', async () => new FundingEngine(ctx.db));
}

/** Every hub's figures for a year. */
export async function fundingYear(ctx: CoreContext, year: YearView): Promise<YearFunding> {
  return (await networkEngine(ctx)).year(year);
}

export interface HubFundingYear {
  /** The year's data and figures: the whole network's when they were already computed, else this hub's only. */
  year: YearFunding;
  hub: HubYear;
}

/**
 * One hub's figures for a year: read from the network's figures when they are already in memory,
 * else computed from the hub's own rows (a few indexed lookups, whatever the size of the network).
 * Both give the same figures (tests/integration/funding-cache.test.ts).
 */
export async function hubFundingYear(ctx: CoreContext, hubId: number, year: YearView): Promise<HubFundingYear> {
  const network = (await networkEngine(ctx)).ready(year);
  const engine = network ? null : await cached(ctx, `funding:hub:${hubId}`, async () => new FundingEngine(ctx.db, { hubId }));
  const computed = network ?? (await engine!.year(year));
  const hub = computed.hubs.get(hubId);
  if (hub) return { year: computed, hub };
  const previous = computed.previousYear ? await (engine ?? (await networkEngine(ctx))).year(computed.previousYear) : null;
  return { year: computed, hub: computeHub(hubId, computed.data, previous) };
}
