import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { runCli } from '../../electron/cli/run';
import { openPostgresStore } from '../../electron/core/db/postgres/connection';
import { testDatabaseUrl } from '../helpers/pg-store';
import { tempDir } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';

// PostgreSQL only: a client never migrates a shared database; the administrator does, with `hubdesk db migrate`.
const made: string[] = [];
async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: testDatabaseUrl('postgres') });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}
async function emptyDatabase(): Promise<string> {
  const name = `gate_${process.pid}_${made.length}`;
  await admin(`create database "${name}"`);
  made.push(name);
  return testDatabaseUrl(name);
}
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, testClockEnv({}));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
afterAll(async () => {
  for (const name of made) await admin(`drop database if exists "${name}" with (force)`);
});

describe('the schema of a shared PostgreSQL store', () => {
  it('is refused by a client until the administrator migrates it, then opens; migrating again changes nothing', async () => {
    const url = await emptyDatabase();
    const dir = tempDir();
    await expect(openPostgresStore({ url, dataDir: dir })).rejects.toThrow(/has no hubdesk schema yet\. Ask your administrator to run {2}hubdesk db migrate/);
    const hubs = await cli(['--data', dir, '--database-url', url, 'hubs']);
    expect(hubs.code).toBe(1);
    expect(hubs.err).toMatch(/Ask your administrator/);

    const migrated = await cli(['--data', dir, '--database-url', url, 'db', 'migrate']);
    expect(migrated.code).toBe(0);
    expect(migrated.out).toMatch(/applied 0001_base_schema, .*0009_indexes, 0010_gias, 0011_corrections_and_call_times, 0012_team_store/);
    expect((await cli(['--data', dir, '--database-url', url, 'db', 'migrate'])).out).toMatch(/is up to date/);
    const after = await cli(['--data', dir, '--database-url', url, 'hubs', '--json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out)).toEqual([]);
  });

  it('is refused when a newer hubdesk migrated it ("update hubdesk")', async () => {
    const url = await emptyDatabase();
    expect((await cli(['--database-url', url, 'db', 'migrate'])).code).toBe(0);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', now()::text)");
    await c.end();
    await expect(openPostgresStore({ url, dataDir: tempDir() })).rejects.toThrow(/newer version of hubdesk \(it has migration 9999_from_the_future\)\. Update hubdesk/);
  });

  it('db migrate without a database URL is a usage error', async () => {
    const r = await cli(['--data', tempDir(), 'db', 'migrate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/give --database-url or HUBDESK_DATABASE_URL/);
  });
});
