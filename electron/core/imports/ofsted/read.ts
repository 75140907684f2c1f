/**
 * Reads an Ofsted management-information file (CSV, XLSX or ODS, through the shared file layer) into
 * a header and rows of text cells. Nothing here knows what the columns mean (see columns.ts); it
 * only finds the header row and turns every cell into the text a person would see (dates from a
 * workbook become YYYY-MM-DD).
 */
import { readSpreadsheet } from '../files/read';
import { cellText, type CellValue } from '../files/cells';
import { FileRefused } from '../files/refused';
import type { TextEncoding, UncertainEncoding } from '../files/encoding';
import { headerKey } from './columns';

export type OfstedFileFormat = 'csv' | 'xlsx' | 'ods';

export interface SheetRow {
  /** The row number a person sees in Excel (1 = first line / first worksheet row). */
  row: number;
  cells: string[];
}

export interface OfstedSheet {
  format: OfstedFileFormat;
  encoding: string | null;
  /** Set when a CSV's bytes did not tell its encoding: the rows are only its likeliest reading. */
  encodingUncertain: UncertainEncoding | null;
  sheetName: string | null;
  headerRow: number;
  header: string[];
  rows: SheetRow[];
}

/** How many rows above the header (title rows) are tolerated. */
const HEADER_SEARCH_ROWS = 30;
const URN_HEADER = headerKey('URN');
const ADVICE = "Import Ofsted's file as it was downloaded (.csv or .xlsx), or save it from Excel or LibreOffice as .xlsx or .csv.";

function isHeader(cells: readonly CellValue[]): boolean {
  return cells.some((c) => typeof c === 'string' && headerKey(c) === URN_HEADER);
}

function texts(cells: readonly CellValue[]): string[] {
  const out = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    out[i] = typeof c === 'string' ? c : c === null || c === undefined ? '' : cellText(c);
  }
  return out;
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}

export async function readOfstedFile(fileName: string, bytes: Uint8Array, encoding?: TextEncoding): Promise<OfstedSheet> {
  const workbook = await readSpreadsheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, { advice: ADVICE, csv: true, encoding, blankAsText: true });
  // A CSV's cells are text already (blankAsText); a workbook's are turned into the text a person sees.
  const asText = workbook.format === 'csv' ? (cells: readonly CellValue[]) => cells as string[] : texts;
  for (const sheet of workbook.sheets) {
    const index = sheet.rows.findIndex((r, i) => i < HEADER_SEARCH_ROWS && r.row <= HEADER_SEARCH_ROWS && isHeader(r.cells));
    if (index < 0) continue;
    const headerRow = sheet.rows[index]!;
    return {
      format: workbook.format,
      encoding: workbook.encoding,
      encodingUncertain: workbook.encodingUncertain ?? null,
      sheetName: workbook.format === 'csv' ? null : sheet.name,
      headerRow: headerRow.row,
      header: trimTrailingEmpty(texts(headerRow.cells)),
      rows: sheet.rows.slice(index + 1).map((r) => ({ row: r.row, cells: asText(r.cells) })),
    };
  }
  throw new FileRefused(
    `${fileName} has no header row with a "URN" column in its first ${HEADER_SEARCH_ROWS} rows: it does not look like Ofsted's management-information file.`,
  );
}
