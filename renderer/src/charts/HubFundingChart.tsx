import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SpendHubBar } from '@shared/contract/spend';
import { formatPence } from '@shared/domain/money';
import { CHART } from './palette';
import { exactPounds, moneyAxis } from './money-axis';
import { legendInBarOrder } from './legend';
import { TableHead } from '../components/TableHead';
import { GridTable } from '../components/GridTable';

interface Row extends SpendHubBar {
  releasedWithin: number;
  left: number;
  over: number;
}

export function hubFundingRows(hubs: SpendHubBar[]): Row[] {
  return hubs.map((h) => ({
    ...h,
    releasedWithin: Math.max(0, Math.min(h.releasedPence, h.totalAvailablePence)),
    left: Math.max(0, h.totalAvailablePence - h.releasedPence),
    over: Math.max(0, h.releasedPence - Math.max(0, h.totalAvailablePence)),
  }));
}

/** Every hub's total available as one bar, split into released and remaining (and any overspend in red). */
export function HubFundingChart(props: { hubs: SpendHubBar[]; onOpen?(hub: SpendHubBar): void }) {
  const rows = hubFundingRows(props.hubs);
  const click = props.onOpen ? (entry: unknown) => props.onOpen!((entry as { payload: Row }).payload) : undefined;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, left: 8, bottom: 4 }} barCategoryGap={4}>
        <CartesianGrid stroke={CHART.grid} horizontal={false} />
        <XAxis type="number" {...moneyAxis(rows.map((r) => r.releasedWithin + r.left + r.over))} tick={{ fill: CHART.ink, fontSize: 12 }} />
        <YAxis type="category" dataKey="hub" width={190} tick={{ fill: CHART.ink, fontSize: 12 }} interval={0} tickLine={false} />
        <Tooltip formatter={exactPounds} cursor={{ fill: 'rgba(11, 93, 107, 0.06)' }} />
        <Legend {...legendInBarOrder(['releasedWithin', 'left', 'over'])} />
        <Bar dataKey="releasedWithin" name="Released" stackId="a" fill={CHART.released} isAnimationActive={false} onClick={click} cursor="pointer" />
        <Bar dataKey="left" name="Remaining" stackId="a" fill={CHART.planned} isAnimationActive={false} onClick={click} cursor="pointer" />
        <Bar dataKey="over" name="Released beyond total available" stackId="a" fill={CHART.over} isAnimationActive={false} onClick={click} cursor="pointer" />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function HubFundingTable(props: { hubs: SpendHubBar[]; onOpen?(hub: SpendHubBar): void }) {
  return (
    <GridTable label="Funding per hub">
      <TableHead columns={['Hub', 'Memberships Manager', { num: 'Total available' }, { num: 'Planned' }, { num: 'Claimed' }, { num: 'Released' }, { num: 'Remaining' }]} />
      <tbody>
        {props.hubs.map((h) => (
          <tr key={h.hubId}>
            <td>
              {props.onOpen ? (
                <button type="button" className="link-button" onClick={() => props.onOpen!(h)}>
                  {h.hub}
                </button>
              ) : (
                h.hub
              )}
            </td>
            <td>{h.membershipsManager ?? '—'}</td>
            <td className="num" data-series="total">{formatPence(h.totalAvailablePence)}</td>
            <td className="num">{formatPence(h.plannedPence)}</td>
            <td className="num">{formatPence(h.claimedPence)}</td>
            <td className="num" data-series="released">{formatPence(h.releasedPence)}</td>
            <td className={h.remainingPence < 0 ? 'num warn-text' : 'num'}>{formatPence(h.remainingPence)}</td>
          </tr>
        ))}
      </tbody>
    </GridTable>
  );
}
