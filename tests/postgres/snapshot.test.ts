import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { exportSnapshot, loadSnapshot } from '../../electron/core/db/snapshot';
import { searchQaText } from '../../electron/core/dashboards/explorer';
import { dispatch } from '../../electron/core/dispatch';
import { openSqliteTestStore, openTestStore, storeHash, storeRows, tempDir, type SqliteTestStore, type TestStore } from '../helpers/store';

// Moving house: a person's SQLite store into the team's PostgreSQL store and back, and a PostgreSQL store into another.
let own: SqliteTestStore;
let team: TestStore;
beforeAll(async () => {
  own = await openSqliteTestStore();
  await loadDemoNetwork(own.ctx);
  team = await openTestStore();
});
afterAll(async () => {
  await own.close();
  await team.close();
});

/** Every table's rows of a snapshot file (order aside: a table without an id has no order of its own on PostgreSQL). */
/** When each engine's schema was made: bookkeeping, not data (a snapshot carries neither). */
const MIGRATION_LOG = ['kysely_migration', 'kysely_migration_lock'];

async function rowsOfFile(file: string): Promise<Record<string, string[]>> {
  const dir = tempDir();
  fs.copyFileSync(file, path.join(dir, 'hubdesk.db'));
  const t = await openSqliteTestStore(dir);
  try {
    return await storeRows(t.store, MIGRATION_LOG);
  } finally {
    await t.close();
  }
}

describe('snapshots between engines', () => {
  it('moves a SQLite store into PostgreSQL and back with every row identical, sequences reset and the text index rebuilt', async () => {
    const dir = tempDir();
    const fromSqlite = path.join(dir, 'own.db');
    await exportSnapshot(own.store, fromSqlite);
    const original = await storeRows(own.store, MIGRATION_LOG);
    expect(await rowsOfFile(fromSqlite)).toEqual(original);

    const loaded = await loadSnapshot(team.store, fromSqlite);
    expect(loaded.rows).toBeGreaterThan(1000);
    const back = path.join(dir, 'back.db');
    await exportSnapshot(team.store, back);
    expect(await rowsOfFile(back)).toEqual(original);

    // New rows continue after the loaded ids; the explorer finds the loaded texts.
    const hub = await dispatch(team.ctx, 'createHub', { name: 'Moved House Hub', region: null, seniorPartner: null, seniorPartnerEmail: null, membershipsManagerId: null, hubManagers: [] });
    expect(hub.ok, hub.ok ? '' : hub.error.message).toBe(true);
    expect((await searchQaText(team.ctx, { text: 'reading' })).hits.length).toBe((await searchQaText(own.ctx, { text: 'reading' })).hits.length);
  });

  it('copies a PostgreSQL store into another exactly', async () => {
    const file = path.join(tempDir(), 'team.db');
    await exportSnapshot(team.store, file);
    const other = await openTestStore();
    try {
      await loadSnapshot(other.store, file);
      expect(await storeHash(other.store)).toBe(await storeHash(team.store));
    } finally {
      await other.close();
    }
  });
});
