import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CategoryComparison } from '@shared/domain/spend';
import { formatPence } from '@shared/domain/money';
import { CHART } from './palette';
import { exactPounds, moneyAxis } from './money-axis';
import { legendInBarOrder } from './legend';
import { TableHead } from '../components/TableHead';
import { GridTable } from '../components/GridTable';

/** Planned, claimed and released per network category; last year's released beside it when asked. */
export function CategoryChart(props: { rows: CategoryComparison[]; previousYear: string | null; compare: boolean; onOpen?(row: CategoryComparison): void }) {
  const { rows, previousYear, compare, onOpen } = props;
  const click = onOpen ? (entry: unknown) => onOpen((entry as { payload: CategoryComparison }).payload) : undefined;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 16, left: 8, bottom: 4 }} barCategoryGap="22%">
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="label" tick={{ fill: CHART.ink, fontSize: 12 }} interval={0} tickLine={false} />
        <YAxis {...moneyAxis(rows.flatMap((r) => [r.plannedPence, r.claimedPence, r.releasedPence, ...(compare && previousYear ? [r.previousReleasedPence] : [])]))} tick={{ fill: CHART.ink, fontSize: 12 }} width={64} axisLine={false} tickLine={false} />
        <Tooltip formatter={exactPounds} cursor={{ fill: 'rgba(11, 93, 107, 0.06)' }} />
        <Legend {...legendInBarOrder(['previousReleasedPence', 'plannedPence', 'claimedPence', 'releasedPence'])} />
        {compare && previousYear ? <Bar dataKey="previousReleasedPence" name={`Released ${previousYear}`} fill={CHART.previous} isAnimationActive={false} onClick={click} cursor="pointer" /> : null}
        <Bar dataKey="plannedPence" name="Planned" fill={CHART.planned} isAnimationActive={false} onClick={click} cursor="pointer" />
        <Bar dataKey="claimedPence" name="Claimed" fill={CHART.claimed} isAnimationActive={false} onClick={click} cursor="pointer" />
        <Bar dataKey="releasedPence" name="Released" fill={CHART.released} isAnimationActive={false} onClick={click} cursor="pointer" />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CategoryTable(props: { rows: CategoryComparison[]; previousYear: string | null; caption: string; onOpen?(row: CategoryComparison): void }) {
  const { rows, previousYear } = props;
  const total = (f: (r: CategoryComparison) => number) => formatPence(rows.reduce((n, r) => n + f(r), 0));
  return (
    <GridTable label={props.caption}>
      <TableHead columns={['Category', { num: 'Planned' }, { num: 'Claimed' }, { num: 'Released' }, ...(previousYear ? [{ num: `Released ${previousYear}` }] : [])]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>
              {props.onOpen ? (
                <button type="button" className="link-button" onClick={() => props.onOpen!(r)}>
                  {r.label}
                </button>
              ) : (
                r.label
              )}
              {r.retired ? <span className="tag">retired</span> : null}
            </td>
            <td className="num" data-series="planned">{formatPence(r.plannedPence)}</td>
            <td className="num" data-series="claimed">{formatPence(r.claimedPence)}</td>
            <td className="num" data-series="released">{formatPence(r.releasedPence)}</td>
            {previousYear ? <td className="num">{formatPence(r.previousReleasedPence)}</td> : null}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>Total</th>
          <th className="num">{total((r) => r.plannedPence)}</th>
          <th className="num">{total((r) => r.claimedPence)}</th>
          <th className="num">{total((r) => r.releasedPence)}</th>
          {previousYear ? <th className="num">{total((r) => r.previousReleasedPence)}</th> : null}
        </tr>
      </tfoot>
    </GridTable>
  );
}
