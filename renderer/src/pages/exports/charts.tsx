import type { QueryClient } from '@tanstack/react-query';
import { fetchOnce } from '../../data/queries';
import { PlannedClaimedChart } from '../../charts/PriorityChart';
import { CategoryChart } from '../../charts/CategoryChart';
import { drawChartPng } from './draw-chart';

/** A hub's spend by network category (planned and claimed), as the Spend page draws it, as PNG base64. */
export async function hubChartPng(client: QueryClient, hubId: number, year: string): Promise<string> {
  const spend = await fetchOnce(client, 'spendHub', { hubId, year });
  const height = Math.max(220, spend.byCategory.length * 48 + 70);
  return drawChartPng(
    <div style={{ width: '100%', height: '100%', background: '#ffffff' }}>
      <PlannedClaimedChart rows={spend.byCategory} />
    </div>,
    { width: 760, height },
  );
}

/** The network's spend by category, this year against last, as PNG base64. */
export async function networkChartPng(client: QueryClient, year: string): Promise<string> {
  const spend = await fetchOnce(client, 'spendNetwork', { year });
  return drawChartPng(
    <div style={{ width: '100%', height: '100%', background: '#ffffff' }}>
      <CategoryChart rows={spend.categories} previousYear={spend.previousYear} compare={spend.previousYear !== null} />
    </div>,
    { width: 900, height: 380 },
  );
}
