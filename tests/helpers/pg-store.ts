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

export async function openTestPostgresStore(dataDir: string): Promise<{ store: Store; url: string; drop(): Promise<void> }> {
  const { url, drop } = await createTestDatabase();
  const store = await openPostgresStore({ url, dataDir });
  return { store, url, drop };
}
