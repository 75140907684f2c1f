import type { ExportJobStatus } from '@shared/contract/exports';
import type { CoreContext } from '../context';
import { resolveYear } from '../db/years';
import { hubInYear } from '../db/hubs-in-year';
import { HubdeskError } from '../errors';
import { decodeChartPng } from './png';
import { startJob } from './jobs';
import { writeNetworkExport } from './network-workbook';
import type { ChartImage } from './sheets/types';

export interface StartNetworkExportRequest {
  year?: string;
  layout: 'workbook' | 'zip';
  includeContacts?: boolean;
  networkChartPngBase64?: string;
  hubCharts?: { hubId: number; pngBase64: string }[];
}

/**
 * Checks everything a network export needs before it starts (the year, each chart image, each chart's
 * hub), so bad input is refused at once with its field, then starts the job.
 */
export async function startNetworkExport(ctx: CoreContext, request: StartNetworkExportRequest): Promise<ExportJobStatus> {
  const year = await resolveYear(ctx.db, request.year, ctx.today());
  if (!year) {
    throw new HubdeskError('not_found', request.year ? `There is no membership year ${request.year}.` : 'There are no membership years yet: import a roll or load the demo network.');
  }
  const networkChart = request.networkChartPngBase64 === undefined ? null : decodeChartPng(request.networkChartPngBase64, 'networkChartPngBase64');
  const hubCharts = new Map<number, ChartImage>();
  const charts = request.hubCharts ?? [];
  if (charts.length > 0) {
    const known = new Set((await ctx.db.selectFrom('hubs').select('id').execute()).map((h) => h.id));
    let totalBytes = networkChart?.png.length ?? 0;
    for (const [i, c] of charts.entries()) {
      if (!known.has(c.hubId)) throw new HubdeskError('validation', `hubCharts.${i}.hubId: there is no hub with id ${c.hubId}.`, { issues: [{ path: `hubCharts.${i}.hubId`, message: 'no such hub' }] });
      if (hubCharts.has(c.hubId)) throw new HubdeskError('validation', `hubCharts.${i}.hubId: hub ${c.hubId} has two charts.`, { issues: [{ path: `hubCharts.${i}.hubId`, message: 'given twice' }] });
      const image = decodeChartPng(c.pngBase64, `hubCharts.${i}.pngBase64`);
      totalBytes += image.png.length;
      if (totalBytes > 40 * 1024 * 1024) throw new HubdeskError('validation', 'hubCharts: the chart images add up to more than 40 MB.', { issues: [{ path: 'hubCharts', message: 'more than 40 MB in all' }] });
      hubCharts.set(c.hubId, image);
    }
  }
  const hubs = await ctx.db.selectFrom('hubs').where(hubInYear(year.startDate)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return startJob(Number(hubs.n) + 1, (progress) =>
    writeNetworkExport(ctx, { year: year.label, layout: request.layout, includeContacts: request.includeContacts ?? false, networkChart, hubCharts }, progress),
  );
}
