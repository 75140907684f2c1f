/**
 * The network workbook export at 500 schools (goal < 3 s). The export code is being built by another
 * engineer: it is measured only once `electron/core/exports/network-workbook.ts` is committed, through
 * its `writeNetworkExport(ctx, options, progress)`; until then the row says why it is missing.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { CoreContext } from '../../../electron/core/context';
import type { BenchConfig } from '../config';
import { measure, type Measurement } from '../measure';
import { openBench } from './open';

const MODULE = 'electron/core/exports/network-workbook.ts';

type WriteNetworkExport = (
  ctx: CoreContext,
  options: { year: string; layout: 'workbook' | 'zip'; includeContacts: boolean; networkChart: null; hubCharts: Map<number, unknown> },
  progress: (done: number, total: number, stage: string) => void,
) => Promise<{ bytes: number; fileName: string }>;

function committed(file: string): boolean {
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function exportSteps(config: BenchConfig & { exportStore: string; exportSchools: number }): Promise<Measurement[]> {
  const label = `network workbook export (${config.exportSchools} schools)`;
  if (!committed(MODULE)) {
    return [{ key: 'export.network', label, runsMs: [], medianMs: Number.NaN, peakRssMb: null, detail: { notMeasured: 'exports not built yet (electron/core/exports/network-workbook.ts is not committed)' } }];
  }
  const mod = (await import(path.resolve(MODULE))) as { writeNetworkExport?: WriteNetworkExport };
  if (typeof mod.writeNetworkExport !== 'function') {
    return [{ key: 'export.network', label, runsMs: [], medianMs: Number.NaN, peakRssMb: null, detail: { notMeasured: `${MODULE} has no writeNetworkExport` } }];
  }
  const { ctx, close } = await openBench(config.exportStore);
  try {
    let bytes = 0;
    const m = await measure('export.network', label, config.runs, async () => {
      const file = await mod.writeNetworkExport!(ctx, { year: '2026/27', layout: 'workbook', includeContacts: true, networkChart: null, hubCharts: new Map<number, unknown>() }, () => {});
      bytes = file.bytes;
    }, { warmup: 1 });
    m.detail = { fileBytes: bytes };
    // The zip of one workbook per hub (37 workbooks at demo scale), as the Exports page writes it.
    const zip = await measure('export.network-zip', `network export as a zip of hub workbooks (${config.exportSchools} schools)`, config.runs, async () => {
      const file = await mod.writeNetworkExport!(ctx, { year: '2026/27', layout: 'zip', includeContacts: true, networkChart: null, hubCharts: new Map<number, unknown>() }, () => {});
      bytes = file.bytes;
    }, { warmup: 1 });
    zip.detail = { fileBytes: bytes };
    return [m, zip];
  } finally {
    await close();
  }
}
