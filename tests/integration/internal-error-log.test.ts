import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { fileLog, MAX_LOG_BYTES } from '../../electron/core/log';
import { openSqliteTestStore, tempDir, type SqliteTestStore } from '../helpers/store';

let t: SqliteTestStore;
beforeEach(async () => {
  t = await openSqliteTestStore();
});
afterEach(async () => {
  await t.close();
});

/** Makes every insert into hubs fail inside SQLite: a failure no refusal explains, i.e. a bug. */
function breakHubInserts(): void {
  t.store.sqlite.exec("create trigger break_hubs before insert on hubs begin select raise(abort, 'the disk said no'); end;");
}

const PERSONAL = { name: 'Hub of Jane Private', region: null, seniorPartner: 'Jane Private', seniorPartnerEmail: 'jane.private@example.org', membershipsManagerId: null, hubManagers: [] };

describe('the error log', () => {
  it('writes an internal error with its method and stack to <data>/logs/hubdesk.log, never the request', async () => {
    breakHubInserts();
    const result = await dispatch(t.ctx, 'createHub', PERSONAL);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringContaining('the disk said no') } });

    const file = path.join(t.dir, 'logs', 'hubdesk.log');
    expect(t.ctx.log.file).toBe(file);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { level: number; method: string; msg: string; err: { message: string; stack: string } };
    expect(entry).toMatchObject({ level: 50, method: 'createHub', msg: 'createHub failed' });
    expect(entry.err.message).toContain('the disk said no');
    expect(entry.err.stack).toMatch(/\n\s+at /);
    const text = fs.readFileSync(file, 'utf8');
    for (const personal of ['Jane Private', 'jane.private@example.org']) expect(text).not.toContain(personal);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('logs nothing for a refusal (bad input, a conflict): those are answers, not bugs', async () => {
    expect((await dispatch(t.ctx, 'createHub', { ...PERSONAL, name: '' })).ok).toBe(false);
    expect((await dispatch(t.ctx, 'hubRecord', { hubId: 999 })).ok).toBe(false);
    expect(fs.existsSync(path.join(t.dir, 'logs', 'hubdesk.log'))).toBe(false);
  });

  it('names the log file in the status Settings shows', async () => {
    const status = await dispatch(t.ctx, 'getStatus', {});
    expect(status).toMatchObject({ ok: true, value: { logFile: path.join(t.dir, 'logs', 'hubdesk.log') } });
  });

  it('rotates a full log: the full one becomes hubdesk.1.log and the next entry starts a new file', () => {
    const dir = tempDir();
    const log = fileLog(dir);
    fs.mkdirSync(path.dirname(log.file), { recursive: true });
    fs.writeFileSync(log.file, 'x'.repeat(MAX_LOG_BYTES));
    log.internalError('someMethod', new Error('after the rotation'));
    expect(fs.statSync(path.join(dir, 'logs', 'hubdesk.1.log')).size).toBe(MAX_LOG_BYTES);
    expect(fs.readFileSync(log.file, 'utf8')).toContain('after the rotation');
    expect(fs.statSync(log.file).size).toBeLessThan(10_000);
  });
});
