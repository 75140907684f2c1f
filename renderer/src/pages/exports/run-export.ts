import type { QueryClient } from '@tanstack/react-query';
import type { ExportFile, ExportJobStatus, NetworkExportLayout } from '@shared/contract/exports';
import { saveBase64 } from '../../components/download';
import { fetchOnce } from '../../data/queries';
import { hubChartPng, networkChartPng } from './charts';

export interface ExportProgress {
  /** 0 to 1. */
  fraction: number;
  label: string;
}

function save(file: ExportFile): ExportFile {
  saveBase64(file.fileName, file.contentBase64, file.mime);
  return file;
}

/** The hub workbook with its spend chart: draw the chart, ask the core for the workbook, save it. */
export async function exportHub(client: QueryClient, hubId: number, year: string, includeContacts: boolean): Promise<ExportFile> {
  const chartPngBase64 = await hubChartPng(client, hubId, year);
  return save(await fetchOnce(client, 'exportHubWorkbook', { hubId, year, includeContacts, chartPngBase64 }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The network export: draw the network chart and every hub's chart (first part of the bar), then
 * start the core's job and follow its progress hub by hub (the rest), then save the file.
 */
export async function exportNetwork(
  client: QueryClient,
  year: string,
  layout: NetworkExportLayout,
  includeContacts: boolean,
  onProgress: (p: ExportProgress) => void,
): Promise<ExportFile> {
  const hubs = await fetchOnce(client, 'listHubs', { year });
  const drawSteps = hubs.length + 1;
  const writeSteps = hubs.length + 1;
  const all = drawSteps + writeSteps;
  onProgress({ fraction: 0, label: 'Drawing the network chart' });
  const networkChartPngBase64 = await networkChartPng(client, year);
  // Each hub's figures are asked for at once; each chart is drawn as its figures arrive.
  let drawn = 0;
  const hubCharts = await Promise.all(
    hubs.map(async (hub) => {
      const pngBase64 = await hubChartPng(client, hub.id, year);
      drawn += 1;
      onProgress({ fraction: (1 + drawn) / all, label: `Drawing charts: ${hub.name} (${drawn} of ${hubs.length})` });
      return { hubId: hub.id, pngBase64 };
    }),
  );
  let status: ExportJobStatus = await fetchOnce(client, 'startNetworkExport', { year, layout, includeContacts, networkChartPngBase64, hubCharts });
  while (status.state === 'running') {
    onProgress({ fraction: (drawSteps + status.done) / all, label: `Writing: ${status.stage}` });
    await sleep(150);
    status = await fetchOnce(client, 'networkExportStatus', { jobId: status.jobId });
  }
  if (status.state === 'failed' || !status.file) throw new Error(`The export failed: ${status.error ?? 'no file was written'}`);
  onProgress({ fraction: 1, label: `Saved ${status.file.fileName}` });
  return save(status.file);
}
