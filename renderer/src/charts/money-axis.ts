import { formatPence } from '@shared/domain/money';

/** Axis ticks: whole pounds, shortened (£12k, £1.2m); tooltips and tables always show exact pence. */
export function axisPounds(pence: number): string {
  const pounds = pence / 100;
  const sign = pounds < 0 ? '−' : '';
  const abs = Math.abs(pounds);
  if (abs >= 1_000_000) return `${sign}£${(abs / 1_000_000).toFixed(abs >= 10_000_000 ? 0 : 1)}m`;
  if (abs >= 1_000) return `${sign}£${(abs / 1_000).toFixed(abs >= 10_000 ? 0 : 1)}k`;
  return `${sign}£${abs.toFixed(0)}`;
}

export function exactPounds(value: unknown): string {
  return typeof value === 'number' && Number.isSafeInteger(value) ? formatPence(value) : String(value);
}
