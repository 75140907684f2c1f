import type { FundingEffect } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { TableHead } from '../TableHead';
import { GridTable } from '../GridTable';

function signed(p: number): string {
  return p > 0 ? `+${formatPence(p)}` : formatPence(p);
}

/** Each hub's funding before → after a membership change, with the rule's explanation of the after figure. */
export function FundingEffectView({ effect, loading }: { effect: FundingEffect | null; loading?: boolean }) {
  if (!effect) return <p className="small muted">{loading ? 'Working out the funding effect…' : 'The funding effect shows here before you save.'}</p>;
  return (
    <section className="funding-effect" aria-label="Funding effect">
      <h3>Funding effect</h3>
      <GridTable label="Funding before and after">
        <TableHead columns={['Hub', { num: 'Schools' }, { num: 'Funding before' }, { num: 'Funding after' }, { num: 'Change' }]} />
        <tbody>
          {effect.hubs.map((h) => (
            <tr key={h.hubId} data-hub={h.hub}>
              <td>{h.hub}</td>
              <td className="num">
                {h.before.schools} → {h.after.schools}
              </td>
              <td className="num">{formatPence(h.before.fundingPence)}</td>
              <td className="num strong">{formatPence(h.after.fundingPence)}</td>
              <td className={`num ${h.changePence < 0 ? 'warn-text' : ''}`}>{h.changePence === 0 ? 'no change' : signed(h.changePence)}</td>
            </tr>
          ))}
        </tbody>
      </GridTable>
      {effect.hubs.map((h) => (
        <p key={h.hubId} className="small muted">
          {h.hub} after: {h.after.explanation[0]}
        </p>
      ))}
    </section>
  );
}
