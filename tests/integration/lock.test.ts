import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { LOCK_FILE_NAME, acquireLock, judgeLock, type LockInfo } from '../../electron/core/db/sqlite-file/lock';
import { processStartTime } from '../../electron/core/db/sqlite-file/process-start';
import { openStore } from '../../electron/core/db/connection';
import { createContext } from '../../electron/core/context';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { contentHash, tempDir, TEST_NOW } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';
import os from 'node:os';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, testClockEnv({}));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A live process to name in a lock, and a lock file naming it as the desktop app. */
function sleeper(): ChildProcess {
  return spawn('sleep', ['60']);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}

function writeLock(dir: string, info: Partial<LockInfo>): string {
  const file = path.join(dir, LOCK_FILE_NAME);
  fs.writeFileSync(file, JSON.stringify({ holder: 'desktop app', since: '2026-11-23T09:00:00.000Z', host: os.hostname(), token: 'their-token', ...info }));
  return file;
}

async function demoFolder(): Promise<string> {
  const dir = tempDir();
  const store = await openStore(dir);
  await loadDemoNetwork(createContext(store, { now: () => TEST_NOW, user: 'tester' }));
  await store.close();
  return dir;
}

describe('one writer per database', () => {
  it('while a live process holds the lock, the CLI reads (WAL readers) but refuses to write, naming hubdesk.lock and its holder', async () => {
    const dir = await demoFolder();
    const holder = sleeper();
    try {
      const lockFile = writeLock(dir, { pid: holder.pid!, processStart: processStartTime(holder.pid!) });
      const peek = (await openStore(dir)).sqlite;
      const before = contentHash(peek);
      const urn = (peek.prepare('select urn from schools order by id limit 1').get() as { urn: string }).urn;
      peek.close();
      for (const read of [['status'], ['hubs', '--json'], ['funding', '--year', '2026/27', '--json'], ['backups']]) {
        const r = await cli(['--data', dir, ...read]);
        expect(r.err, read.join(' ')).toBe('');
        expect(r.code, read.join(' ')).toBe(0);
      }
      for (const write of [['backup'], ['membership', 'set', '--urn', urn, '--year', '2026/27', '--pupils', '12'], ['demo'], ['restore', path.join(dir, 'hubdesk.db')]]) {
        const r = await cli(['--data', dir, ...write]);
        expect(r.code, write.join(' ')).toBe(1);
        expect(r.err).toContain(`in use by the desktop app (process ${holder.pid}`);
        expect(r.err).toContain(lockFile);
      }
      const after = (await openStore(dir)).sqlite;
      expect(contentHash(after)).toBe(before);
      after.close();
      expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
      // A folder without a database must be created: that is a write, refused too.
      const empty = tempDir();
      writeLock(empty, { pid: holder.pid!, processStart: processStartTime(holder.pid!) });
      expect((await cli(['--data', empty, 'status'])).code).toBe(1);
      expect(fs.existsSync(path.join(empty, 'hubdesk.db'))).toBe(false);
    } finally {
      await stop(holder);
    }
  });

  it('a lock whose process is gone, or whose process id now belongs to another process, is taken over', async () => {
    const gone = sleeper();
    const goneInfo = { pid: gone.pid!, processStart: processStartTime(gone.pid!) };
    await stop(gone);
    const dir = tempDir();
    writeLock(dir, goneInfo);
    expect((await cli(['--data', dir, 'backup'])).code).toBe(0);
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);

    // The process id is alive, but it started long after the lock was written: a reused id.
    const reused = sleeper();
    try {
      writeLock(dir, { pid: reused.pid!, processStart: processStartTime(reused.pid!)! - 3_600_000 });
      const r = await cli(['--data', dir, 'backup']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    } finally {
      await stop(reused);
    }
  });

  it('judges a holder by process id and start time; one it cannot check is taken as live, and the message says which file to delete', () => {
    const base: LockInfo = { pid: 4242, holder: 'desktop app', since: '2026-11-23T09:00:00.000Z', processStart: 1_000_000, host: os.hostname(), token: 't' };
    const alive = () => true;
    expect(judgeLock(base, () => 1_000_500, alive)).toEqual({ live: true, certain: true });
    expect(judgeLock(base, () => 1_900_000, alive)).toEqual({ live: false });
    expect(judgeLock(base, () => 1_000_000, () => false)).toEqual({ live: false });
    expect(judgeLock(base, () => null, alive)).toEqual({ live: true, certain: false });
    expect(judgeLock({ ...base, processStart: null }, () => 1_000_000, alive)).toEqual({ live: true, certain: false });
    expect(judgeLock({ ...base, host: 'another-computer' }, () => 1_000_000, () => false)).toEqual({ live: true, certain: false });

    const dir = tempDir();
    const file = writeLock(dir, { pid: process.pid, processStart: null });
    expect(() => acquireLock(path.join(dir, 'hubdesk.db'), 'command line')).toThrow(`If that program is no longer running, delete ${file} and try again.`);
  });

  it('a database reached through a symlinked folder shares the lock of the real one', async () => {
    const real = tempDir();
    const alias = path.join(tempDir(), 'alias');
    fs.symlinkSync(real, alias);
    const linkedFile = tempDir();
    const store = await openStore(real, { lockAs: 'desktop app' });
    try {
      fs.symlinkSync(path.join(real, 'hubdesk.db'), path.join(linkedFile, 'hubdesk.db'));
      for (const other of [alias, linkedFile]) {
        const r = await cli(['--data', other, 'backup']);
        expect(r.code, other).toBe(1);
        expect(r.err).toContain(path.join(fs.realpathSync(real), LOCK_FILE_NAME));
      }
    } finally {
      await store.close();
    }
  });

  it('a store opened with a lock writes its details and releases it on close', async () => {
    const dir = tempDir();
    const store = await openStore(dir, { lockAs: 'browser-mode server' });
    const info = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, holder: 'browser-mode server', host: os.hostname() });
    expect(Math.abs(info.processStart - processStartTime(process.pid)!)).toBeLessThanOrEqual(2000);
    await store.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});

