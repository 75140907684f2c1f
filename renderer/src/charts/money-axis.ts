import { formatPence } from '@shared/domain/money';

/** Axis ticks: whole pounds, shortened (£12k, £1.2m); tooltips and tables always show exact pence. */
export function axisPounds(pence: number): string {
  const pounds = pence / 100;
  const sign = pounds < 0 ? '−' : '';
  const abs = Math.abs(pounds);
  if (abs >= 1_000_000) return `${sign}£${trim(abs / 1_000_000)}m`;
  if (abs >= 1_000) return `${sign}£${trim(abs / 1_000)}k`;
  return `${sign}£${abs.toFixed(0)}`;
}

/** 12.5 → "12.5", 40 → "40": round ticks need no trailing zeros. */
function trim(n: number): string {
  return String(Number(n.toFixed(1)));
}

export function exactPounds(value: unknown): string {
  return typeof value === 'number' && Number.isSafeInteger(value) ? formatPence(value) : String(value);
}

/** The steps an axis counts in, in pounds: 1, 2, 2.5 or 5 times a power of ten. */
const STEP_FACTORS = [1, 2, 2.5, 5, 10];

/**
 * A money axis on round numbers: from 0 (or below, for negative figures) to just past the largest
 * figure, in at most `most` steps of a round number of pounds (£1, £2, £2.50, £5 × a power of ten).
 * Returns the ticks in pence; the first and last are the axis's ends.
 */
export function roundMoneyTicks(minPence: number, maxPence: number, most = 6): number[] {
  const low = Math.min(0, minPence) / 100;
  const high = Math.max(0, maxPence) / 100;
  const span = high - low;
  if (span <= 0) return [0, 100];
  // Never finer than £1: figures of a few pence still get an axis in whole pounds.
  const rough = Math.max(1, span / most);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = STEP_FACTORS.map((f) => f * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Math.round(i * step * 100));
  return ticks;
}

/** An axis's props for a money axis on round numbers (domain and ticks). */
export function moneyAxis(values: number[], most?: number): { domain: [number, number]; ticks: number[]; tickFormatter(p: number): string; interval: 0 } {
  const ticks = roundMoneyTicks(Math.min(0, ...values), Math.max(0, ...values), most);
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks, tickFormatter: axisPounds, interval: 0 };
}
