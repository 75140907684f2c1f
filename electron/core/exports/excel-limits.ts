import type { AddWorksheetOptions, Workbook, Worksheet } from 'exceljs';
import { HubdeskError } from '../errors';

/**
 * Excel's limits, kept in every workbook hubdesk writes: a cell holds at most 32,767 characters, a
 * sheet name at most 31 (none of [ ] : * ? / \, unique in its workbook regardless of case), a sheet
 * at most 1,048,576 rows. A workbook beyond them is "repaired" by Excel on opening, which drops
 * the offending content without saying what.
 */
export const EXCEL_MAX_CELL_TEXT = 32_767;
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_SHEET_NAME = 31;
/** Ends a cut text, so a reader sees that more was there. */
export const TRUNCATED_SUFFIX = '… (truncated)';

/** A text as a cell can hold it: cut to 32,767 characters (UTF-16 units, as Excel counts) with a visible "… (truncated)". */
export function fitCellText(text: string): string {
  if (text.length <= EXCEL_MAX_CELL_TEXT) return text;
  let cut = EXCEL_MAX_CELL_TEXT - TRUNCATED_SUFFIX.length;
  // Never split a character made of two UTF-16 units (an emoji, a rare CJK character).
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}${TRUNCATED_SUFFIX}`;
}

const SHEET_FORBIDDEN = /[\\/?*[\]:\u0000-\u001f]/g;

/** A sheet name Excel accepts, unique in `taken` (names compared case-insensitively, as Excel does). */
export function fitSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  // Excel also refuses a name that starts or ends with an apostrophe, and reserves "History".
  let base = wanted.replace(SHEET_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (base === '' || base.toLowerCase() === 'history') base = base === '' ? 'Sheet' : `${base} sheet`;
  let name = base.slice(0, EXCEL_MAX_SHEET_NAME).trim();
  for (let n = 2; lower.has(name.toLowerCase()); n += 1) {
    const tag = ` (${n})`;
    name = `${base.slice(0, EXCEL_MAX_SHEET_NAME - tag.length).trim()}${tag}`;
  }
  return name;
}

/** Adds a worksheet under a name Excel accepts (the one place hubdesk's exports add sheets). */
export function addSheet(wb: Workbook, wanted: string, options?: Partial<AddWorksheetOptions>): Worksheet {
  return wb.addWorksheet(fitSheetName(wanted, wb.worksheets.map((w) => w.name)), options);
}

/**
 * Refuses a workbook with a sheet longer than Excel can open, saying which and by how much: an
 * export that large needs narrowing (one hub, one year) rather than a file Excel would cut short.
 */
export function checkRowLimits(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    if (ws.rowCount > EXCEL_MAX_ROWS) {
      throw new HubdeskError(
        'validation',
        `The sheet "${ws.name}" would have ${ws.rowCount.toLocaleString('en-GB')} rows; Excel opens at most ${EXCEL_MAX_ROWS.toLocaleString('en-GB')}. Export fewer hubs or one year at a time.`,
      );
    }
  }
}