describe('the lock race: 40 processes started at the same moment', () => {
  const RACERS = 40;
  let racer: string;
  beforeAll(() => {
    racer = path.join(tempDir('hubdesk-racer-'), 'racer.cjs');
    buildSync({ entryPoints: [path.resolve('tests/helpers/lock-racer.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: racer, logLevel: 'silent' });
  });
  afterAll(() => fs.rmSync(path.dirname(racer), { recursive: true, force: true }));

  /** Starts the racers, waits until every one is ready, says "go" to all at once; returns what each said. */
  async function race(dir: string): Promise<string[]> {
    const children = Array.from({ length: RACERS }, () => spawn(process.execPath, [racer, path.join(dir, 'hubdesk.db')], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const said = children.map((child) => {
      let text = '';
      child.stdout!.on('data', (c) => (text += String(c)));
      return { child, lines: () => text.split('\n').filter(Boolean) };
    });
    const until = async (test: () => boolean) => {
      for (let i = 0; i < 600 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(test()).toBe(true);
    };
    await until(() => said.every((s) => s.lines()[0] === 'ready'));
    for (const { child } of said) child.stdin!.write('go\n');
    await until(() => said.every((s) => s.lines().length >= 2));
    const answers = said.map((s) => s.lines()[1]!);
    // Only now may the holder let go: every other racer has already answered while it held the lock.
    for (const { child } of said) child.stdin!.end();
    await Promise.all(said.map(({ child }) => (child.exitCode !== null ? null : new Promise((r) => child.once('exit', r)))));
    return answers;
  }

  function expectOneHolder(answers: string[], dir: string): void {
    expect(answers.filter((a) => a === 'held')).toHaveLength(1);
    const refused = answers.filter((a) => a.startsWith('refused: '));
    expect(refused).toHaveLength(RACERS - 1);
    for (const r of refused) expect(r).toContain(path.join(fs.realpathSync(dir), LOCK_FILE_NAME));
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  }

  it('with no lock file: exactly one holder', async () => {
    const dir = tempDir();
    expectOneHolder(await race(dir), dir);
  });

  it('with a stale lock of a process that is gone: exactly one takes it over', async () => {
    const dir = tempDir();
    const gone = sleeper();
    const info = { pid: gone.pid!, processStart: processStartTime(gone.pid!) };
    await stop(gone);
    writeLock(dir, info);
    expectOneHolder(await race(dir), dir);
  });

  it('with an empty lock file left by a crash: exactly one takes it over', async () => {
    const dir = tempDir();
    const file = path.join(dir, LOCK_FILE_NAME);
    fs.writeFileSync(file, '');
    const longAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(file, longAgo, longAgo);
    expectOneHolder(await race(dir), dir);
  });
});
