/**
 * Browser-mode cold start: spawn the built server (out/server/index.js) on a copy of the benchmark
 * network, open its URL in Chromium (already running, fresh context) and stop the clock when the
 * Network page's Hubs table shows its first row. The server's peak memory is its VmHWM.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { BenchConfig } from '../config';
import { median, peakRssMb, type Measurement } from '../measure';
import { copyStore } from '../store';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const SERVER_ENTRY = path.resolve('out/server/index.js');

function startServer(dataDir: string) {
  const child = spawn(process.execPath, [SERVER_ENTRY, '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s: ${out}${err}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { child, url, stop };
}

export async function coldStartSteps(config: BenchConfig): Promise<Measurement[]> {
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error('out/server/index.js is missing: run `npm run build` first.');
  const launchStart = process.hrtime.bigint();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const launchMs = Number(process.hrtime.bigint() - launchStart) / 1e6;
  const runsMs: number[] = [];
  const serverReadyMs: number[] = [];
  const serverPeaks: number[] = [];
  try {
    for (let run = 0; run < config.runs; run++) {
      const dir = path.join(config.workDir, 'runs', `cold-${run}`);
      fs.rmSync(dir, { recursive: true, force: true });
      copyStore(config.baseStore, dir);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const start = process.hrtime.bigint();
      const server = startServer(dir);
      try {
        const url = await server.url;
        serverReadyMs.push(Number(process.hrtime.bigint() - start) / 1e6);
        await page.goto(url);
        await page.locator('table[aria-label="Hubs"] tbody tr').first().waitFor({ state: 'visible', timeout: 120_000 });
        runsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
        const rows = await page.locator('table[aria-label="Hubs"] tbody tr').count();
        if (rows < Math.min(config.h, 20)) throw new Error(`the Network page shows ${rows} hubs, expected ${config.h}`);
        const peak = server.child.pid ? peakRssMb(server.child.pid) : null;
        if (peak !== null) serverPeaks.push(peak);
      } finally {
        await server.stop();
        await context.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return [
    {
      key: 'coldstart.network',
      label: 'browser mode: spawn server → Network table painted',
      runsMs: runsMs.map(round),
      medianMs: round(median(runsMs)),
      peakRssMb: serverPeaks.length ? Math.max(...serverPeaks) : null,
      detail: { serverReadyMs: serverReadyMs.map(round), chromiumLaunchMs: round(launchMs), peakRssIs: 'the server process (VmHWM)' },
    },
  ];
}
