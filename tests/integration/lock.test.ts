import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { LOCK_FILE_NAME } from '../../electron/core/db/lock';
import { openStore } from '../../electron/core/db/connection';
import { tempDir } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';

async function cli(args: string[]) {
  const err: string[] = [];
  const code = await runCli(args, { out: () => {}, err: (t) => err.push(t) }, testClockEnv({}));
  return { code, err: err.join('\n') };
}

describe('one writer per data folder', () => {
  it('the CLI refuses while another live process holds the data, and takes over a stale lock', async () => {
    const dir = tempDir();
    const holder = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: holder.pid, holder: 'desktop app', since: '2026-11-23T09:00:00.000Z' }));
      const refused = await cli(['--data', dir, 'status']);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/in use by the desktop app \(process \d+/);
      expect(fs.existsSync(path.join(dir, 'hubdesk.db'))).toBe(false);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    const after = await cli(['--data', dir, 'status']);
    expect(after.code).toBe(0);
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('a store opened with a lock releases it on close', async () => {
    const dir = tempDir();
    const store = await openStore(dir, { lockAs: 'browser-mode server' });
    const info = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, holder: 'browser-mode server' });
    await store.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});
