import type { QueryClient } from '@tanstack/react-query';
import type { CategoryComparison, SpendRow } from '@shared/domain/spend';
import { fetchOnce } from '../../data/queries';
import { CHART } from '../../charts/palette';
import { barChartPngBase64 } from '../../charts/image/bar-chart-png';

const label = (r: SpendRow) => (r.retired ? `${r.label} (retired)` : r.label);

/** A hub's spend by network category (planned and claimed, as the Spend page shows it), as PNG base64. */
export async function hubChartPng(client: QueryClient, hubId: number, year: string): Promise<string> {
  const spend = await fetchOnce(client, 'spendHub', { hubId, year });
  return barChartPngBase64({
    title: 'Planned and claimed by network category',
    subtitle: `${spend.hub} · ${spend.year}`,
    categories: spend.byCategory.map(label),
    series: [
      { name: 'Planned', colour: CHART.planned, values: spend.byCategory.map((r) => r.plannedPence) },
      { name: 'Claimed', colour: CHART.claimed, values: spend.byCategory.map((r) => r.claimedPence) },
    ],
    width: 760,
  });
}

/** The network's spend by category, this year against last year's released, as PNG base64. */
export async function networkChartPng(client: QueryClient, year: string): Promise<string> {
  const spend = await fetchOnce(client, 'spendNetwork', { year });
  const rows: CategoryComparison[] = spend.categories;
  return barChartPngBase64({
    title: 'Spend by network category',
    subtitle: `Challenge Partners network · ${spend.year}${spend.previousYear ? ` (released ${spend.previousYear} beside it)` : ''}`,
    categories: rows.map(label),
    series: [
      ...(spend.previousYear ? [{ name: `Released ${spend.previousYear}`, colour: CHART.previous, values: rows.map((r) => r.previousReleasedPence) }] : []),
      { name: 'Planned', colour: CHART.planned, values: rows.map((r) => r.plannedPence) },
      { name: 'Claimed', colour: CHART.claimed, values: rows.map((r) => r.claimedPence) },
      { name: 'Released', colour: CHART.released, values: rows.map((r) => r.releasedPence) },
    ],
    width: 900,
  });
}
