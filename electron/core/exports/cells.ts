import type { Cell } from 'exceljs';
import { penceToPoundsString } from '@shared/domain/money';
import { gradeTone, type GradeTone } from '@shared/domain/ofsted';
import { COUNT_FORMAT, DATE_FORMAT, font, MONEY_FORMAT, TONE_COLOURS } from './style';
import { cellText, looksLikeFormula, TEXT_FORMAT } from './text-safety';
import { fitCellText } from './excel-limits';

/**
 * Typed cell writers: every value an exporter writes goes through one of these, so money, dates and
 * text are written the same way on every sheet.
 */

/**
 * Text, exactly as stored, always a string cell; formula-like text also gets the Text format
 * (text-safety.ts); a text longer than a cell holds is cut with a visible "… (truncated)" (excel-limits.ts).
 */
export function putText(cell: Cell, text: string | null | undefined): void {
  if (text === null || text === undefined || text === '') {
    cell.value = null;
    return;
  }
  const raw = String(text);
  cell.value = fitCellText(cellText(raw));
  if (looksLikeFormula(raw) || looksLikeFormula(cell.value)) cell.numFmt = TEXT_FORMAT;
}

/**
 * Pence as pounds. The number is read from penceToPoundsString (exact decimal text, two places) so it
 * is the double nearest the exact amount — never the result of float arithmetic on pounds.
 */
export function poundsValue(pence: number): number {
  return Number(penceToPoundsString(pence));
}

export function putMoney(cell: Cell, pence: number | null | undefined): void {
  cell.value = pence === null || pence === undefined ? null : poundsValue(pence);
  cell.numFmt = MONEY_FORMAT;
  cell.alignment = { ...cell.alignment, horizontal: 'right' };
}

export function putCount(cell: Cell, n: number | null | undefined): void {
  cell.value = n === null || n === undefined ? null : n;
  cell.numFmt = COUNT_FORMAT;
  cell.alignment = { ...cell.alignment, horizontal: 'right' };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** An ISO date (or timestamp: its day) as a real Excel date at UTC midnight, so the serial is a whole day. */
export function excelDate(iso: string): Date {
  const m = ISO_DAY.exec(iso);
  if (!m) throw new Error(`"${iso}" is not a date like 2026-11-23`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== iso.slice(0, 10)) throw new Error(`"${iso}" is not a real calendar date`);
  return d;
}

export function putDate(cell: Cell, iso: string | null | undefined): void {
  cell.value = iso ? excelDate(iso) : null;
  cell.numFmt = DATE_FORMAT;
}

export function toneFill(cell: Cell, tone: GradeTone): void {
  const c = TONE_COLOURS[tone];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill}` } };
  cell.font = font({ ...cell.font, color: { argb: `FF${c.ink}` }, bold: tone !== 'neutral' });
}

/**
 * A grade: the words shown (`label`, e.g. 'Good' for '2') coloured by the stored grade's tone — the
 * app's one colour scale (gradeTone). Empty cells stay uncoloured.
 */
export function putGrade(cell: Cell, grade: string | null | undefined, label?: string | null): void {
  const shown = label ?? grade;
  putText(cell, shown);
  if (shown) toneFill(cell, gradeTone(grade ?? shown));
}

export function putYesNo(cell: Cell, value: boolean | null | undefined, tones?: { yes?: GradeTone; no?: GradeTone }): void {
  if (value === null || value === undefined) {
    cell.value = null;
    return;
  }
  cell.value = value ? 'Yes' : 'No';
  const tone = value ? tones?.yes : tones?.no;
  if (tone) toneFill(cell, tone);
}

/** Colours a cell with an explicit ink/fill pair (status chips, Ofsted profile buckets). */
export function paint(cell: Cell, colours: { ink: string; fill: string } | undefined): void {
  if (!colours) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colours.fill}` } };
  cell.font = font({ ...cell.font, color: { argb: `FF${colours.ink}` }, bold: true });
}
