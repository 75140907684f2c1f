import type { PageSetup, Worksheet } from 'exceljs';
import type { GradeTone } from '@shared/domain/ofsted';
import { sumPence } from '@shared/domain/money';
import { paint, putCount, putDate, putGrade, putMoney, putText, putYesNo } from './cells';
import { COLOURS, font, WIDTHS } from './style';

/** One column of a table: its header, the kind of value (which decides format and width) and the getter. */
export type Column<R> =
  | { header: string; kind: 'text' | 'long'; width?: number; get(row: R): string | null | undefined; colour?(row: R): { ink: string; fill: string } | undefined }
  | { header: string; kind: 'money' | 'count'; width?: number; total?: boolean; get(row: R): number | null | undefined }
  | { header: string; kind: 'date'; width?: number; get(row: R): string | null | undefined }
  | { header: string; kind: 'grade'; width?: number; get(row: R): string | null | undefined; label?(row: R): string | null | undefined }
  | { header: string; kind: 'yesno'; width?: number; tones?: { yes?: GradeTone; no?: GradeTone }; get(row: R): boolean | null | undefined };

const DEFAULT_WIDTH: Record<Column<unknown>['kind'], number> = {
  text: WIDTHS.text,
  long: WIDTHS.long,
  money: WIDTHS.money,
  count: WIDTHS.count,
  date: WIDTHS.date,
  grade: WIDTHS.grade,
  yesno: 8,
};

export interface TablePlacement {
  headerRow: number;
  firstDataRow: number;
  /** The last data row (the header row when there are no rows). */
  lastDataRow: number;
  /** The last row written (the totals row when there is one). */
  lastRow: number;
  lastColumn: number;
}

