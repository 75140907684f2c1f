import { useId, useState } from 'react';
import type { HubFundingDetail } from '@shared/contract';
import { FormError, useAction } from './useAction';

/** The three release conditions with what is missing, and the plan deadlines. */
export function ReleasePanel({ detail, onChanged }: { detail: HubFundingDetail; onChanged(): void }) {
  const { release, deadlines, plan } = detail;
  const [draft, setDraft] = useState(plan.draftSubmittedOn ?? '');
  const [final, setFinal] = useState(plan.finalSubmittedOn ?? '');
  const action = useAction();
  const draftId = useId();
  const finalId = useId();
  const changed = draft !== (plan.draftSubmittedOn ?? '') || final !== (plan.finalSubmittedOn ?? '');

  async function save() {
    const ok = await action.run(() =>
      window.api.setPlanSubmission({ hubId: detail.hubId, year: detail.year, draftSubmittedOn: draft || null, finalSubmittedOn: final || null }),
    );
    if (ok) onChanged();
  }

  return (
    <section className="panel" aria-labelledby="release-heading">
      <h2 id="release-heading">
        Release conditions{' '}
        {release.met ? <span className="tag tag-good">All met: funding can be released</span> : <span className="tag tag-error">Not met</span>}
      </h2>
      <ul className="conditions">
        {release.conditions.map((c) => (
          <li key={c.key} className={c.met ? 'met' : 'unmet'}>
            <span className="mark" aria-hidden="true">{c.met ? '✓' : '✗'}</span>
            <span>
              <strong>{c.label}</strong>
              <span className="visually-hidden">{c.met ? ' (met)' : ' (not met)'}</span>
              <br />
              <span className={c.met ? 'muted' : 'warn-text'}>{c.detail}</span>
            </span>
          </li>
        ))}
      </ul>
      <h3>Action plan deadlines</h3>
      <dl className="facts">
        <dt>Draft plan</dt>
        <dd className={`deadline-${deadlines.draft.status}`}>{deadlines.draft.message}</dd>
        <dt>Final plan</dt>
        <dd className={`deadline-${deadlines.final.status}`}>{deadlines.final.message}</dd>
      </dl>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor={draftId}>Draft submitted on</label>
          <input id={draftId} type="date" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={finalId}>Final submitted on</label>
          <input id={finalId} type="date" value={final} onChange={(e) => setFinal(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={!changed || action.busy}>
            Save dates
          </button>
        </div>
      </form>
      <FormError error={action.error} />
    </section>
  );
}
