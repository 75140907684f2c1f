import type ExcelJS from 'exceljs';
import type { CoreContext } from '../context';
import type { ExportFile } from '@shared/contract/exports';
import { loadHubExportData, type HubExportData } from './hub-data';
import { addOverviewSheet } from './sheets/overview';
import { addSchoolsSheet } from './sheets/schools';
import { addOfstedSheet } from './sheets/ofsted';
import { addQaSheet } from './sheets/qa';
import { addPointsSheet } from './sheets/points';
import { addReviewersSheet } from './sheets/reviewers';
import { addFundingSheet } from './sheets/funding';
import type { ChartImage, HubSheet } from './sheets/types';
import { hubSheetNames, safeFileName, yearForFile } from './names';
import { newWorkbook, workbookBytes, XLSX_MIME } from './workbook';

export interface HubExportOptions {
  includeContacts: boolean;
  chart: ChartImage | null;
}

/** Adds a hub's seven sheets to a workbook, under the given names. */
export function addHubSheets(wb: ExcelJS.Workbook, data: HubExportData, options: HubExportOptions, names: Record<HubSheet, string>): void {
  const c = { wb, data, includeContacts: options.includeContacts, chart: options.chart, names, printTitle: `${data.dashboard.hub.name} · ${data.dashboard.year}` };
  addOverviewSheet(c);
  addSchoolsSheet(c);
  addOfstedSheet(c);
  addQaSheet(c);
  addPointsSheet(c);
  addReviewersSheet(c);
  addFundingSheet(c);
}

export function hubFileName(hub: string, year: string): string {
  return safeFileName(`${hub} dashboard ${yearForFile(year)}`, 'xlsx');
}

/** One hub's workbook as bytes, from data already loaded. */
export async function hubWorkbookBytes(ctx: CoreContext, data: HubExportData, options: HubExportOptions): Promise<{ bytes: Buffer; sheets: string[] }> {
  const wb = await newWorkbook(`${data.dashboard.hub.name} — hub dashboard ${data.dashboard.year}`, ctx.now());
  addHubSheets(wb, data, options, hubSheetNames());
  return { bytes: await workbookBytes(wb), sheets: wb.worksheets.map((w) => w.name) };
}

/** The hub workbook for its Senior Partner: loads the hub's figures and writes its seven sheets. */
export async function exportHubWorkbook(
  ctx: CoreContext,
  request: { hubId?: number; hubName?: string; year?: string },
  options: HubExportOptions,
): Promise<ExportFile> {
  const data = await loadHubExportData(ctx, request);
  const { bytes, sheets } = await hubWorkbookBytes(ctx, data, options);
  return {
    fileName: hubFileName(data.dashboard.hub.name, data.dashboard.year),
    mime: XLSX_MIME,
    bytes: bytes.length,
    contentBase64: bytes.toString('base64'),
    contents: sheets,
  };
}
