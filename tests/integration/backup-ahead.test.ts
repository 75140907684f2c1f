/**
 * The backup an import's commit needs, taken while the person reads the preview: the backup the
 * commit names holds exactly the store as it was just before the commit; a store changed since the
 * preview gets a backup taken on the spot; an abandoned preview leaves nothing behind and loses
 * nothing; only the holder of the data folder's lock takes one.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openStore } from '../../electron/core/db/connection';
import { createContext } from '../../electron/core/context';
import { lastBackup, listBackups } from '../../electron/core/db/backups';
import { plans } from '../../electron/core/imports/memo';
import { contentHash, openSqliteTestStore, tempDir, TEST_NOW, type SqliteTestStore } from '../helpers/store';
import { rollFromDb, standardCells, STANDARD_HEADERS, writeXlsx } from '../fixtures/roll/generate';
import { commitFile, mustPreview } from '../fixtures/roll/request';

let template: string;
let rollFile: string;

/** Files in backups/ that no listing shows: the backup ahead while it is unused (or a leftover). */
function unlisted(dir: string): string[] {
  const folder = path.join(dir, 'backups');
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => n.endsWith('.partial') || n.endsWith('-journal')) : [];
}

function copyOf(src: string): string {
  const dir = tempDir('hubdesk-ahead-');
  fs.copyFileSync(path.join(src, 'hubdesk.db'), path.join(dir, 'hubdesk.db'));
  return dir;
}

beforeAll(async () => {
  template = tempDir('hubdesk-ahead-template-');
  const t = await openSqliteTestStore(template);
  await dispatch(t.ctx, 'loadDemo', { confirm: true });
  const base = await rollFromDb(t.ctx.db, '2026/27');
  // Every member again, one school's pupil number changed: a roll with one change to commit.
  const rows = base.map((r, i) => (i === 0 ? { ...r, pupils: r.pupils + 25 } : r));
  rollFile = await writeXlsx(path.join(tempDir(), 'roll.xlsx'), [{ name: 'Roll', rows: [STANDARD_HEADERS, ...rows.map(standardCells)] }]);
  t.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await t.close();
}, 120_000);

