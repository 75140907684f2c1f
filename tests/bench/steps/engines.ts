/**
 * The main reads and the imports' commit path on both engines: the same national-scale network in
 * SQLite (the bench store) and in PostgreSQL (a throwaway cluster on a Unix socket, loaded from the
 * bench store as a snapshot). Reads are computed afresh (the in-memory figures dropped before every
 * run); each import run (preview + commit of the roll and Ofsted files the roll and Ofsted steps use)
 * gets a fresh copy of the store on each engine, the copy not timed. Reports PostgreSQL ÷ SQLite.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { hubDashboard } from '../../../electron/core/dashboards/hub';
import { networkDashboard } from '../../../electron/core/dashboards/network';
import { fundingOverview } from '../../../electron/core/funding/overview';
import { searchQaText } from '../../../electron/core/dashboards/explorer';
import { createContext, type CoreContext } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import { lastBackup } from '../../../electron/core/db/backups';
import { migratePostgres, openPostgresStore } from '../../../electron/core/db/postgres/connection';
import { loadSnapshot } from '../../../electron/core/db/snapshot';
import { databaseFile } from '../../../electron/core/db/connection';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';
import type { BenchConfig } from '../config';
import { measure, median, type Measurement } from '../measure';
import { BENCH_NOW, openBench, openCopy } from './open';

const YEAR = '2026/27';
/** The PostgreSQL database loaded once from the bench store; never connected to afterwards, so it can be a template. */
const TEMPLATE = 'bench_base';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
interface Staged {
  stagingId: string;
  sha256: string;
  diffHash: string;
  canCommit: boolean;
  errorCount: number;
}
interface Committed {
  backupFile?: string | null;
}

function reads(ctx: CoreContext, hubId: number): Record<string, () => Promise<unknown>> {
  return {
    funding: () => fundingOverview(ctx, YEAR),
    network: () => networkDashboard(ctx, { year: YEAR }),
    hub: () => hubDashboard(ctx, { hubId, year: YEAR }),
    explorer: () => searchQaText(ctx, { text: 'reading' }),
  };
}

