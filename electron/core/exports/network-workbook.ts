import type { ExportFile } from '@shared/contract/exports';
import type { CoreContext } from '../context';
import { networkDashboard } from '../dashboards/network';
import { spendNetwork } from '../spend/queries';
import { loadHubExportData } from './hub-data';
import { addHubSheets, hubFileName, hubWorkbookBytes } from './hub-workbook';
import { addNetworkSheet } from './sheets/network';
import type { ChartImage, HubSheet } from './sheets/types';
import { prefixedSheetNames, safeFileName, yearForFile } from './names';
import { newWorkbook, workbookBytes, XLSX_MIME, ZIP_MIME } from './workbook';
import type { Progress } from './jobs';
import { breathe } from '../breathe';

export interface NetworkExportOptions {
  year: string;
  layout: 'workbook' | 'zip';
  includeContacts: boolean;
  networkChart: ChartImage | null;
  hubCharts: Map<number, ChartImage>;
}

async function networkSheetWorkbook(ctx: CoreContext, options: NetworkExportOptions) {
  const network = await networkDashboard(ctx, { year: options.year });
  const spend = await spendNetwork(ctx, network.year, undefined);
  return { network, spend };
}

/**
 * The network export, as the person chooses: one workbook (the Network sheet, then
 * every hub's seven sheets) or a zip holding the network workbook and one workbook per hub. Reports
 * progress once per hub, then while the file is written.
 */
export async function writeNetworkExport(ctx: CoreContext, options: NetworkExportOptions, progress: Progress): Promise<ExportFile> {
  const { network, spend } = await networkSheetWorkbook(ctx, options);
  const hubs = network.hubs;
  const total = hubs.length + 1;
  const year = network.year;
  const title = `Challenge Partners network dashboard ${year}`;

  if (options.layout === 'workbook') {
    const wb = await newWorkbook(title, ctx.now());
    const taken = new Set<string>(['network']);
    const names = new Map<number, Record<HubSheet, string>>(hubs.map((h) => [h.hubId, prefixedSheetNames(h.name, taken)]));
    addNetworkSheet(wb, network, spend, { chart: options.networkChart, name: 'Network', hubSheet: new Map(hubs.map((h) => [h.hubId, names.get(h.hubId)!.Overview])) });
    for (const [i, hub] of hubs.entries()) {
      progress(i, total, `${hub.name} (${i + 1} of ${hubs.length})`);
      await breathe();
      const data = await loadHubExportData(ctx, { hubId: hub.hubId, year });
      addHubSheets(wb, data, { includeContacts: options.includeContacts, chart: options.hubCharts.get(hub.hubId) ?? null }, names.get(hub.hubId)!);
    }
    progress(hubs.length, total, 'Writing the workbook');
    await breathe();
    const bytes = await workbookBytes(wb);
    return {
      fileName: safeFileName(`Network dashboard ${yearForFile(year)}`, 'xlsx'),
      mime: XLSX_MIME,
      bytes: bytes.length,
      contentBase64: bytes.toString('base64'),
      contents: wb.worksheets.map((w) => w.name),
    };
  }

  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  const files: string[] = [];
  const used = new Set<string>();
  const add = (name: string, bytes: Buffer) => {
    let unique = name;
    for (let n = 2; used.has(unique.toLowerCase()); n += 1) unique = name.replace(/\.xlsx$/, ` (${n}).xlsx`);
    used.add(unique.toLowerCase());
    zip.file(unique, bytes, { binary: true, compression: 'STORE', date: ctx.now() });
    files.push(unique);
  };
  const networkBook = await newWorkbook(title, ctx.now());
  addNetworkSheet(networkBook, network, spend, { chart: options.networkChart, name: 'Network' });
  add(safeFileName(`Network dashboard ${yearForFile(year)}`, 'xlsx'), await workbookBytes(networkBook));
  for (const [i, hub] of hubs.entries()) {
    progress(i, total, `${hub.name} (${i + 1} of ${hubs.length})`);
    await breathe();
    const data = await loadHubExportData(ctx, { hubId: hub.hubId, year });
    const { bytes } = await hubWorkbookBytes(ctx, data, { includeContacts: options.includeContacts, chart: options.hubCharts.get(hub.hubId) ?? null });
    add(hubFileName(hub.name, year), bytes);
  }
  progress(hubs.length, total, 'Writing the zip');
  await breathe();
  const bytes = await zip.generateAsync({ type: 'nodebuffer', platform: 'DOS' });
  return {
    fileName: safeFileName(`Hub dashboards ${yearForFile(year)}`, 'zip'),
    mime: ZIP_MIME,
    bytes: bytes.length,
    contentBase64: bytes.toString('base64'),
    contents: files,
  };
}
