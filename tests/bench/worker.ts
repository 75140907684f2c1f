/**
 * Runs one benchmark step in its own process (so each step's peak memory is its own) and writes its
 * measurements as JSON: built by vite.bench.config.mts into out/bench/step-runner.js and run as
 * `node out/bench/step-runner.js <step> <config.json> <out.json>` (or from source with `node --import tsx tests/bench/worker.ts …`).
 */
import fs from 'node:fs';
import { rssMb, type Measurement } from './measure';
import { rollSteps } from './steps/roll';
import { ofstedSteps } from './steps/ofsted';
import { giasSteps } from './steps/gias';
import { fundingSteps } from './steps/funding';
import { dashboardSteps } from './steps/dashboard';
import { browserDemoSteps, browserNationalSteps, type BrowserConfig } from './steps/browser';
import { exportSteps } from './steps/export';
import { phaseSteps } from './steps/phases';
import { importPhaseSteps } from './steps/import-phases';
import { engineSteps } from './steps/engines';
import { teamLoadSteps } from './steps/team-load';

type Config = BrowserConfig & { exportStore: string; exportSchools: number };

const STEPS: Record<string, (c: Config) => Promise<Measurement[]>> = {
  roll: rollSteps,
  ofsted: ofstedSteps,
  gias: giasSteps,
  funding: fundingSteps,
  dashboard: dashboardSteps,
  export: exportSteps,
  browser: browserDemoSteps,
  'browser-national': browserNationalSteps,
  phases: phaseSteps,
  'import-phases': importPhaseSteps,
  engines: engineSteps,
  'team-load': teamLoadSteps,
};

async function main(): Promise<void> {
  const [step, configFile, outFile] = process.argv.slice(2);
  const run = step ? STEPS[step] : undefined;
  if (!run || !configFile || !outFile) throw new Error(`usage: step-runner.js <${Object.keys(STEPS).join('|')}> <config.json> <out.json>`);
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as Config;
  // What the process holds before any work (Node and the modules): every peak below includes it.
  const baselineRssMb = rssMb();
  const measurements = await run(config);
  fs.writeFileSync(outFile, JSON.stringify({ baselineRssMb, measurements }, null, 2));
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
