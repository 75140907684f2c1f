import type { LegendPayload } from 'recharts';
import { CHART } from './palette';

/** A legend that lists the series in the order the bars are drawn (recharts sorts it by name otherwise). */
export function legendInBarOrder(dataKeys: string[]) {
  return {
    wrapperStyle: { fontSize: 12 },
    itemSorter: (item: LegendPayload) => dataKeys.indexOf(String(item.dataKey)),
    formatter: (value: unknown) => <span style={{ color: CHART.ink }}>{String(value)}</span>,
  };
}
