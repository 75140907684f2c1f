import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, databaseFile } from '../../electron/core/db/connection';
import { createContext } from '../../electron/core/context';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { createBackup, listBackups, pruneBackups, KEEP_LATEST, VERIFIED_MARK } from '../../electron/core/db/backups';
import { isDamagedStoreError } from '../../electron/core/db/sqlite-file/damaged';
import { dispatch } from '../../electron/core/dispatch';
import { openStoreOrOfferRestore } from '../../electron/main/damaged-store';
import { cli } from '../helpers/cli';
import { overwritePage } from '../helpers/damage';
import { contentHash, fileHash, tempDir, TEST_NOW } from '../helpers/store';

async function demoFolder(): Promise<string> {
  const dir = tempDir();
  const store = await openStore(dir);
  await loadDemoNetwork(createContext(store, { now: () => TEST_NOW, user: 'tester' }));
  await store.close();
  return dir;
}

describe('store health', () => {
  it('a damaged database is found when it opens: the CLI says so and what to do, and writes nothing', async () => {
    const dir = await demoFolder();
    expect((await cli(['--data', dir, 'backup'])).code).toBe(0);
    const good = listBackups({ dataDir: dir })[0]!;
    expect(good.verified).toBe(true);
    overwritePage(databaseFile(dir));
    const damagedBytes = fileHash(databaseFile(dir));

    for (const args of [['status'], ['hubs'], ['backup'], ['demo']]) {
      const r = await cli(['--data', dir, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toContain(`The hubdesk database ${databaseFile(dir)} is damaged`);
      expect(r.err).toContain(`Restore the newest good backup, ${good.name}`);
      expect(r.err).toContain(`restore "${good.file}"`);
    }
    expect(fileHash(databaseFile(dir))).toBe(damagedBytes);
    expect(listBackups({ dataDir: dir })).toHaveLength(1);

    // The app gets the same error, with what it needs to offer the restore.
    const error = await openStore(dir, { lockAs: 'desktop app' }).catch((e: unknown) => e);
    expect(isDamagedStoreError(error)).toBe(true);
    if (isDamagedStoreError(error)) expect(error.details.damaged.newestGoodBackup?.name).toBe(good.name);
    expect(fs.existsSync(path.join(dir, 'hubdesk.lock'))).toBe(false);
  });

  it('restore FILE replaces a damaged database whole with the checked backup, keeping the damaged file aside', async () => {
    const dir = await demoFolder();
    expect((await cli(['--data', dir, 'backup'])).code).toBe(0);
    const good = listBackups({ dataDir: dir })[0]!;
    const atBackup = contentHash(new BetterSqlite3(good.file, { readonly: true }), ['audit_log']);
    overwritePage(databaseFile(dir));
    const damagedBytes = fileHash(databaseFile(dir));

    const r = await cli(['--data', dir, 'restore', good.file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const kept = fs.readdirSync(dir).find((f) => f.startsWith('hubdesk.db.damaged-'))!;
    expect(r.out).toContain(kept);
    expect(fileHash(path.join(dir, kept))).toBe(damagedBytes);
    const store = await openStore(dir);
    try {
      expect(contentHash(store.sqlite, ['audit_log'])).toBe(atBackup);
      const last = store.sqlite.prepare('select action, entity from audit_log order by id desc limit 1').get();
      expect(last).toEqual({ action: 'restore', entity: 'database' });
    } finally {
      await store.close();
    }
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.restore-work-'))).toEqual([]);
  });

  it('the desktop app reports a damaged database and offers the newest good backup: Quit leaves it as it is, Restore starts on the backup', async () => {
    const dir = await demoFolder();
    expect((await cli(['--data', dir, 'backup'])).code).toBe(0);
    const good = listBackups({ dataDir: dir })[0]!;
    overwritePage(databaseFile(dir));
    const damagedBytes = fileHash(databaseFile(dir));
    const asked: { title: string; detail: string; buttons: string[] }[] = [];
    const failed: string[] = [];
    const dialogs = (answer: number) => ({
      open: (d: string) => openStore(d, { lockAs: 'desktop app' }),
      ask: async (q: { title: string; detail: string; buttons: string[] }) => (asked.push(q), answer),
      fail: (title: string, message: string) => void failed.push(`${title}: ${message}`),
    });

    expect(await openStoreOrOfferRestore(dir, dialogs(1))).toBeNull();
    expect(asked[0]!.title).toBe('hubdesk’s database is damaged');
    expect(asked[0]!.detail).toContain(`Restore the newest good backup, ${good.name}`);
    expect(asked[0]!.buttons).toHaveLength(2);
    expect(asked[0]!.buttons[1]).toBe('Quit');
    expect(asked[0]!.buttons[0]).toMatch(/^Restore the backup of \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
    expect(fileHash(databaseFile(dir))).toBe(damagedBytes);

    const store = await openStoreOrOfferRestore(dir, dialogs(0));
    expect(store).not.toBeNull();
    try {
      expect(failed).toEqual([]);
      expect(await store!.db.selectFrom('schools').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()).toEqual({ n: expect.any(Number) });
      expect(fs.readdirSync(dir).some((f) => f.startsWith('hubdesk.db.damaged-'))).toBe(true);
    } finally {
      await store!.close();
    }
  });

  it('a restore works in a private folder inside the data folder, never the shared temp folder, and what a killed restore left is removed by the next process to take the lock', async () => {
    const dir = await demoFolder();
    expect((await cli(['--data', dir, 'backup'])).code).toBe(0);
    const good = listBackups({ dataDir: dir })[0]!;
    const tmpBefore = new Set(fs.readdirSync(os.tmpdir()));
    expect((await cli(['--data', dir, 'restore', good.file])).code).toBe(0);
    expect(fs.readdirSync(os.tmpdir()).filter((f) => !tmpBefore.has(f) && f.includes('restore'))).toEqual([]);
    // What a restore killed half-way leaves: its working folder with a full copy of the database.
    const left = path.join(dir, '.restore-work-0123456789ab');
    fs.mkdirSync(left);
    fs.copyFileSync(good.file, path.join(left, 'hubdesk.db'));
    fs.writeFileSync(path.join(dir, 'backups', `${good.name}.partial`), 'half a backup');
    expect((await cli(['--data', dir, 'status'])).code).toBe(0);
    expect(fs.existsSync(left)).toBe(true); // reading takes no lock, and removes nothing
    expect((await cli(['--data', dir, 'backup'])).code).toBe(0);
    expect(fs.existsSync(left)).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('a backup of a damaged database is refused and leaves no file: a backup is verified, or it is not a backup', async () => {
    const dir = await demoFolder();
    overwritePage(databaseFile(dir));
    // A connection that skipped the open-time check, as a long-running app would hold when the disk fails under it.
    const sqlite = new BetterSqlite3(databaseFile(dir));
    try {
      expect(() => createBackup({ dataDir: dir, sqlite }, 'before-import')).toThrow(/is damaged \(SQLite's check found: .+\)\. No backup was taken and nothing was changed/);
    } finally {
      sqlite.close();
    }
    expect(fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')) : []).toEqual([]);
  });

  it('pruning always keeps the newest verified backup, and prefers a verified one for each month', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    try {
      const verified = createBackup(store, 'good', new Date('2026-10-01T09:00:00Z'));
      // Backups from before verification (no mark), newer than the verified one and in the same month.
      const unverified = (at: string) => {
        const file = path.join(dir, 'backups', `hubdesk-${at.replace(/[:.]/g, '-')}-old-version.db`);
        fs.copyFileSync(verified.file, file);
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, Buffer.alloc(4), 0, 4, 60);
        fs.closeSync(fd);
      };
      for (let day = 2; day <= 28; day++) unverified(`2026-10-${String(day).padStart(2, '0')}T09:00:00.000Z`);
      expect(listBackups(store).filter((b) => b.verified)).toHaveLength(1);
      pruneBackups(store);
      const kept = listBackups(store);
      expect(kept.map((b) => b.name)).toContain(verified.name);
      expect(kept).toHaveLength(KEEP_LATEST + 1);
      expect(new BetterSqlite3(verified.file, { readonly: true }).pragma('user_version', { simple: true })).toBe(VERIFIED_MARK);
    } finally {
      await store.close();
    }
  });

  it('a page damaged while the app runs is reported in plain words by the next call that reads it', async () => {
    const dir = await demoFolder();
    const store = await openStore(dir);
    try {
      overwritePage(databaseFile(dir));
      store.sqlite.pragma('shrink_memory'); // drop the pages SQLite had cached before the damage
      const r = await dispatch(createContext(store, { now: () => TEST_NOW }), 'listHubs', { year: '2026/27' });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('store');
        expect(r.error.message).toMatch(/^The hubdesk database in .+ is damaged \(.+\)\. .*Restore the newest good backup/);
      }
    } finally {
      await store.close();
    }
  });
});