describe('the backup taken while the preview is read', () => {
  let t: SqliteTestStore;
  beforeEach(async () => {
    plans.clear();
    t = await openSqliteTestStore(copyOf(template));
  });
  afterEach(async () => {
    await t.close();
  });

  it('is the backup the commit names, verified, holding exactly the store as it was just before the commit', async () => {
    const p = await mustPreview(t.ctx, rollFile, { confirmWarnings: true });
    expect(p.canCommit).toBe(true);
    await t.store.backups.aheadSettled();
    expect(unlisted(t.dir)).toHaveLength(1); // written and checked, not yet a backup anyone sees
    const beforeCommit = contentHash(t.store.sqlite);
    const c = await commitFile(t.ctx, rollFile, p, { confirmWarnings: true });
    if (!c.ok) throw new Error(c.error.message);
    expect(lastBackup()).toMatchObject({ ahead: true });
    const named = listBackups(t.store).find((b) => b.file === c.value.backupFile);
    expect(named).toMatchObject({ reason: 'before-import-roll', verified: true });
    const backup = new BetterSqlite3(named!.file, { readonly: true });
    try {
      expect(contentHash(backup)).toBe(beforeCommit);
    } finally {
      backup.close();
    }
    expect(contentHash(t.store.sqlite)).not.toBe(beforeCommit);
    expect(unlisted(t.dir)).toEqual([]);
  });

  it('is also used when the commit comes before its check has finished (the commit waits for it)', async () => {
    const p = await mustPreview(t.ctx, rollFile, { confirmWarnings: true });
    const beforeCommit = contentHash(t.store.sqlite);
    const c = await commitFile(t.ctx, rollFile, p, { confirmWarnings: true });
    if (!c.ok) throw new Error(c.error.message);
    expect(lastBackup()).toMatchObject({ ahead: true });
    const backup = new BetterSqlite3(c.value.backupFile!, { readonly: true });
    try {
      expect(contentHash(backup)).toBe(beforeCommit);
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      backup.close();
    }
  });

  it('is replaced by one taken on the spot when the store changed between the preview and the commit', async () => {
    const p = await mustPreview(t.ctx, rollFile, { confirmWarnings: true });
    await t.store.backups.aheadSettled();
    // Another connection (the command line while the app is open) writes something the roll does not plan on.
    const other = new BetterSqlite3(t.store.file);
    other.prepare('insert into settings (key, value) values (?, ?)').run('written-elsewhere', '"x"');
    other.close();
    const beforeCommit = contentHash(t.store.sqlite);
    const c = await commitFile(t.ctx, rollFile, p, { confirmWarnings: true });
    if (!c.ok) throw new Error(c.error.message);
    expect(lastBackup()).toMatchObject({ ahead: false });
    const backup = new BetterSqlite3(c.value.backupFile!, { readonly: true });
    try {
      expect(contentHash(backup)).toBe(beforeCommit);
      expect(backup.prepare("select value from settings where key = 'written-elsewhere'").pluck().get()).toBe('"x"');
    } finally {
      backup.close();
    }
    expect(unlisted(t.dir)).toEqual([]);
  });

  it('is kept by a second preview of the same store, replaced by a preview of a changed one, and deleted when the store closes unused', async () => {
    const backupsBefore = listBackups(t.store).map((b) => b.name);
    const hashBefore = contentHash(t.store.sqlite, ['settings']);
    await mustPreview(t.ctx, rollFile, { confirmWarnings: true });
    await t.store.backups.aheadSettled();
    const first = unlisted(t.dir);
    expect(first).toHaveLength(1);
    await mustPreview(t.ctx, rollFile, { confirmWarnings: true });
    await t.store.backups.aheadSettled();
    expect(unlisted(t.dir)).toEqual(first);
    t.store.sqlite.prepare('insert into settings (key, value) values (?, ?)').run('between-previews', '"y"');
    await mustPreview(t.ctx, rollFile, { confirmWarnings: true });
    await t.store.backups.aheadSettled();
    const second = unlisted(t.dir);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
    await t.close();
    expect(unlisted(t.dir)).toEqual([]);
    const reopened = await openStore(t.dir);
    try {
      expect(listBackups(reopened).map((b) => b.name)).toEqual(backupsBefore);
      // Nothing lost and nothing imported: the store holds what it did, and the one setting written by hand.
      expect(contentHash(reopened.sqlite, ['settings'])).toBe(hashBefore);
      expect(reopened.sqlite.prepare("select value from settings where key = 'between-previews'").pluck().get()).toBe('"y"');
    } finally {
      await reopened.close();
    }
    t = await openSqliteTestStore(t.dir); // for afterEach
  });

  it('is not taken by a preview that cannot be committed, nor by a process without the data folder lock', async () => {
    const bad = await writeXlsx(path.join(tempDir(), 'bad.xlsx'), [{ name: 'Roll', rows: [STANDARD_HEADERS, ['not a urn', 'A school', 'Aspire Hub', -4, null, null, null, null]] }]);
    const refused = await mustPreview(t.ctx, bad, { confirmWarnings: true });
    expect(refused.canCommit).toBe(false);
    await t.store.backups.aheadSettled();
    expect(unlisted(t.dir)).toEqual([]);
    await t.close();

    // The command line takes the lock only at its first change: its previews take no backup ahead
    // (the lock holder's tidy-up would delete it), and its commit takes one on the spot.
    const cliStore = await openStore(t.dir, { lockAs: 'command line', lockWhen: 'first-write' });
    try {
      const ctx = createContext(cliStore, { now: () => TEST_NOW, user: 'tester' });
      const p = await mustPreview(ctx, rollFile, { confirmWarnings: true });
      await cliStore.backups.aheadSettled();
      expect(unlisted(t.dir)).toEqual([]);
      const c = await commitFile(ctx, rollFile, p, { confirmWarnings: true });
      if (!c.ok) throw new Error(c.error.message);
      expect(lastBackup()).toMatchObject({ ahead: false });
      expect(listBackups(cliStore).some((b) => b.file === c.value.backupFile && b.verified)).toBe(true);
    } finally {
      await cliStore.close();
    }
    t = await openSqliteTestStore(t.dir);
  });
});
