import { ukDateShown } from '@shared/uk-date';

const numberFormat = new Intl.NumberFormat('en-GB');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** 2025-09-01 → 1 Sep 2025 (dates are ISO strings everywhere else). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return ukDateShown(iso.slice(0, 10));
}