export function styleHeaderRow(ws: Worksheet, row: number, columns: number): void {
  const r = ws.getRow(row);
  for (let c = 1; c <= columns; c += 1) {
    const cell = r.getCell(c);
    cell.font = font({ bold: true, color: { argb: `FF${COLOURS.ink}` } });
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${COLOURS.headerFill}` } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: `FF${COLOURS.brand}` } } };
  }
}

/** Lines a wrapped text takes in a column `width` characters wide (a generous estimate). */
function linesIn(text: string, width: number): number {
  const usable = Math.max(4, width - 1);
  return text.split(/\r\n|\r|\n/).reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.05) / usable)), 0);
}

/**
 * Row heights for wrapped text: spreadsheets do not grow a row to fit when they open a file, so each
 * row with wrapped cells gets the height its longest cell needs.
 */
export function fitRowHeights(ws: Worksheet, fromRow: number, toRow: number): void {
  for (let r = fromRow; r <= toRow; r += 1) {
    const row = ws.getRow(r);
    let lines = 1;
    row.eachCell((cell, col) => {
      if (!cell.alignment?.wrapText || typeof cell.value !== 'string') return;
      lines = Math.max(lines, linesIn(cell.value, ws.getColumn(col).width ?? 9));
    });
    const height = Math.ceil(lines * 14.5 + 3);
    if (lines > 1 && (row.height ?? 0) < height) row.height = height;
  }
}

/** A bold title line above a section of a sheet. */
export function sectionTitle(ws: Worksheet, row: number, text: string): void {
  const cell = ws.getCell(row, 1);
  putText(cell, text);
  cell.font = font({ bold: true, size: 12, color: { argb: `FF${COLOURS.brand}` } });
}

/** A muted note line (sources, "as at" dates, what was left out). */
export function noteLine(ws: Worksheet, row: number, text: string): void {
  const cell = ws.getCell(row, 1);
  putText(cell, text);
  cell.font = font({ italic: true, color: { argb: `FF${COLOURS.inkSoft}` } });
}

/**
 * Writes a header row and one row per item from `startRow`; money and count columns marked `total`
 * get a bold totals row, summed exactly in pence (sumPence) — no spreadsheet formulas anywhere.
 * Column widths grow to fit the kind of value (never shrink a wider column set by another section).
 */
export function writeTable<R>(ws: Worksheet, startRow: number, columns: readonly Column<R>[], rows: readonly R[], options: { totalsLabel?: string } = {}): TablePlacement {
  columns.forEach((col, i) => {
    const wsCol = ws.getColumn(i + 1);
    const width = col.width ?? DEFAULT_WIDTH[col.kind];
    if ((wsCol.width ?? 0) < width) wsCol.width = width;
    putText(ws.getCell(startRow, i + 1), col.header);
  });
  styleHeaderRow(ws, startRow, columns.length);
  let rowNumber = startRow;
  for (const item of rows) {
    rowNumber += 1;
    const row = ws.getRow(rowNumber);
    columns.forEach((col, i) => {
      const cell = row.getCell(i + 1);
      switch (col.kind) {
        case 'text':
          putText(cell, col.get(item));
          if (col.colour && cell.value !== null) paint(cell, col.colour(item));
          break;
        case 'long':
          putText(cell, col.get(item));
          cell.alignment = { wrapText: true, vertical: 'top' };
          break;
        case 'money':
          putMoney(cell, col.get(item));
          break;
        case 'count':
          putCount(cell, col.get(item));
          break;
        case 'date':
          putDate(cell, col.get(item));
          break;
        case 'grade':
          putGrade(cell, col.get(item), col.label?.(item));
          break;
        case 'yesno':
          putYesNo(cell, col.get(item), col.tones);
          break;
      }
      if (cell.alignment?.vertical === undefined) cell.alignment = { ...cell.alignment, vertical: 'top' };
    });
  }
  const lastDataRow = rowNumber;
  const hasTotals = columns.some((c) => (c.kind === 'money' || c.kind === 'count') && c.total);
  if (hasTotals && rows.length > 0) {
    rowNumber += 1;
    const row = ws.getRow(rowNumber);
    putText(row.getCell(1), options.totalsLabel ?? 'Total');
    columns.forEach((col, i) => {
      if ((col.kind === 'money' || col.kind === 'count') && col.total) {
        const values = rows.map((r) => col.get(r) ?? 0);
        if (col.kind === 'money') putMoney(row.getCell(i + 1), sumPence(values));
        else putCount(row.getCell(i + 1), values.reduce((n, v) => n + v, 0));
      }
    });
    for (let c = 1; c <= columns.length; c += 1) {
      const cell = row.getCell(c);
      cell.font = font({ ...cell.font, bold: true });
      cell.border = { top: { style: 'thin', color: { argb: `FF${COLOURS.line}` } } };
    }
  }
  fitRowHeights(ws, startRow, rowNumber);
  return { headerRow: startRow, firstDataRow: startRow + 1, lastDataRow, lastRow: rowNumber, lastColumn: columns.length };
}

/** Excel refuses a page header or footer longer than 255 characters (codes included): the title part stays well inside it. */
const HEADER_TITLE_MAX = 80;

/** Escapes a text for a page header/footer, where & starts a code, and shortens it to fit. */
function headerText(text: string): string {
  const short = text.length > HEADER_TITLE_MAX ? `${text.slice(0, HEADER_TITLE_MAX - 1)}…` : text;
  return short.replace(/&/g, '&&').replace(/[\r\n\t]+/g, ' ');
}

/**
 * The craft every sheet gets: the header row frozen and repeated on every printed page, an autofilter
 * over the main table, landscape A4 fitted to the page width, and a page header naming the workbook.
 */
export function finishSheet(
  ws: Worksheet,
  options: { table: TablePlacement | null; freezeRows?: number; printTitle: string; autoFilter?: boolean; repeatHeader?: boolean },
): void {
  const { table } = options;
  const freeze = options.freezeRows ?? table?.headerRow ?? 0;
  ws.views = [freeze > 0 ? { state: 'frozen', xSplit: 0, ySplit: freeze, topLeftCell: `A${freeze + 1}`, activeCell: `A${freeze + 1}` } : { state: 'normal' }];
  if (table && options.autoFilter !== false) {
    // The filter covers the data rows only (a totals row stays put below them).
    ws.autoFilter = { from: { row: table.headerRow, column: 1 }, to: { row: table.lastDataRow, column: table.lastColumn } };
  }
  // A wide table goes on A3 so its print stays readable once fitted to the page width.
  let width = 0;
  for (let c = 1; c <= ws.columnCount; c += 1) width += ws.getColumn(c).width ?? 9;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    // 8 = A3, 9 = A4 (exceljs's PaperSize enum lacks A3).
    paperSize: (width > 230 ? 8 : 9) as unknown as PageSetup['paperSize'],
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(table && options.repeatHeader !== false ? { printTitlesRow: `${table.headerRow}:${table.headerRow}` } : {}),
  };
  ws.headerFooter = {
    oddHeader: `&L&"${'Calibri'},Bold"${headerText(options.printTitle)}&R${headerText(ws.name)}`,
    oddFooter: '&LChallenge Partners · hubdesk&RPage &P of &N',
  };
}
