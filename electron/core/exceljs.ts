import type ExcelJSModule from 'exceljs';

/**
 * exceljs, loaded the first time a workbook is read or written rather than when the app starts:
 * with what it brings (zip, streams, XML) it is a good part of the start-up otherwise.
 */
export async function loadExcelJs(): Promise<typeof ExcelJSModule> {
  return (await import('exceljs')).default;
}
