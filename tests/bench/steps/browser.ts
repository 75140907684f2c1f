/**
 * What people wait for, in the built app in Chromium (browser mode): the first page from process
 * start, each screen's first visit, the year switch, opening a hub, a chart's drill-down, a records
 * dialog opened and saved, and (on the demo network) the network export with its charts.
 *
 * With a baseline build (`--baseline DIR`: another checkout with its own `npm run build`), every
 * measurement is taken for both builds in the same run, run by run in turn, so before and after see
 * the same machine load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { BenchConfig } from '../config';
import { median, percentile, type Measurement } from '../measure';
import { copyStore } from '../store';
import { openBench } from './open';
import { startServer, type RunningServer } from '../browser/server';
import { waitForTiming, watchEveryLoad } from '../browser/painted';
import { SCREENS, drillDown, editSchool, navigationSession, networkExport, openHub, switchYear } from '../browser/journeys';
import { bundleSizes, type BundleSizes } from '../browser/bundle';
import { chooseIdentity } from '../demo-store';

export interface BrowserConfig extends BenchConfig {
  demoStore: string;
  /** Repetitions of each browser journey (first visits, hub, drill-down, dialog, year). */
  browserRuns: number;
  /** Another checkout with a build, measured side by side (null: this build only). */
  baselineRoot: string | null;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1440, height: 900 };

interface Build {
  name: 'current' | 'baseline';
  root: string;
}

interface Fixtures {
  currentYear: string;
  otherYear: string;
  largestHub: string;
  largestHubSchools: number;
  schoolId: number;
}

/** The hub with the most schools this year, one of its schools, and the two years. */
async function fixtures(store: string): Promise<Fixtures> {
  const { ctx, close } = await openBench(store);
  try {
    const years = await ctx.db.selectFrom('membership_years').select(['id', 'label']).orderBy('start_date', 'desc').execute();
    if (years.length < 2) throw new Error(`${store} needs two membership years`);
    const current = years[0]!;
    const hub = await ctx.db
      .selectFrom('memberships as m')
      .innerJoin('hubs as h', 'h.id', 'm.hub_id')
      .where('m.year_id', '=', current.id)
      .select(['h.name', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('m.school_id').as('schoolId')])
      .groupBy('h.id')
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    return { currentYear: current.label, otherYear: years[1]!.label, largestHub: hub.name, largestHubSchools: Number(hub.n), schoolId: Number(hub.schoolId) };
  } finally {
    await close();
  }
}

const round = (v: number) => Math.round(v * 10) / 10;

function measurement(key: string, label: string, runsMs: number[], detail?: Record<string, unknown>): Measurement {
  return {
    key,
    label,
    runsMs: runsMs.map(round),
    medianMs: round(median(runsMs)),
    p95Ms: round(percentile(runsMs, 95)),
    peakRssMb: null,
    ...(detail ? { detail } : {}),
  };
}

class Samples {
  private readonly byKey = new Map<string, { label: string; runs: number[]; detail?: Record<string, unknown> }>();
  add(key: string, label: string, ms: number, detail?: Record<string, unknown>): void {
    const entry = this.byKey.get(key) ?? { label, runs: [], ...(detail ? { detail } : {}) };
    entry.runs.push(ms);
    this.byKey.set(key, entry);
  }
  measurements(): Measurement[] {
    return [...this.byKey].map(([key, e]) => measurement(key, e.label, e.runs, e.detail));
  }
}

