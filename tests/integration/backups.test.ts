import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, listBackups, pruneBackups, KEEP_LATEST } from '../../electron/core/backups';
import { openTestStore, type TestStore } from '../helpers/store';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(async () => {
  await t.close();
});

describe('backups', () => {
  it('write a consistent, openable copy holding the data at that moment', async () => {
    await t.ctx.db.insertInto('settings').values({ key: 'a', value: '1' }).execute();
    const b = createBackup(t.store, 'Before import: roll.xlsx', new Date('2026-11-23T10:00:00Z'));
    expect(b.name).toBe('hubdesk-2026-11-23T10-00-00-000Z-before-import-roll-xlsx.db');
    expect(b.reason).toBe('before-import-roll-xlsx');
    expect(b.createdAt).toBe('2026-11-23T10:00:00.000Z');
    await t.ctx.db.insertInto('settings').values({ key: 'b', value: '2' }).execute();
    const copy = new BetterSqlite3(b.file, { readonly: true });
    expect(copy.prepare('select key from settings order by key').all()).toEqual([{ key: 'a' }]);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('never overwrite a backup taken in the same millisecond', () => {
    const at = new Date('2026-11-23T10:00:00Z');
    const a = createBackup(t.store, 'x', at);
    const b = createBackup(t.store, 'x', at);
    expect(a.file).not.toBe(b.file);
    expect(listBackups(t.store)).toHaveLength(2);
  });

  it('keep the last 20 and the newest of each month', () => {
    // 3 backups a month for 12 months: 36 in all.
    for (let month = 1; month <= 12; month++) {
      for (const day of [3, 10, 20]) createBackup(t.store, 'test', new Date(Date.UTC(2025, month - 1, day, 9)));
    }
    pruneBackups(t.store);
    const kept = listBackups(t.store);
    const newest20 = kept.slice(0, KEEP_LATEST);
    expect(newest20[0]!.createdAt).toBe('2025-12-20T09:00:00.000Z');
    const months = new Set(kept.map((b) => b.createdAt.slice(0, 7)));
    expect(months.size).toBe(12);
    // The 20 newest reach back to 10 June; January to May keep only their newest (the 20th).
    expect(kept.length).toBe(KEEP_LATEST + 5);
    for (const b of kept.slice(KEEP_LATEST)) expect(b.createdAt.slice(8, 10)).toBe('20');
    expect(fs.readdirSync(`${t.dir}/backups`)).toHaveLength(kept.length);
  });
});
