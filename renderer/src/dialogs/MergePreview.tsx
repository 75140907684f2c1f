import type { MergeFundingYear, MergeMove } from '@shared/contract';
import { FundingEffectView } from '../components/forms/FundingEffectView';

/** What a merge moves (counts), why it would be refused, and each year's funding before → after. */
export function MergePreview(props: { moves: MergeMove[]; refusals: string[]; funding: MergeFundingYear[]; extra?: string | null; noFunding: string }) {
  const moved = props.moves.filter((m) => m.count > 0);
  return (
    <section className="merge-preview" aria-label="What moves">
      {props.refusals.length ? (
        <div className="notice bad" role="alert" aria-label="Why it cannot be merged">
          <p>
            <strong>This merge cannot be made:</strong>
          </p>
          <ul>
            {props.refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h3>What moves</h3>
      {moved.length ? (
        <ul className="merge-moves">
          {moved.map((m) => (
            <li key={m.what}>
              {m.what} <strong>{m.count.toLocaleString('en-GB')}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">No other records refer to it: only the record itself is marked merged.</p>
      )}
      {props.extra ? <p className="small">{props.extra}</p> : null}
      {props.funding.length ? (
        props.funding.map((y) => (
          <div key={y.year} className="merge-funding-year" data-year={y.year}>
            <h4>{y.year}</h4>
            <FundingEffectView effect={y.effect} />
          </div>
        ))
      ) : (
        <p className="small muted">{props.noFunding}</p>
      )}
    </section>
  );
}
