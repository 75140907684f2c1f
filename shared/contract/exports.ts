import { z } from 'zod';
import { query } from './define';
import { id, shortText, yearLabel } from './schemas';

/** A file the core wrote, for the app to save (saveBase64) or the CLI to write. */
export interface ExportFile {
  fileName: string;
  mime: string;
  bytes: number;
  contentBase64: string;
  /** The worksheets of a workbook, or the files of a zip, in order. */
  contents: string[];
}

export const NETWORK_EXPORT_LAYOUTS = ['workbook', 'zip'] as const;
export type NetworkExportLayout = (typeof NETWORK_EXPORT_LAYOUTS)[number];

/** Where a network export stands; `file` is given once, when it is done. */
export interface ExportJobStatus {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  /** Steps done of `total` (one per hub, then writing the file). */
  done: number;
  total: number;
  /** What it is doing now, in words: "Aspire Hub (3 of 36)". */
  stage: string;
  file: ExportFile | null;
  error: string | null;
}

/**
 * A chart image drawn by the app (renderer/src/charts/png.ts). The core checks it is a PNG of at most
 * 5 MB (electron/core/exports/png.ts); here only its form and an upper bound on its length.
 */
const pngBase64 = z
  .string()
  .max(7_000_000, 'a chart image must be at most 5 MB')
  .regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64');

const includeContacts = z.boolean().optional();

export const exportMethods = {
  exportHubWorkbook: query<ExportFile>()(
    "One hub's dashboard as an Excel workbook (by id, or by name for the CLI), with the spend chart when the app sends it",
    z
      .strictObject({
        hubId: id.optional(),
        hubName: shortText.min(1).optional(),
        year: yearLabel.optional(),
        /** Include personal contact details (email, telephone, other contacts); left out unless asked for. */
        includeContacts,
        chartPngBase64: pngBase64.optional(),
      })
      .refine((r) => (r.hubId === undefined) !== (r.hubName === undefined), { message: 'give either hubId or hubName' }),
  ),
  startNetworkExport: query<ExportJobStatus>()(
    'Start writing the network workbook (network sheet plus every hub’s sheets) or a zip of hub workbooks; poll networkExportStatus',
    z.strictObject({
      year: yearLabel.optional(),
      layout: z.enum(NETWORK_EXPORT_LAYOUTS),
      includeContacts,
      networkChartPngBase64: pngBase64.optional(),
      hubCharts: z.array(z.strictObject({ hubId: id, pngBase64: pngBase64 })).max(200).optional(),
    }),
  ),
  networkExportStatus: query<ExportJobStatus>()(
    'Progress of a network export; the file once it is done',
    z.strictObject({ jobId: z.string().regex(/^[0-9a-f-]{36}$/, 'is not an export job id') }),
  ),
};
