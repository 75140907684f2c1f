/**
 * A built browser-mode server (`<build>/out/server/index.js`) on a data folder, for the browser
 * benchmarks. The clock is the benchmarks' own (HUBDESK_TEST_NOW), so every run sees the same "today".
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { BENCH_NOW } from '../steps/open';

export interface RunningServer {
  child: ChildProcess;
  /** The link the server printed (with its token). */
  entryUrl: string;
  /** The app's own address (after the token link set the cookie). */
  origin: string;
  stop(): Promise<void>;
}

export function serverEntry(buildRoot: string): string {
  const entry = path.join(buildRoot, 'out', 'server', 'index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` in ${buildRoot} first.`);
  return entry;
}

/** Spawns the server; resolves once it printed its link. */
export function startServer(buildRoot: string, dataDir: string): { child: ChildProcess; ready: Promise<RunningServer> } {
  const child = spawn(process.execPath, [serverEntry(buildRoot), '--data', dataDir], {
    cwd: buildRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HUBDESK_TEST_NOW: BENCH_NOW.toISOString() },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const ready = new Promise<RunningServer>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in 120 s: ${out}${err}`)), 120_000);
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+)\/\?token=[0-9a-f]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, entryUrl: m[0].slice('Open: '.length), origin: m[1]!, stop });
      }
    });
    child.stderr!.on('data', (chunk) => (err += String(chunk)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${err}`));
    });
  });
  return { child, ready };
}
