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
    // hubdesk keeps a dashboard until the store changes (db/store-cache.ts): the runs above read it;
    // these compute it every time, as the first view after any change does.
    const hubComputed = await measure('dashboard.hub.computed', 'hub dashboard, largest hub, computed (first view after a change)', Math.max(config.runs, 60), () => {
      ctx.store.bumpGeneration();
      return hubDashboard(ctx, { hubId: largest.hub_id, year: YEAR }).then(() => undefined);
    }, { warmup: 3, p95: true, detail: { hubId: largest.hub_id, schools: Number(largest.schools) } });
    const network = await measure('dashboard.network', 'network dashboard (what the Network page asks for)', config.runs, () => networkDashboard(ctx, { year: YEAR }).then(() => undefined), { warmup: 1 });
    const networkComputed = await measure('dashboard.network.computed', 'network dashboard, computed (first view after a change)', config.runs, () => {
      ctx.store.bumpGeneration();
      return networkDashboard(ctx, { year: YEAR }).then(() => undefined);
    }, { warmup: 1, p95: true });
    const distinct = await withDistinctHeadteachers(config, largest.hub_id);
    network.detail = { ...network.detail, distinctHeadteachers: distinct.network };
    return [hub, hubComputed, network, networkComputed, distinct.hub];
  } finally {
    await close();
  }
}

/**
 * The generated names repeat (400 first × last combinations); in the real national roll nearly every
 * headteacher's name is distinct. The network dashboard used to bind one SQL parameter per school and
 * per distinct headteacher name, and SQLite refuses more than 32,766: this checks it on a copy where
 * every name is distinct, and says whether the Network page loads. On the same copy it measures the
 * hub dashboard computed: with repeated names a hub's headteachers match thousands of other people's
 * training records by name (8,000 for the largest hub), which real names do not.
 */
async function withDistinctHeadteachers(config: BenchConfig, hubId: number): Promise<{ network: string; hub: Measurement }> {
  const copy = await openCopy(config.baseStore, config.workDir, 'dashboard-distinct-names');
  try {
    const schools = await copy.ctx.db.selectFrom('schools').select(['id', 'headteacher']).execute();
    await copy.ctx.db.transaction().execute(async (trx) => {
      for (const s of schools) await trx.updateTable('schools').set({ headteacher: `${s.headteacher ?? 'Head'} ${s.id}` }).where('id', '=', s.id).execute();
    });
    const start = process.hrtime.bigint();
    let network: string;
    try {
      await networkDashboard(copy.ctx, { year: YEAR });
      network = `loads (${Math.round(Number(process.hrtime.bigint() - start) / 1e6)} ms) with ${schools.length} distinct names`;
    } catch (error) {
      network = `FAILS with ${schools.length} distinct names: ${(error as Error).message}`;
    }
    const hub = await measure('dashboard.hub.distinct', 'hub dashboard, largest hub, computed, every headteacher\'s name distinct', Math.max(config.runs, 60), () => {
      copy.ctx.store.bumpGeneration();
      return hubDashboard(copy.ctx, { hubId, year: YEAR }).then(() => undefined);
    }, { warmup: 3, p95: true });
    return { network, hub };
  } finally {
    await copy.close();
  }
}
