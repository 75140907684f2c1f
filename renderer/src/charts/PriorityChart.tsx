import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SpendRow } from '@shared/domain/spend';
import { formatPence } from '@shared/domain/money';
import { CHART } from './palette';
import { exactPounds, moneyAxis } from './money-axis';
import { legendInBarOrder } from './legend';
import { TableHead } from '../components/TableHead';
import { GridTable } from '../components/GridTable';

/** Planned against claimed, for a hub's own priorities or for the network categories. */
export function PlannedClaimedChart({ rows }: { rows: SpendRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, left: 8, bottom: 4 }} barCategoryGap="20%">
        <CartesianGrid stroke={CHART.grid} horizontal={false} />
        <XAxis type="number" {...moneyAxis(rows.flatMap((r) => [r.plannedPence, r.claimedPence]))} tick={{ fill: CHART.ink, fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={200} tick={{ fill: CHART.ink, fontSize: 12 }} interval={0} tickLine={false} />
        <Tooltip formatter={exactPounds} cursor={{ fill: 'rgba(11, 93, 107, 0.06)' }} />
        <Legend {...legendInBarOrder(['plannedPence', 'claimedPence'])} />
        <Bar dataKey="plannedPence" name="Planned" fill={CHART.planned} isAnimationActive={false} />
        <Bar dataKey="claimedPence" name="Claimed" fill={CHART.claimed} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function PlannedClaimedTable({ rows, caption, first }: { rows: SpendRow[]; caption: string; first: string }) {
  return (
    <GridTable label={caption}>
      <TableHead columns={[first, { num: 'Planned' }, { num: 'Claimed' }, { num: 'Released' }]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>
              {r.label}
              {r.retired ? <span className="tag">retired</span> : null}
            </td>
            <td className="num" data-series="planned">{formatPence(r.plannedPence)}</td>
            <td className="num" data-series="claimed">{formatPence(r.claimedPence)}</td>
            <td className="num">{formatPence(r.releasedPence)}</td>
          </tr>
        ))}
      </tbody>
    </GridTable>
  );
}
