/**
 * Money: always integer pence, held in a `number` that is a safe integer.
 *
 * - Arithmetic on pence is integer arithmetic (exact for safe integers).
 * - Parsing text and any division or percentage go through decimal.js, never binary floating point
 *   on pounds.
 * - Display: `£1,234.56`. **Decision**: a negative amount is shown with a true minus sign
 *   (U+2212) before the pound sign: `−£12.00`. It reads correctly and cannot be mistaken for a
 *   hyphen in prose. Exports use `penceToPoundsString`, which writes an ASCII hyphen-minus
 *   (`-12.00`) so that Excel and CSV readers see a number.
 */
import Decimal from 'decimal.js';

/** A private decimal.js constructor, so global configuration elsewhere cannot change our rounding. */
export const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** The minus sign used in display (U+2212). */
export const MINUS_SIGN = '\u2212';

/** Throws unless `n` is a whole number of pence that a JavaScript number holds exactly. */
export function assertPence(n: unknown, what = 'amount'): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new Error(`${what} must be a whole number of pence, got ${String(n)}`);
  }
}

/** True when `n` is a whole number of pence that a JavaScript number holds exactly. */
export function isPence(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function splitPence(p: number): { negative: boolean; pounds: string; pence: string } {
  assertPence(p);
  const abs = Math.abs(p);
  return {
    negative: p < 0,
    pounds: String(Math.floor(abs / 100)),
    pence: String(abs % 100).padStart(2, '0'),
  };
}

/** `123456` → `£1,234.56`; `-1200` → `−£12.00` (U+2212); `0` → `£0.00`. */
export function formatPence(p: number): string {
  const { negative, pounds, pence } = splitPence(p);
  return `${negative ? MINUS_SIGN : ''}£${groupThousands(pounds)}.${pence}`;
}

/** `123456` → `1234.56`; `-1200` → `-12.00` (ASCII hyphen-minus, no £, no commas): exact, for CSV and Excel. */
export function penceToPoundsString(p: number): string {
  const { negative, pounds, pence } = splitPence(p);
  return `${negative ? '-' : ''}${pounds}.${pence}`;
}

const PLAIN_DECIMAL = /^([+\-\u2212]?)(\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Strict parse of a plain decimal number of pounds into pence: `1234.56`, `-12`, `0.5`, `+3`.
 * No `£`, no thousands commas, no exponent: people's text goes through `parseTypedAmount`
 * (money-parse.ts). Throws on anything else, on more than 2 decimal places, and on amounts
 * too large to hold exactly.
 */
export function poundsToPence(text: string): number {
  const trimmed = text.trim();
  const m = PLAIN_DECIMAL.exec(trimmed);
  if (!m) throw new Error(`"${text}" is not an amount in pounds (expected a number like 1234.56)`);
  const sign = m[1] === '-' || m[1] === MINUS_SIGN ? '-' : '';
  const value = new MoneyDecimal(sign + (m[2] ?? ''));
  if (value.decimalPlaces() > 2) throw new Error(`"${text}" has more than 2 decimal places`);
  const pence = value.times(100);
  if (!pence.abs().lte(Number.MAX_SAFE_INTEGER)) throw new Error(`"${text}" is too large an amount`);
  const n = pence.toNumber();
  return n === 0 ? 0 : n; // never -0
}

/** Exact sum of pence; throws if any value is not pence or the total is too large to hold exactly. */
export function sumPence(values: readonly number[]): number {
  let total = 0;
  for (const [i, v] of values.entries()) {
    assertPence(v, `value ${i + 1}`);
    total += v;
    if (!Number.isSafeInteger(total)) throw new Error('the total is too large to hold exactly');
  }
  return total;
}

/**
 * `part` as a percentage of `whole`, via decimal.js, rounded half up: `percentOf(452, 1000)` →
 * `'45.2%'`, `percentOf(1, 2)` → `'50.0%'`. **Decision**: a percentage of nothing is undefined, so
 * `whole` = 0 gives `'—'` (an em dash) rather than a number. Negative results use U+2212.
 */
export function percentOf(part: number, whole: number, decimals = 1): string {
  if (!Number.isFinite(part) || !Number.isFinite(whole)) throw new Error('percentOf needs finite numbers');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) throw new Error('decimals must be 0 to 10');
  if (whole === 0) return '—';
  const pct = new MoneyDecimal(part).div(whole).times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const text = pct.abs().toFixed(decimals);
  return `${pct.isNegative() && !pct.isZero() ? MINUS_SIGN : ''}${text}%`;
}
