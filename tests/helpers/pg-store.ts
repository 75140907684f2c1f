import crypto from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../electron/core/db/postgres/connection';
import type { Store } from '../../electron/core/db/store';

/** Which engine the integration tests run on: HUBDESK_TEST_DATABASE=postgres, else SQLite. */
export function testEngine(): 'sqlite' | 'postgres' {
  return process.env.HUBDESK_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
}

/** The database every test database is made from: migrated once by the global setup. */
export const TEMPLATE_DATABASE = 'hubdesk_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://…/<database>, with DATABASE standing for the database name. */
    pgUrlPattern: string;
  }
}

export function testDatabaseUrl(database: string): string {
  return inject('pgUrlPattern').replace('DATABASE', database);
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl('postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new database copied from the migrated template: a fresh, empty, up-to-date store. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}" template ${TEMPLATE_DATABASE}`));
  return {
    url: testDatabaseUrl(name),
    drop: () => admin((c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

/** The database of each test data folder: a test that closes its store and opens the folder again finds its data. */
const databaseOfFolder = new Map<string, string>();
const created: (() => Promise<void>)[] = [];

export async function openTestPostgresStore(dataDir: string): Promise<Store> {
  let url = databaseOfFolder.get(dataDir);
  if (!url) {
    const database = await createTestDatabase();
    url = database.url;
    databaseOfFolder.set(dataDir, url);
    created.push(database.drop);
  }
  return openPostgresStore({ url, dataDir });
}

/** Drops the databases this test file made (its stores are closed by then). */
export async function dropTestDatabases(): Promise<void> {
  for (const drop of created.splice(0)) await drop();
  databaseOfFolder.clear();
}
