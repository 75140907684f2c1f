/** A spreadsheet as the importers see it, whatever file it came from. */

/** One cell: text, a number, a truth value, a date (ISO), an error (#REF!, or '' for a formula with no saved result), or empty. */
export type CellValue = null | string | number | boolean | { date: string } | { error: string };

export interface RawRow {
  /** Row number as the spreadsheet shows it (1-based). */
  row: number;
  /** cells[0] is column A. */
  cells: CellValue[];
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
}

export interface RawWorkbook {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  delimiter: string | null;
  /** In workbook order. */
  sheets: RawSheet[];
}

/** A problem with the file as a whole: it cannot be read at all. */
export class UnreadableFileError extends Error {}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** How a cell reads as text (for headers, the error report and messages). */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('date' in value) return value.date;
  return value.error || '(formula with no saved result)';
}
