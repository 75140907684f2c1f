/**
 * The main reads on both engines: the same national-scale network in SQLite (the bench store) and in
 * PostgreSQL (a throwaway cluster on a Unix socket, loaded from the bench store as a snapshot), each
 * read computed afresh (the in-memory figures dropped before every run). Reports PostgreSQL ÷ SQLite.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { hubDashboard } from '../../../electron/core/dashboards/hub';
import { networkDashboard } from '../../../electron/core/dashboards/network';
import { fundingOverview } from '../../../electron/core/funding/overview';
import { searchQaText } from '../../../electron/core/dashboards/explorer';
import { createContext, type CoreContext } from '../../../electron/core/context';
import { migratePostgres, openPostgresStore } from '../../../electron/core/db/postgres/connection';
import { loadSnapshot } from '../../../electron/core/db/snapshot';
import { databaseFile } from '../../../electron/core/db/connection';
import { startPgCluster } from '../../helpers/pg-cluster';
import type { BenchConfig } from '../config';
import { measure, type Measurement } from '../measure';
import { BENCH_NOW, openBench } from './open';

const YEAR = '2026/27';

function reads(ctx: CoreContext, hubId: number): Record<string, () => Promise<unknown>> {
  return {
    funding: () => fundingOverview(ctx, YEAR),
    network: () => networkDashboard(ctx, { year: YEAR }),
    hub: () => hubDashboard(ctx, { hubId, year: YEAR }),
    explorer: () => searchQaText(ctx, { text: 'reading' }),
  };
}

export async function engineSteps(config: BenchConfig): Promise<Measurement[]> {
  const cluster = startPgCluster();
  const sqlite = await openBench(config.baseStore);
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    await migratePostgres(cluster.url('bench'));
    const store = await openPostgresStore({ url: cluster.url('bench'), dataDir: config.baseStore });
    try {
      await loadSnapshot(store, databaseFile(config.baseStore));
      await sql`analyze`.execute(store.db); // planner statistics, as SQLite's optimize gives it
      const onPg = createContext(store, { now: () => BENCH_NOW, user: 'bench' });
      const largest = await sqlite.ctx.db
        .selectFrom('memberships')
        .innerJoin('membership_years as y', 'y.id', 'memberships.year_id')
        .where('y.label', '=', YEAR)
        .select(['memberships.hub_id', (eb) => eb.fn.countAll<number>().as('schools')])
        .groupBy('memberships.hub_id')
        .orderBy('schools', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const out: Measurement[] = [];
      const onSqlite = reads(sqlite.ctx, largest.hub_id);
      const onPostgres = reads(onPg, largest.hub_id);
      for (const name of Object.keys(onSqlite)) {
        const run = (ctx: CoreContext, read: () => Promise<unknown>) => () => {
          ctx.store.bumpGeneration();
          return read().then(() => undefined);
        };
        const a = await measure(`engines.${name}.sqlite`, `${name}, SQLite`, config.runs, run(sqlite.ctx, onSqlite[name]!), { warmup: 1 });
        const b = await measure(`engines.${name}.postgres`, `${name}, PostgreSQL`, config.runs, run(onPg, onPostgres[name]!), { warmup: 1 });
        b.detail = { ...b.detail, postgresOverSqlite: Math.round((b.medianMs / a.medianMs) * 100) / 100 };
        out.push(a, b);
      }
      return out;
    } finally {
      await store.close();
    }
  } finally {
    await sqlite.close();
    cluster.stop();
  }
}
