/** The hub dashboard of the largest hub, p50 and p95 over many runs; and the network dashboard. */
import { hubDashboard } from '../../../electron/core/dashboards/hub';
import { networkDashboard } from '../../../electron/core/dashboards/network';
import { requireYear } from '../../../electron/core/db/years';
import type { BenchConfig } from '../config';
import { measure, type Measurement } from '../measure';
import { openBench, openCopy } from './open';

const YEAR = '2026/27';

export async function dashboardSteps(config: BenchConfig): Promise<Measurement[]> {
  const { ctx, close } = await openBench(config.baseStore);
  try {
    const year = await requireYear(ctx.db, YEAR);
    const largest = await ctx.db
      .selectFrom('memberships')
      .where('year_id', '=', year.id)
      .select(['hub_id', (eb) => eb.fn.countAll<number>().as('schools')])
      .groupBy('hub_id')
      .orderBy('schools', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const hub = await measure('dashboard.hub', 'hub dashboard, largest hub', Math.max(config.runs, 60), () => hubDashboard(ctx, { hubId: largest.hub_id, year: YEAR }).then(() => undefined), {
      warmup: 3,
      p95: true,
      detail: { hubId: largest.hub_id, schools: Number(largest.schools) },
    });
    const network = await measure('dashboard.network', 'network dashboard (what the Network page asks for)', config.runs, () => networkDashboard(ctx, { year: YEAR }).then(() => undefined), { warmup: 1 });
    return [hub, network, await withPlannerStatistics(config, largest.hub_id)];
  } finally {
    await close();
  }
}

/**
 * The same hub dashboard on a copy of the store after `PRAGMA optimize` has gathered the query
 * planner's statistics (sqlite_stat1), which hubdesk does not do today: without them SQLite reads
 * every review of the year to find one hub's outgoing reviewers. Measures the effect of that fix.
 */
async function withPlannerStatistics(config: BenchConfig, hubId: number): Promise<Measurement> {
  const copy = await openCopy(config.baseStore, config.workDir, 'dashboard-optimized');
  try {
    copy.ctx.store.sqlite.pragma('optimize=0x10002');
    return await measure('dashboard.hub.optimized', 'hub dashboard, largest hub, after PRAGMA optimize (not in hubdesk yet)', Math.max(config.runs, 60), () =>
      hubDashboard(copy.ctx, { hubId, year: YEAR }).then(() => undefined), { warmup: 3, p95: true });
  } finally {
    await copy.close();
  }
}
