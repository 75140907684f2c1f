import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CumulativePoint } from '@shared/domain/spend';
import { formatPence } from '@shared/domain/money';
import { CHART } from './palette';
import { exactPounds, moneyAxis } from './money-axis';
import { GridTable } from '../components/GridTable';

/** Money released so far this year, month by month, against the hub's total available. */
export function CumulativeChart({ points, totalAvailablePence }: { points: CumulativePoint[]; totalAvailablePence: number }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={points} margin={{ top: 16, right: 24, left: 8, bottom: 4 }}>
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="label" tick={{ fill: CHART.ink, fontSize: 12 }} />
        <YAxis {...moneyAxis([totalAvailablePence, ...points.map((p) => p.cumulativeReleasedPence)])} tick={{ fill: CHART.ink, fontSize: 12 }} width={64} />
        <Tooltip formatter={exactPounds} />
        <ReferenceLine y={totalAvailablePence} stroke={CHART.over} strokeDasharray="5 4" label={{ value: `Total available ${formatPence(totalAvailablePence)}`, position: 'insideTopRight', fill: CHART.ink, fontSize: 12 }} />
        <Area type="linear" dataKey="cumulativeReleasedPence" name="Released so far" stroke={CHART.released} fill="#cdeedd" isAnimationActive={false} />
      </AreaChart>
    </ResponsiveContainer>
  );
}

export function CumulativeTable({ points, totalAvailablePence }: { points: CumulativePoint[]; totalAvailablePence: number }) {
  return (
    <GridTable label="Funding used over the year">
      <thead>
        <tr>
          <th>Month</th>
          <th className="num">Released in the month</th>
          <th className="num">Released so far</th>
          <th className="num">Still available</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.date}>
            <td>{p.label}</td>
            <td className="num">{formatPence(p.releasedInMonthPence)}</td>
            <td className="num">{formatPence(p.cumulativeReleasedPence)}</td>
            <td className={totalAvailablePence - p.cumulativeReleasedPence < 0 ? 'num warn-text' : 'num'}>{formatPence(totalAvailablePence - p.cumulativeReleasedPence)}</td>
          </tr>
        ))}
      </tbody>
    </GridTable>
  );
}
