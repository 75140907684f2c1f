/**
 * What the hub dashboard and the funding overview spend their time on: each part they are made of,
 * called on its own through the same exported functions (medians of `runs`). Not a goal; it explains
 * the goals' figures in BENCHMARKS.md.
 */
import { loadYearRows, loadAssignmentsOf } from '../../../electron/core/dashboards/load';
import { indexRows, schoolRow } from '../../../electron/core/dashboards/shape';
import { hubFundingStatus } from '../../../electron/core/dashboards/funding';
import { FundingEngine, computeHub } from '../../../electron/core/funding/engine';
import { loadYearData } from '../../../electron/core/funding/load';
import { requireYear } from '../../../electron/core/db/years';
import type { BenchConfig } from '../config';
import { measure, type Measurement } from '../measure';
import { fullCheck, quickCheck } from '../../../electron/core/db/sqlite-file/health';
import { openBench } from './open';

const YEAR = '2026/27';

export async function phaseSteps(config: BenchConfig): Promise<Measurement[]> {
  const { ctx, sqlite, close } = await openBench(config.baseStore);
  const runs = Math.max(config.runs, 21);
  try {
    const year = await requireYear(ctx.db, YEAR);
    const previous = await requireYear(ctx.db, '2025/26');
    const largest = await ctx.db
      .selectFrom('memberships')
      .where('year_id', '=', year.id)
      .select(['hub_id', (eb) => eb.fn.countAll<number>().as('schools')])
      .groupBy('hub_id')
      .orderBy('schools', 'desc')
      .executeTakeFirstOrThrow();
    const hubId = largest.hub_id;
    const out: Measurement[] = [];
    out.push(await measure('phase.hub.rows', 'hub dashboard part: loadYearRows (one hub)', runs, () => loadYearRows(ctx.db, year.id, { hubId }).then(() => undefined), { warmup: 2 }));
    const rows = await loadYearRows(ctx.db, year.id, { hubId });
    out.push(await measure('phase.hub.shape', 'hub dashboard part: schoolRow for each school', runs, () => {
      const idx = indexRows(rows);
      for (const m of rows.members) schoolRow(m, rows, idx, { yearId: year.id, yearStart: year.startDate, today: ctx.today(), meetings: { attended: 0, recorded: 0 } });
    }, { warmup: 2 }));
    out.push(await measure('phase.hub.incoming', 'hub dashboard part: incoming reviewer assignments', runs, () =>
      loadAssignmentsOf(ctx.db, { reviewIds: rows.reviews.filter((r) => r.yearId === year.id).map((r) => r.id) }).then(() => undefined), { warmup: 2 }));
    out.push(await measure('phase.hub.funding', 'hub dashboard part: hubFundingStatus (one hub, computed from its own rows)', runs, () => {
      ctx.store.bumpGeneration();
      return hubFundingStatus(ctx, hubId, YEAR).then(() => undefined);
    }, { warmup: 2 }));
    out.push(await measure('phase.funding.load2', 'funding part: loadYearData, both years', runs, async () => {
      await loadYearData(ctx.db, previous.id);
      await loadYearData(ctx.db, year.id);
    }, { warmup: 2 }));
    const data = await loadYearData(ctx.db, year.id);
    const prevYear = await new FundingEngine(ctx.db).year(previous);
    out.push(await measure('phase.funding.compute', 'funding part: computeHub for every hub, one year', runs, () => {
      for (const id of data.memberships.keys()) computeHub(id, data, prevYear);
    }, { warmup: 2 }));
    // Store health: the quick check every open runs, and the full check every backup gets as it is written.
    out.push(await measure('phase.store.quick-check', 'store health: quick check, run as the store opens', 3, () => void quickCheck(sqlite), { warmup: 1 }));
    out.push(await measure('phase.store.full-check', 'store health: full integrity check, run on every backup as it is written', 3, () => void fullCheck(sqlite), { warmup: 1 }));
    return out;
  } finally {
    await close();
  }
}
