import type { exportMethods } from '@shared/contract/exports';
import type { HandlersFor } from '../handler-types';
import { exportHubWorkbook } from './hub-workbook';
import { decodeChartPng } from './png';
import { startNetworkExport } from './start';
import { jobStatus } from './jobs';

export const exportHandlers: HandlersFor<typeof exportMethods> = {
  exportHubWorkbook: (ctx, { hubId, hubName, year, includeContacts, chartPngBase64 }) =>
    exportHubWorkbook(ctx, { hubId, hubName, year }, {
      // Without personal contact details unless asked for: a workbook travels further than its first reader.
      includeContacts: includeContacts ?? false,
      chart: chartPngBase64 === undefined ? null : decodeChartPng(chartPngBase64, 'chartPngBase64'),
    }),
  startNetworkExport,
  networkExportStatus: async (_ctx, { jobId }) => jobStatus(jobId),
};
