import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { testClockEnv } from '../helpers/clock';

export interface RunningServer {
  entryUrl: string;
  baseUrl: string;
  dataDir: string;
  /** One API call over HTTP with the page's session (its token cookie), as the app makes it; throws the core's message on refusal. */
  call<T>(page: Page, method: string, payload: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts the built browser-mode server (out/server) on a fresh data folder, as a person would. */
export async function startServer(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-e2e-'))): Promise<RunningServer> {
  const entry = path.resolve('out/server/index.js');
  if (!fs.existsSync(entry)) throw new Error('out/server/index.js is missing: run `npm run build` first.');
  const child: ChildProcess = spawn(process.execPath, [entry, '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: testClockEnv() });
  const entryUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk) => (err += String(chunk)));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  const baseUrl = new URL(entryUrl).origin;
  return {
    entryUrl,
    baseUrl,
    dataDir,
    call: async <T>(page: Page, method: string, payload: unknown): Promise<T> => {
      const res = await page.request.post(`${baseUrl}/api/call/${method}`, { data: payload, headers: { Origin: baseUrl } });
      const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message);
      return body.value;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A server on a fresh data folder that already holds the demo network (loaded with the built CLI). */
export async function startServerWithDemo(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-e2e-'));
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, [path.resolve('out/cli/index.js'), '--data', dataDir, 'demo'], { encoding: 'utf8', env: testClockEnv() });
  if (r.status !== 0) throw new Error(`loading the demo failed: ${r.stderr}`);
  return startServer(dataDir);
}
