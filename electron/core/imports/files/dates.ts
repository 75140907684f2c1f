/**
 * Dates as spreadsheets and CSV files write them. A workbook's date cell is a day count (1900 or 1904
 * system); text dates are ISO (2025-09-01), year first with slashes (2025/09/01), or day and month
 * in an order the file does not state (01/09/2025 in the UK, 09/01/2025 in the US): that order is
 * decided per column from the values (see dateOrderOf).
 */

export type DateOrder = 'dmy' | 'mdy';

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 system is 1899-12-30 (its 1900 leap-year bug included); of the 1904 system, 1904-01-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCFullYear(y);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A workbook's day count → ISO date (the time of day dropped); null outside years 1900–9999. */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** A date in text with numbers only: `2025-09-01`, `2025/09/01`, or day and month in either order. */
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const TWO_PARTS_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

export type NumericDate = { kind: 'iso'; iso: string | null } | { kind: 'pair'; a: number; b: number; year: number };

/** Reads the numbers of a text date; `pair` leaves the day/month order to the caller. Two-digit years are 20xx. */
export function numericDate(text: string): NumericDate | null {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) return { kind: 'iso', iso: isoOf(Number(m[1]), Number(m[2]), Number(m[3])) };
  m = TWO_PARTS_FIRST.exec(t);
  if (m) return { kind: 'pair', a: Number(m[1]), b: Number(m[2]), year: m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]) };
  return null;
}

/** The ISO date of a day/month pair in the given order, or null when it is not a real date. */
export function pairToIso(d: { a: number; b: number; year: number }, order: DateOrder): string | null {
  return order === 'dmy' ? isoOf(d.year, d.b, d.a) : isoOf(d.year, d.a, d.b);
}

/**
 * How a column writes its dates, from its values: a first number over 12 means day first, a
 * second number over 12 means month first (the first such value decides). 'ambiguous' when no
 * value decides (every day ≤ 12); null when the column holds no day/month dates at all.
 */
export function dateOrderOf(values: Iterable<string>): { order: DateOrder | 'ambiguous'; decidedBy: string | null } | null {
  let seen = false;
  for (const v of values) {
    const d = numericDate(v);
    if (!d || d.kind !== 'pair') continue;
    seen = true;
    if (d.a > 12 && d.b <= 12) return { order: 'dmy', decidedBy: v.trim() };
    if (d.b > 12 && d.a <= 12) return { order: 'mdy', decidedBy: v.trim() };
  }
  return seen ? { order: 'ambiguous', decidedBy: null } : null;
}

export const DATE_ORDER_LABEL: Record<DateOrder, string> = { dmy: 'day first (01/09/2025 is 1 September)', mdy: 'month first (09/01/2025 is 1 September)' };
