import { fieldForHeader, headerSignature } from './fields';
import { cellText, isBlank, type RawSheet } from '../files/cells';

/** How far down a sheet the header row is looked for (below title and blank rows). */
export const HEADER_SEARCH_ROWS = 30;
/** A row naming at least this many roll fields is taken as the header. */
const MIN_RECOGNISED = 2;

export interface LocatedHeader {
  /** Index into sheet.rows. */
  index: number;
  /** Row number as the spreadsheet shows it. */
  row: number;
  headers: string[];
  /** True when the row was recognised (known header spellings or a remembered mapping). */
  recognised: boolean;
  remembered: boolean;
}

function headersOf(cells: readonly unknown[]): string[] {
  const texts = (cells as Parameters<typeof cellText>[0][]).map((c) => cellText(c).replace(/\s+/g, ' ').trim());
  let end = texts.length;
  while (end > 0 && texts[end - 1] === '') end -= 1;
  return texts.slice(0, end);
}

/** The header row of a sheet: the row among the first 30 naming the most roll fields (or a remembered header row). */
export function locateHeader(sheet: RawSheet, rememberedSignatures: ReadonlySet<string>): LocatedHeader | null {
  let best: LocatedHeader | null = null;
  let bestScore = 0;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i += 1) {
    const headers = headersOf(sheet.rows[i]!.cells);
    if (headers.length === 0) continue;
    const remembered = rememberedSignatures.has(headerSignature(headers));
    const score = remembered ? 1000 : new Set(headers.map(fieldForHeader).filter((f) => f !== null)).size;
    if (score >= MIN_RECOGNISED && score > bestScore) {
      best = { index: i, row: sheet.rows[i]!.row, headers, recognised: true, remembered };
      bestScore = score;
    }
  }
  if (best) return best;
  // Nothing recognised: the first row with two or more text cells is offered for mapping by hand.
  for (let i = 0; i < limit; i += 1) {
    const cells = sheet.rows[i]!.cells;
    if (cells.filter((c) => typeof c === 'string' && !isBlank(c)).length >= 2) {
      return { index: i, row: sheet.rows[i]!.row, headers: headersOf(cells), recognised: false, remembered: false };
    }
  }
  return null;
}
