import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../exceljs';
import { checkRowLimits } from './excel-limits';

/** A new workbook with its document properties (title, author, created) set. */
export async function newWorkbook(title: string, now: Date): Promise<ExcelJS.Workbook> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.title = title;
  wb.subject = title;
  wb.creator = 'Challenge Partners (hubdesk)';
  wb.lastModifiedBy = 'Challenge Partners (hubdesk)';
  wb.company = 'Challenge Partners';
  wb.created = now;
  wb.modified = now;
  wb.calcProperties = { fullCalcOnLoad: false };
  return wb;
}

/** The workbook as bytes (exceljs's default font is the house font, Calibri 11), refused if a sheet is longer than Excel opens. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  checkRowLimits(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_MIME = 'application/zip';
