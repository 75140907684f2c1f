import type { HubExportData } from '../hub-data';
import { hubWorkbookBytes } from '../hub-workbook';

/** One hub's workbook to write: its figures, already read from the store, and how to write them. */
export interface HubWorkbookJob {
  data: HubExportData;
  includeContacts: boolean;
  /** The hub's spend chart (PNG bytes arrive as a Uint8Array after crossing to the worker). */
  chart: { png: Uint8Array; width: number; height: number } | null;
  /** The workbook's created and modified time. */
  now: Date;
}

/** Writes a hub's workbook: the same code as in the app's own thread, on data that crossed as a copy. */
export async function writeHubWorkbook(job: HubWorkbookJob): Promise<Buffer> {
  const chart = job.chart && { ...job.chart, png: Buffer.from(job.chart.png.buffer, job.chart.png.byteOffset, job.chart.png.byteLength) };
  const { bytes } = await hubWorkbookBytes(job.now, job.data, { includeContacts: job.includeContacts, chart });
  return bytes;
}