/** Process start → the Network table painted, on a fresh copy of the store; then the same page loaded again. */
async function firstPage(browser: Browser, build: Build, store: string, workDir: string, run: number): Promise<{ first: number; reload: number }> {
  const dir = path.join(workDir, 'runs', `browser-first-${build.name}-${run}`);
  fs.rmSync(dir, { recursive: true, force: true });
  copyStore(store, dir);
  const context = await browser.newContext({ viewport: VIEWPORT });
  const shown = SCREENS[0]!.shown;
  await watchEveryLoad(context, shown);
  const page = await context.newPage();
  const started = Date.now();
  const server = startServer(build.root, dir);
  try {
    const running = await server.ready;
    // The paint watcher waits for the page; the navigation itself may take long on a loaded machine.
    await page.goto(running.entryUrl, { waitUntil: 'commit', timeout: 120_000 });
    const first = await waitForTiming(page, shown);
    await page.reload({ waitUntil: 'commit', timeout: 120_000 });
    const again = await waitForTiming(page, shown);
    return { first: first.epochMs - started, reload: again.ms };
  } finally {
    await server.ready.then((s) => s.stop(), () => undefined);
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Session {
  build: Build;
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  dir: string;
}

async function openSession(browser: Browser, build: Build, store: string, workDir: string, scale: string): Promise<Session> {
  const dir = path.join(workDir, 'runs', `browser-${scale}-${build.name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  copyStore(store, dir);
  await chooseIdentity(dir);
  const server = await startServer(build.root, dir).ready;
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.entryUrl, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator(SCREENS[0]!.shown[0]!.selector).first().waitFor({ state: 'visible', timeout: 120_000 });
  return { build, server, context, page, dir };
}

async function closeSession(s: Session): Promise<void> {
  await s.context.close();
  await s.server.stop();
  fs.rmSync(s.dir, { recursive: true, force: true });
}

/**
 * Every journey for one store ("demo" or "national"), for each build in turn. `exportRuns` 0 leaves
 * the network export out.
 */
async function journeys(config: BrowserConfig, scale: 'demo' | 'national', store: string, firstRuns: number, runs: number, exportRuns: number): Promise<Measurement[]> {
  const builds: Build[] = [{ name: 'current', root: process.cwd() }, ...(config.baselineRoot ? [{ name: 'baseline' as const, root: config.baselineRoot }] : [])];
  const f = await fixtures(store);
  const samples = new Samples();
  const failures: Measurement[] = [];
  const key = (build: Build, what: string) => `browser.${scale}.${what}${build.name === 'baseline' ? '.baseline' : ''}`;
  const label = (build: Build, what: string) => `${scale}: ${what}${build.name === 'baseline' ? ' (baseline build)' : ''}`;
  const log = (text: string) => process.stderr.write(`    ${new Date().toISOString().slice(11, 19)} ${scale} ${text}\n`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    log(`first page, ${firstRuns} runs per build`);
    for (let r = 0; r < firstRuns; r++) {
      for (const b of builds) {
        const t = await firstPage(browser, b, store, config.workDir, r);
        samples.add(key(b, 'first-page'), label(b, 'process start → first page painted (Network)'), t.first);
        samples.add(key(b, 'reload'), label(b, 'page loaded again, server running → Network painted'), t.reload);
      }
    }
    const sessions = new Map<Build['name'], Session>();
    try {
      for (const b of builds) sessions.set(b.name, await openSession(browser, b, store, config.workDir, scale));
      // A journey that fails is reported with its error; the others are still measured.
      const each = async (what: string, fn: (s: Session, r: number) => Promise<void>, times = runs) => {
        log(`${what}, ${times} runs per build`);
        try {
          for (let r = 0; r < times; r++) for (const b of builds) await fn(sessions.get(b.name)!, r);
        } catch (error) {
          const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
          log(`${what} FAILED: ${message}`);
          failures.push({ key: `browser.${scale}.failed.${what.replace(/\W+/g, '-')}`, label: `${scale}: ${what} FAILED`, runsMs: [], medianMs: Number.NaN, peakRssMb: null, detail: { error: message } });
        }
      };
      // Each session opens every screen but the one it starts on: enough sessions for `runs` first visits of each.
      const sessionCount = Math.ceil((runs * SCREENS.length) / (SCREENS.length - 1));
      await each('screens (first visit in a session)', async (s, r) => {
        for (const [p, ms] of await navigationSession(s.page, s.server.origin, r, f.currentYear)) {
          samples.add(key(s.build, `nav${p.replace(/\//g, '.')}`), label(s.build, `sidebar → ${SCREENS.find((x) => x.path === p)!.link} painted`), ms);
        }
      }, sessionCount);
      await each('year switch', async (s, r) => {
        const [from, to] = r % 2 === 0 ? [f.currentYear, f.otherYear] : [f.otherYear, f.currentYear];
        samples.add(key(s.build, 'year'), label(s.build, 'year switch on the Network page → painted'), await switchYear(s.page, s.server.origin, from, to));
      });
      await each('open a hub', async (s) => {
        samples.add(key(s.build, 'hub'), label(s.build, `Hubs → ${f.largestHub} (${f.largestHubSchools} schools) painted`), await openHub(s.page, s.server.origin, f.largestHub, f.currentYear), {
          hub: f.largestHub,
          schools: f.largestHubSchools,
        });
      });
      await each('chart drill-down', async (s) => {
        samples.add(key(s.build, 'drilldown'), label(s.build, 'Spend chart bar → its category’s claims painted'), await drillDown(s.page, s.server.origin, f.currentYear));
      });
      await each('records dialog', async (s, r) => {
        const t = await editSchool(s.page, s.server.origin, f.schoolId, `01632 96${String(1000 + r).slice(-4)}`, f.currentYear);
        samples.add(key(s.build, 'dialog.open'), label(s.build, '“Edit school” → the record’s form painted'), t.open);
        samples.add(key(s.build, 'dialog.save'), label(s.build, '“Save school” → dialog closed, “Saved” painted'), t.save);
      });
      if (exportRuns > 0) {
        await each('network export', async (s) => {
          samples.add(key(s.build, 'export'), label(s.build, 'network export, a zip of every hub’s workbook with its chart → saved'), await networkExport(s.page, s.server.origin, f.currentYear));
        }, exportRuns);
      }
    } finally {
      for (const s of sessions.values()) await closeSession(s);
    }
  } finally {
    await browser.close();
  }
  const sizes: Record<string, BundleSizes> = Object.fromEntries(builds.map((b) => [b.name, bundleSizes(b.root)]));
  const out = [...samples.measurements(), ...failures];
  const first = out.find((m) => m.key === `browser.${scale}.first-page`);
  if (first) first.detail = { ...first.detail, fixtures: f, javascript: sizes };
  return out;
}

export function browserDemoSteps(config: BrowserConfig): Promise<Measurement[]> {
  return journeys(config, 'demo', config.demoStore, Math.max(config.runs, 5), config.browserRuns, Math.max(3, Math.min(config.runs, 5)));
}

export function browserNationalSteps(config: BrowserConfig): Promise<Measurement[]> {
  // The national network's export (500 hubs) is measured in the core's export step, not here.
  return journeys(config, 'national', config.baseStore, config.runs, Math.max(3, Math.ceil(config.browserRuns / 2)), 0);
}
