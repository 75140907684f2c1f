import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/connection';
import { createContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { contentHash, tempDir, TEST_NOW } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';

/**
 * A full disk is said in plain words ("The disk is full: …"), never as SQLite's "cannot rollback -
 * no transaction is active", and nothing is written.
 */
const CLI = path.resolve('out/cli/index.js');

function cli(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, '--data', dir, ...args], { encoding: 'utf8', env: testClockEnv() });
}

describe('a full disk', () => {
  it('a change that runs out of room is refused as "The disk is full", and the store is unchanged (SQLite limited to its current size)', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    try {
      const ctx = createContext(store, { now: () => TEST_NOW, user: 'tester' });
      const before = contentHash(store.sqlite);
      // max_page_count stops the file growing exactly as a full disk does: SQLITE_FULL mid-transaction.
      const pages = store.sqlite.pragma('page_count', { simple: true }) as number;
      store.sqlite.pragma(`max_page_count = ${pages}`);
      const r = await dispatch(ctx, 'loadDemo', { confirm: true });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('store');
        expect(r.error.message).toBe(`The disk is full: hubdesk could not write to ${dir}. Nothing was changed. Free some space on that disk, then try again.`);
      }
      expect(contentHash(store.sqlite)).toBe(before);
      expect(store.sqlite.inTransaction).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('when SQLite has already rolled a transaction back by itself (as it does on a full disk), the first error is the one reported', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    try {
      const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      const outcome = await store.db
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('settings').values({ key: 'k', value: 'v' }).execute();
          store.sqlite.exec('ROLLBACK'); // what SQLite does on its own when a write hits a full disk
          throw full;
        })
        .catch((error: unknown) => error);
      expect(outcome).toBe(full);
      expect(store.sqlite.prepare("select count(*) as n from settings where key = 'k'").get()).toEqual({ n: 0 });
    } finally {
      await store.close();
    }
  });

  it('on a real full disk (a 2 MB tmpfs), the CLI says so for a change and for a backup, and leaves no half-written file', (ctx) => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
    const mountPoint = tempDir('hubdesk-full-');
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
    if (mounted.status !== 0) ctx.skip(); // needs root and tmpfs; the test above covers the same path through SQLite's page limit
    try {
      const dir = path.join(mountPoint, 'data');
      expect(cli(dir, 'status').status).toBe(0);
      const demo = cli(dir, 'demo');
      expect(demo.status).toBe(1);
      expect(demo.stderr).toBe(`The disk is full: hubdesk could not write to ${dir}. Nothing was changed. Free some space on that disk, then try again.\n`);
      const status = cli(dir, 'status', '--json');
      expect(status.status).toBe(0);
      expect(JSON.parse(status.stdout)).toMatchObject({ empty: true });

      // Fill the disk to the last few kilobytes: the backup's copy cannot be written.
      const filler = path.join(mountPoint, 'filler');
      const fd = fs.openSync(filler, 'w');
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(4096));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        fs.closeSync(fd);
      }
      const backup = cli(dir, 'backup');
      expect(backup.status).toBe(1);
      expect(backup.stderr).toMatch(/^The disk is full: hubdesk could not write to .+\. Nothing was changed\. Free some space on that disk, then try again\.\n$/);
      const left = fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')) : [];
      expect(left).toEqual([]);
    } finally {
      spawnSync('umount', [mountPoint]);
    }
  });
});
