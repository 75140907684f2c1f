/** The network workbook export at 500 schools (goal < 3 s), and the zip of one workbook per hub. */
import { writeNetworkExport } from '../../../electron/core/exports/network-workbook';
import type { BenchConfig } from '../config';
import { measure, type Measurement } from '../measure';
import { openBench } from './open';

export async function exportSteps(config: BenchConfig & { exportStore: string; exportSchools: number }): Promise<Measurement[]> {
  const label = `network workbook export (${config.exportSchools} schools)`;
  const { ctx, close } = await openBench(config.exportStore);
  try {
    let bytes = 0;
    const m = await measure('export.network', label, config.runs, async () => {
      const file = await writeNetworkExport(ctx, { year: '2026/27', layout: 'workbook', includeContacts: true, networkChart: null, hubCharts: new Map() }, () => {});
      bytes = file.bytes;
    }, { warmup: 1 });
    m.detail = { fileBytes: bytes };
    // The zip of one workbook per hub (37 workbooks at demo scale), as the Exports page writes it.
    const zip = await measure('export.network-zip', `network export as a zip of hub workbooks (${config.exportSchools} schools)`, config.runs, async () => {
      const file = await writeNetworkExport(ctx, { year: '2026/27', layout: 'zip', includeContacts: true, networkChart: null, hubCharts: new Map() }, () => {});
      bytes = file.bytes;
    }, { warmup: 1 });
    zip.detail = { fileBytes: bytes };
    return [m, zip];
  } finally {
    await close();
  }
}
