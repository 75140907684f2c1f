import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, lastBackupMethod, listBackups, pruneBackups, KEEP_LATEST } from '../../electron/core/db/backups';
import { openSqliteTestStore, contentHash, type SqliteTestStore, storeHash } from '../helpers/store';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { schoolRecord } from '../../electron/core/records/schools';
import { undoLastChange } from '../../electron/core/changes/undo-change';
import { viaDispatch } from '../helpers/records';

const updateSchool = viaDispatch('updateSchool');

let t: SqliteTestStore;
beforeEach(async () => {
  t = await openSqliteTestStore();
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

  it('copy the file after a checkpoint: every committed row is in it, it opens on its own and passes integrity_check', async () => {
    // Rows still in the WAL (not yet checkpointed into the main file) must be in the copy.
    for (let i = 0; i < 50; i++) await t.ctx.db.insertInto('settings').values({ key: `k${i}`, value: String(i) }).execute();
    expect(fs.statSync(`${t.store.file}-wal`).size).toBeGreaterThan(0);
    const b = createBackup(t.store, 'copy', new Date('2026-11-23T10:00:00Z'));
    expect(lastBackupMethod()).toBe('copy');
    expect(fs.existsSync(`${b.file}.partial`)).toBe(false);
    // A rollback-journal file: opens read-only with no -wal/-shm beside it.
    const copy = new BetterSqlite3(b.file, { readonly: true, fileMustExist: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('select count(*) as n from settings where key like ?').get('k%') as { n: number }).n).toBe(50);
    copy.close();
    expect(fs.existsSync(`${b.file}-wal`)).toBe(false);
    // The live store carries on in WAL mode.
    expect(t.store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    await t.ctx.db.insertInto('settings').values({ key: 'after', value: 'x' }).execute();
  });

  it('fall back to VACUUM INTO when a transaction is open on the connection or a reader holds back the checkpoint', async () => {
    await t.ctx.db.insertInto('settings').values({ key: 'a', value: '1' }).execute();
    // Another connection reading a snapshot: the checkpoint cannot complete, so the file is not copied.
    const reader = new BetterSqlite3(t.store.file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('select count(*) from settings').get();
    await t.ctx.db.insertInto('settings').values({ key: 'b', value: '2' }).execute();
    const b = createBackup(t.store, 'reader', new Date('2026-11-23T10:00:00Z'));
    expect(lastBackupMethod()).toBe('vacuum');
    reader.exec('COMMIT');
    reader.close();
    const copy = new BetterSqlite3(b.file, { readonly: true });
    expect(copy.prepare('select key from settings order by key').all()).toEqual([{ key: 'a' }, { key: 'b' }]);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    t.store.sqlite.exec('BEGIN');
    try {
      // VACUUM INTO refuses inside a transaction too; what matters is that no half-made copy is left.
      expect(() => createBackup(t.store, 'in-transaction', new Date('2026-11-23T11:00:00Z'))).toThrow();
    } finally {
      t.store.sqlite.exec('ROLLBACK');
    }
    expect(fs.readdirSync(`${t.dir}/backups`).filter((f) => f.includes('in-transaction'))).toEqual([]);
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

describe('a backup before undoing a change made by hand', () => {
  it('holds the database as it was just before the undo', async () => {
    await loadDemoNetwork(t.ctx);
    const s = await schoolRecord(t.ctx, 1);
    const { id, version, ...rest } = s;
    await updateSchool(t.ctx, { schoolId: id, version, ...rest, phase: rest.phase as 'Primary' | null, postcode: 'SE1 7PB' });
    const beforeUndo = (await storeHash(t.store));
    const count = listBackups(t.store).length;
    await undoLastChange(t.ctx);
    const backups = listBackups(t.store);
    expect(backups).toHaveLength(count + 1);
    const b = backups.find((x) => x.reason.startsWith('before-undo-change-'))!;
    expect(b).toBeDefined();
    const copy = new BetterSqlite3(b.file, { readonly: true });
    expect(contentHash(copy)).toBe(beforeUndo);
    expect((await storeHash(t.store))).not.toBe(beforeUndo);
    copy.close();
  });
});
