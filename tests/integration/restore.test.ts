import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { backupDir } from '../../electron/core/db/backups';
import { runCli } from '../../electron/cli/run';
import { openSqliteTestStore, tempDir, type SqliteTestStore, storeHash } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';

let t: SqliteTestStore;
beforeEach(async () => {
  t = await openSqliteTestStore();
  await loadDemoNetwork(t.ctx);
});
afterEach(async () => {
  await t.close();
});

async function ok<T>(method: string, payload: unknown): Promise<T> {
  const r = await dispatch(t.ctx, method, payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

describe('backups and restore', () => {
  it('restores a backup exactly, after backing up the state it replaces', async () => {
    const backup = await ok<{ name: string }>('createBackup', {});
    const atBackup = (await storeHash(t.store, ['audit_log']));
    await ok('createHub', { name: 'Restore Check Hub', region: null, seniorPartner: null, seniorPartnerEmail: null, membershipsManagerId: null, hubManagers: [] });
    expect((await storeHash(t.store, ['audit_log']))).not.toBe(atBackup);

    const result = await ok<{ safetyBackup: string; rows: number }>('restoreBackup', { name: backup.name, confirm: true });
    expect((await storeHash(t.store, ['audit_log']))).toBe(atBackup);
    expect(result.rows).toBeGreaterThan(1000);
    const hubs = await t.ctx.db.selectFrom('hubs').select('name').execute();
    expect(hubs.map((h) => h.name)).not.toContain('Restore Check Hub');

    // The safety backup holds the state that was replaced, and the restore is in the audit log.
    const safety = new BetterSqlite3(path.join(backupDir(t.store), result.safetyBackup), { readonly: true });
    expect(safety.prepare("select count(*) as n from hubs where name = 'Restore Check Hub'").get()).toEqual({ n: 1 });
    safety.close();
    const audit = await ok<{ entries: { action: string }[] }>('listAudit', { limit: 1 });
    expect(audit.entries[0]!.action).toBe('restore');
    expect(t.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // The full-text index is rebuilt with the data: the explorer still finds what the reviews say.
    const found = await ok<{ hits: unknown[] }>('searchQaText', { text: 'retrieval practice' });
    expect(found.hits.length).toBeGreaterThan(0);
    expect(t.store.sqlite.prepare("insert into qa_text_fts(qa_text_fts) values ('integrity-check')").run().changes).toBeGreaterThanOrEqual(0);
    expect(t.store.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a name that is not a listed backup, writing nothing', async () => {
    const before = (await storeHash(t.store));
    for (const name of ['../hubdesk.db', 'hubdesk-2026-01-01T00-00-00-000Z-nothing.db', '/etc/passwd']) {
      const r = await dispatch(t.ctx, 'restoreBackup', { name, confirm: true });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/backup/);
    }
    expect((await storeHash(t.store))).toBe(before);
  });

  it('refuses a foreign SQLite file and a damaged file, leaving the data untouched', async () => {
    const dir = backupDir(t.store);
    fs.mkdirSync(dir, { recursive: true });
    const foreign = path.join(dir, 'hubdesk-2026-11-01T00-00-00-000Z-foreign.db');
    const other = new BetterSqlite3(foreign);
    other.exec('create table customers (id integer primary key, name text); insert into customers (name) values (\'x\')');
    other.close();
    const good = await ok<{ name: string }>('createBackup', {});
    const damaged = path.join(dir, 'hubdesk-2026-11-02T00-00-00-000Z-damaged.db');
    const bytes = fs.readFileSync(path.join(dir, good.name));
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 3)));

    const before = (await storeHash(t.store));
    const foreignResult = await dispatch(t.ctx, 'restoreBackup', { name: path.basename(foreign), confirm: true });
    expect(foreignResult.ok).toBe(false);
    if (!foreignResult.ok) expect(foreignResult.error.message).toMatch(/another program/);
    const damagedResult = await dispatch(t.ctx, 'restoreBackup', { name: path.basename(damaged), confirm: true });
    expect(damagedResult.ok).toBe(false);
    if (!damagedResult.ok) expect(damagedResult.error.message).toMatch(/Cannot restore/);
    expect((await storeHash(t.store))).toBe(before);
  });
});

describe('backup and restore on the command line', () => {
  it('backs up, restores from any file path, and refuses a file that is not a database', async () => {
    await t.close();
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
    };
    const a = io();
    expect(await runCli(['--data', t.dir, 'backup', '--json'], a.io, testClockEnv({}))).toBe(0);
    const name = (JSON.parse(a.out.join('')) as { name: string }).name;
    const elsewhere = path.join(tempDir(), 'copy.db');
    fs.copyFileSync(path.join(t.dir, 'backups', name), elsewhere);

    const notDb = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(notDb, 'these are not the rows you are looking for');
    const b = io();
    expect(await runCli(['--data', t.dir, 'restore', notDb], b.io, testClockEnv({}))).toBe(1);
    expect(b.err.join('\n')).toMatch(/not a hubdesk database/);
    expect(fs.readdirSync(path.join(t.dir, 'backups')).some((f) => f.includes('restored-from-file'))).toBe(false);

    const c = io();
    expect(await runCli(['--data', t.dir, 'restore', elsewhere, '--json'], c.io, testClockEnv({}))).toBe(0);
    expect((JSON.parse(c.out.join('')) as { rows: number }).rows).toBeGreaterThan(1000);
    t = await openSqliteTestStore(t.dir);
  });
});
