/**
 * Funding for every hub: the whole `fundingOverview` (what the Funding page asks for), the loading
 * of one year's data alone, and the pure `hubFunding` rule over every hub alone, on the network and
 * on the same kind of network at a quarter of the size (growth).
 */
import { hubFunding } from '@shared/domain/funding';
import { fundingOverview } from '../../../electron/core/funding/overview';
import { loadYearData } from '../../../electron/core/funding/load';
import { requireYear } from '../../../electron/core/db/years';
import type { BenchConfig } from '../config';
import { measure, type Measurement } from '../measure';
import { openBench } from './open';

const YEAR = '2026/27';

async function fundingOn(dataDir: string, suffix: string, label: string, runs: number): Promise<Measurement[]> {
  const { ctx, close } = await openBench(dataDir);
  try {
    const year = await requireYear(ctx.db, YEAR);
    const coldStart = process.hrtime.bigint();
    const first = await fundingOverview(ctx, YEAR);
    const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
    const overview = await measure(`funding.overview${suffix}`, `funding overview, every hub (${label})`, runs, () => fundingOverview(ctx, YEAR).then(() => undefined), {
      warmup: 2,
      detail: { hubs: first.totals.hubs, schools: first.totals.schools, firstCallMs: Math.round(coldMs * 100) / 100 },
    });
    // Funding is kept until the store changes (funding/cache.ts): the runs above read it; these compute it.
    const computed = await measure(`funding.overview.computed${suffix}`, `funding overview, every hub, computed (first call after a change) (${label})`, runs, () => {
      ctx.store.bumpGeneration();
      return fundingOverview(ctx, YEAR).then(() => undefined);
    }, { warmup: 2 });
    const load = await measure(`funding.load${suffix}`, `funding: load one year's data (${label})`, runs, () => loadYearData(ctx.db, year.id).then(() => undefined), { warmup: 2 });
    const data = await loadYearData(ctx.db, year.id);
    const inputs = [...data.memberships.values()].map((list) => list.map((m) => ({ urn: m.urn, pupils: m.pupils })));
    const pure = await measure(`funding.rules${suffix}`, `funding: pure hubFunding over every hub (${label})`, Math.max(runs, 21), () => {
      for (const schools of inputs) hubFunding(schools);
    }, { warmup: 3, detail: { hubs: inputs.length, schools: inputs.reduce((n, l) => n + l.length, 0) } });
    return [overview, computed, load, pure];
  } finally {
    await close();
  }
}

export async function fundingSteps(config: BenchConfig): Promise<Measurement[]> {
  const full = await fundingOn(config.baseStore, '', `N=${config.n}, H=${config.h}`, Math.max(config.runs, 11));
  const quarter = await fundingOn(config.quarterStore, '.quarter', `N=${Math.round(config.n / 4)}, H=${Math.round(config.h / 4)}`, Math.max(config.runs, 11));
  return [...full, ...quarter];
}
