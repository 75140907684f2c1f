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

export type FileFormat = 'xlsx' | 'ods' | 'csv';

export interface RawWorkbook {
  format: FileFormat;
  /** CSV only: the text encoding and separator found. */
  encoding: string | null;
  delimiter: string | null;
  /** In workbook order. */
  sheets: RawSheet[];
}

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** How a cell reads as text (for headers, the error report and messages); dates as YYYY-MM-DD. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('date' in value) return value.date;
  return value.error || '(formula with no saved result)';
}

/** Column letters → number: A → 1, AB → 28 (0 when the text has none). */
export function columnNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

/** A cell reference (A1, $B$7) → row and column, 0 where absent. */
export function decodeRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return { row: 0, col: 0 };
  return { row: Number(m[2]), col: columnNumber(m[1]!) };
}

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Every cell of a merged range gets the value of its top-left cell (what a person sees). */
export function fillMerges(rows: RawRow[], merges: readonly MergedRange[]): RawRow[] {
  if (merges.length === 0) return rows;
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  for (const m of merges) {
    if (m.bottom - m.top > 10_000 || m.right - m.left > 1_000) continue; // a whole-column merge holds no data to spread
    const master = byNumber.get(m.top)?.cells[m.left - 1] ?? null;
    if (master === null) continue;
    for (let r = m.top; r <= m.bottom; r += 1) {
      let row = byNumber.get(r);
      if (!row) {
        row = { row: r, cells: [] };
        byNumber.set(r, row);
      }
      for (let c = m.left; c <= m.right; c += 1) if (r !== m.top || c !== m.left) row.cells[c - 1] = master;
    }
  }
  return [...byNumber.values()].sort((a, b) => a.row - b.row).map((r) => ({ row: r.row, cells: Array.from(r.cells, (c) => c ?? null) }));
}
