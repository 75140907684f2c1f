/**
 * Reads an Ofsted management-information file (CSV or XLSX) into a header and rows of text cells.
 * Nothing here knows what the columns mean (see columns.ts); it only finds the header row and turns
 * every cell into the text a person would see (dates from Excel become YYYY-MM-DD).
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { looksBinary } from '../roll/read-csv';
import { checkRowCount, checkWorkbookExpansion, ImportLimitError, IMPORT_LIMITS } from '../limits';
import { decodeText, type TextEncodingName } from './decode';
import { headerKey } from './columns';

export type OfstedFileFormat = 'csv' | 'xlsx';

export interface SheetRow {
  /** The row number a person sees in Excel (1 = first line / first worksheet row). */
  row: number;
  cells: string[];
}

export interface OfstedSheet {
  format: OfstedFileFormat;
  encoding: TextEncodingName | null;
  sheetName: string | null;
  headerRow: number;
  header: string[];
  rows: SheetRow[];
}

/** A problem with the file as a whole (not one row): it cannot be read at all. */
export class OfstedFileError extends Error {}

/** How many rows above the header (title rows) are tolerated. */
const HEADER_SEARCH_ROWS = 30;
const URN_HEADER = headerKey('URN');

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Decides the format from the content (a .csv that is really a workbook is read as one), then the name. */
export function detectFormat(fileName: string, bytes: Uint8Array): OfstedFileFormat {
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new OfstedFileError(`${fileName} is an old Excel (.xls) workbook: save it as .xlsx or .csv and import that.`);
  }
  if (/\.xlsx$/i.test(fileName)) throw new OfstedFileError(`${fileName} is named .xlsx but is not an Excel workbook.`);
  return 'csv';
}

export async function readOfstedFile(fileName: string, bytes: Uint8Array): Promise<OfstedSheet> {
  if (bytes.length === 0) throw new OfstedFileError(`${fileName} is empty.`);
  return detectFormat(fileName, bytes) === 'xlsx' ? readXlsx(fileName, bytes) : readCsv(fileName, bytes);
}

function isHeader(cells: string[]): boolean {
  return cells.some((c) => headerKey(c) === URN_HEADER);
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}

/* ------------------------------------------------------------------ CSV */

function readCsv(fileName: string, bytes: Uint8Array): OfstedSheet {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) throw new OfstedFileError(`${fileName} is not a text (CSV) file: it contains binary data. Import Ofsted's file as it was downloaded (.csv or .xlsx).`);
  let records: string[][];
  try {
    // Reads one line past the limit, to know whether the file is longer than it.
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: false, bom: true, to_line: IMPORT_LIMITS.maxRows + HEADER_SEARCH_ROWS + 1 }) as string[][];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new OfstedFileError(`${fileName} could not be read as CSV${e.lines ? ` (near line ${e.lines})` : ''}: ${e.message}`);
  }
  const headerIndex = records.slice(0, HEADER_SEARCH_ROWS).findIndex(isHeader);
  if (headerIndex < 0) throw noHeader(fileName);
  limited(() => checkRowCount(records.length - headerIndex - 1, fileName, null));
  const header = trimTrailingEmpty(records[headerIndex]!);
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) rows.push({ row: i + 1, cells: records[i]! });
  return { format: 'csv', encoding, sheetName: null, headerRow: headerIndex + 1, header, rows };
}

/** Runs a limit check, turning its refusal into this importer's file error. */
function limited(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof ImportLimitError || (error instanceof Error && /damaged or incomplete/.test(error.message))) throw new OfstedFileError(error.message);
    throw error;
  }
}

function noHeader(fileName: string): OfstedFileError {
  return new OfstedFileError(
    `${fileName} has no header row with a "URN" column in its first ${HEADER_SEARCH_ROWS} rows: it does not look like Ofsted's management-information file.`,
  );
}

/* ------------------------------------------------------------------ XLSX */

function isoFromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The text of an exceljs cell value: what the cell shows, as plain text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoFromDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('result' in v) return cellText(v.result);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if (typeof v.error === 'string') return v.error;
    if ('text' in v) return cellText(v.text);
  }
  return String(value);
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<OfstedSheet> {
  limited(() => checkWorkbookExpansion(Buffer.from(bytes), fileName));
  const reader = new (await loadExcelJs()).stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let found: OfstedSheet | null = null;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      let header: string[] | null = null;
      let headerRow = 0;
      const rows: SheetRow[] = [];
      for await (const row of ws) {
        if (found) continue; // drain the rest of the workbook without keeping it
        const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        if (header === null) {
          if (row.number > HEADER_SEARCH_ROWS) continue;
          if (isHeader(cells)) {
            header = trimTrailingEmpty(cells);
            headerRow = row.number;
          }
          continue;
        }
        rows.push({ row: row.number, cells });
        limited(() => checkRowCount(rows.length, fileName, ws.name ?? null));
      }
      if (!found && header !== null) {
        found = { format: 'xlsx', encoding: null, sheetName: ws.name ?? null, headerRow, header, rows };
      }
    }
  } catch (error) {
    if (error instanceof OfstedFileError) throw error;
    throw new OfstedFileError(`${fileName} could not be read as an Excel workbook: ${(error as Error).message}`);
  }
  if (!found) throw noHeader(fileName);
  return found;
}