/** The imports a team runs, preview then commit through the contract, as the roll and Ofsted steps do. */
function imports(config: BenchConfig) {
  const content = (file: string) => ({ fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') });
  return {
    roll: {
      preview: () => ['previewRollImport', { ...content(config.rollFile), year: YEAR, confirmWarnings: true }] as const,
      commit: (s: Staged) => ['commitRollImport', { year: YEAR, confirmWarnings: true, stagingId: s.stagingId, sha256: s.sha256, diffHash: s.diffHash }] as const,
    },
    ofsted: {
      preview: () => ['previewOfstedImport', content(config.ofstedFile)] as const,
      commit: (s: Staged) => ['commitOfstedImport', { stagingId: s.stagingId, sha256: s.sha256, diffHash: s.diffHash }] as const,
    },
  };
}

/** Statements sent to PostgreSQL while fn runs: every pg client query is one round trip on the socket. */
async function countPgQueries(fn: () => Promise<unknown>): Promise<number> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let count = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return count;
}

async function adminQuery(cluster: PgCluster, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** A fresh database copied from the template (a file copy, not timed), opened as a hubdesk store. */
async function freshPostgres(cluster: PgCluster, name: string, dataDir: string) {
  await adminQuery(cluster, `create database ${name} template ${TEMPLATE} strategy file_copy`);
  const store = await openPostgresStore({ url: cluster.url(name), dataDir });
  return {
    ctx: createContext(store, { now: () => BENCH_NOW, user: 'bench' }),
    close: async () => {
      await store.close();
      await adminQuery(cluster, `drop database ${name}`);
    },
  };
}

const r2 = (v: number) => Math.round(v * 100) / 100;

export async function engineSteps(config: BenchConfig): Promise<Measurement[]> {
  const cluster = startPgCluster();
  const sqlite = await openBench(config.baseStore);
  try {
    await adminQuery(cluster, `create database ${TEMPLATE}`);
    await migratePostgres(cluster.url(TEMPLATE));
    const loading = await openPostgresStore({ url: cluster.url(TEMPLATE), dataDir: config.baseStore });
    try {
      await loadSnapshot(loading, databaseFile(config.baseStore));
      await sql`analyze`.execute(loading.db); // planner statistics, as SQLite's optimize gives it; copied with the template
    } finally {
      await loading.close();
    }
    const out: Measurement[] = [];

    const readsDb = await freshPostgres(cluster, 'bench_reads', config.baseStore);
    try {
      const onPg = readsDb.ctx;
      const largest = await sqlite.ctx.db
        .selectFrom('memberships')
        .innerJoin('membership_years as y', 'y.id', 'memberships.year_id')
        .where('y.label', '=', YEAR)
        .select(['memberships.hub_id', (eb) => eb.fn.countAll<number>().as('schools')])
        .groupBy('memberships.hub_id')
        .orderBy('schools', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const onSqlite = reads(sqlite.ctx, largest.hub_id);
      const onPostgres = reads(onPg, largest.hub_id);
      for (const name of Object.keys(onSqlite)) {
        const run = (ctx: CoreContext, read: () => Promise<unknown>) => () => {
          ctx.store.bumpGeneration();
          return read().then(() => undefined);
        };
        const a = await measure(`engines.${name}.sqlite`, `${name}, SQLite`, config.runs, run(sqlite.ctx, onSqlite[name]!), { warmup: 1 });
        const b = await measure(`engines.${name}.postgres`, `${name}, PostgreSQL`, config.runs, run(onPg, onPostgres[name]!), { warmup: 1 });
        const queries = await countPgQueries(run(onPg, onPostgres[name]!));
        b.detail = { ...b.detail, postgresOverSqlite: r2(b.medianMs / a.medianMs), queriesPerRun: queries };
        out.push(a, b);
      }
    } finally {
      await readsDb.close();
    }

    for (const [name, flow] of Object.entries(imports(config))) {
      const phases = { sqlite: { previewMs: [] as number[], commitMs: [] as number[], backupMs: [] as number[] }, postgres: { previewMs: [] as number[], commitMs: [] as number[], queries: [] as number[] } };
      const once = async (ctx: CoreContext) => {
        const start = process.hrtime.bigint();
        const [previewCall, previewRequest] = flow.preview();
        const preview = (await dispatch(ctx, previewCall, previewRequest)) as Envelope<Staged>;
        if (!preview.ok) throw new Error(`${name} preview failed: ${preview.error.message}`);
        if (!preview.value.canCommit) throw new Error(`${name} preview cannot commit: ${preview.value.errorCount} errors`);
        const afterPreview = process.hrtime.bigint();
        const [commitCall, commitRequest] = flow.commit(preview.value);
        const commit = (await dispatch(ctx, commitCall, commitRequest)) as Envelope<Committed>;
        if (!commit.ok) throw new Error(`${name} commit failed: ${commit.error.message}`);
        const end = process.hrtime.bigint();
        return { previewMs: Number(afterPreview - start) / 1e6, commitMs: Number(end - afterPreview) / 1e6, backupMs: commit.value.backupFile ? (lastBackup()?.commitWaitMs ?? 0) : 0 };
      };
      const withoutBackup: number[] = [];
      const a = await measure(`engines.${name}-import.sqlite`, `${name} import, preview + commit, SQLite`, config.runs, async (run) => {
        const copy = await openCopy(config.baseStore, config.workDir, `engines-${name}-${run}`);
        try {
          const t = await once(copy.ctx);
          if (run >= 0) {
            phases.sqlite.previewMs.push(r2(t.previewMs));
            phases.sqlite.commitMs.push(r2(t.commitMs));
            phases.sqlite.backupMs.push(r2(t.backupMs));
            withoutBackup.push(t.previewMs + t.commitMs - t.backupMs);
          }
          return t.previewMs + t.commitMs;
        } finally {
          await copy.close();
        }
      }, { warmup: 1 });
      a.detail = { ...phases.sqlite, withoutBackupMedianMs: r2(median(withoutBackup)) };
      const b = await measure(`engines.${name}-import.postgres`, `${name} import, preview + commit, PostgreSQL`, config.runs, async (run) => {
        const db = await freshPostgres(cluster, `bench_${name}_${run < 0 ? `w${-run}` : run}`, config.baseStore);
        try {
          let t = { previewMs: 0, commitMs: 0 };
          const queries = await countPgQueries(async () => {
            t = await once(db.ctx);
          });
          if (run >= 0) {
            phases.postgres.previewMs.push(r2(t.previewMs));
            phases.postgres.commitMs.push(r2(t.commitMs));
            phases.postgres.queries.push(queries);
          }
          return t.previewMs + t.commitMs;
        } finally {
          await db.close();
        }
      }, { warmup: 1 });
      // PostgreSQL takes no backup file (its durability is the server's): the fair comparison is
      // against SQLite's own runs without their backup; the ratio with it is given too.
      b.detail = {
        previewMs: phases.postgres.previewMs,
        commitMs: phases.postgres.commitMs,
        queriesPerRun: phases.postgres.queries,
        postgresOverSqlite: r2(b.medianMs / median(withoutBackup)),
        postgresOverSqliteWithItsBackup: r2(b.medianMs / a.medianMs),
      };
      out.push(a, b);
    }
    return out;
  } finally {
    await sqlite.close();
    cluster.stop();
  }
}
