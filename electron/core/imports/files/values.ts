import { isBlank, type CellValue } from './cells';
import { isoOf, numericDate, pairToIso, serialToIso, type DateOrder } from './dates';

/** Cleaning of single cells every importer shares: text, URNs, dates. */

/** Cleaning of one cell: the value, or why a person would question it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const bad = (message: string): Parsed<never> => ({ ok: false, message });

export function errorMessage(value: { error: string }): string {
  return value.error ? `the cell holds the error ${value.error}` : 'the cell holds a formula whose result is an error or was not saved (open the file in Excel, fix the formula and save it)';
}

/** Trimmed text (inner spacing kept as written); null for a blank cell. Errors are refused. */
export function cleanText(value: CellValue): Parsed<string | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'object' && value !== null && 'error' in value) return bad(errorMessage(value));
  if (typeof value === 'object' && value !== null) return ok(value.date);
  const text = String(value).replace(/^[\u00a0\s]+|[\u00a0\s]+$/g, '');
  return ok(text === '' ? null : text);
}

/** URNs: 6 digits, typed as a number, as text, or with Excel's leading apostrophe. */
export function parseUrn(value: CellValue): Parsed<string> {
  if (isBlank(value)) return bad('the URN is missing');
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return bad(`"${value}" is not a URN (a URN is 6 digits)`);
    value = String(value);
  }
  const text = cleanText(value);
  if (!text.ok) return text;
  const raw = text.value!.replace(/^['‘’`]/, '').trim();
  if (!/^\d+$/.test(raw)) return bad(`"${text.value}" is not a URN (a URN is 6 digits)`);
  if (raw.length !== 6) return bad(`URN "${raw}" has ${raw.length} digits; a URN has 6`);
  return ok(raw);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date: a date cell, a workbook day number, ISO (2025-09-01), year first with slashes
 * (2025/09/01), day and month in the column's order (01/09/2025: day first unless the column's
 * values say month first), or with the month in words (1 Sep 2025). Two-digit years are 20xx.
 */
export function parseDate(value: CellValue, order: DateOrder = 'dmy'): Parsed<string | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'object' && value !== null) return 'date' in value ? ok(value.date) : bad(errorMessage(value));
  if (typeof value === 'number') {
    const iso = Number.isInteger(value) && value >= 1 ? serialToIso(value) : null;
    return iso ? ok(iso) : bad(`${value} is not a date`);
  }
  const t = String(value).trim();
  const n = numericDate(t);
  if (n?.kind === 'iso') return n.iso ? ok(n.iso) : bad(`"${t}" is not a real date`);
  if (n?.kind === 'pair') {
    const iso = pairToIso(n, order);
    return iso ? ok(iso) : bad(`"${t}" is not a real date (dates in this column are read ${order === 'dmy' ? 'day/month/year' : 'month/day/year'})`);
  }
  const m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-]+(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = month > 0 ? isoOf(y, month, Number(m[1])) : null;
    return iso ? ok(iso) : bad(`"${t}" is not a real date`);
  }
  if (/^\d+(\.0+)?$/.test(t)) {
    const iso = serialToIso(Number(t));
    if (iso && Number(t) >= 1) return ok(iso);
  }
  return bad(`"${t}" is not a date (use a date like 01/09/2025)`);
}
