import { useState } from 'react';
import type { HubFundingDetail } from '@shared/contract';
import { planSubmissionSchema } from '@shared/validation/funding';
import { useChange } from '../../data/mutations';
import { Field } from '../../components/forms/Field';
import { FormError } from '../../components/forms/FormError';
import { PageForm } from '../../components/forms/PageForm';
import { validate } from '../../components/forms/validate';
import { useSavedNotice } from '../../components/forms/UndoNotice';

/** The three release conditions with what is missing, and the plan deadlines. */
export function ReleasePanel({ detail }: { detail: HubFundingDetail }) {
  const { release, deadlines, plan } = detail;
  const [draft, setDraft] = useState(plan.draftSubmittedOn ?? '');
  const [final, setFinal] = useState(plan.finalSubmittedOn ?? '');
  const action = useChange();
  const notice = useSavedNotice();
  const changed = draft !== (plan.draftSubmittedOn ?? '') || final !== (plan.finalSubmittedOn ?? '');
  const request = { hubId: detail.hubId, year: detail.year, draftSubmittedOn: draft || null, finalSubmittedOn: final || null };
  const messages = { ...validate(planSubmissionSchema, request), ...action.fieldErrors };

  async function save() {
    if (Object.keys(messages).length) return;
    const r = await action.run('setPlanSubmission', request);
    if (r) notice.show(r);
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
      <PageForm label="Action plan submitted" onSubmit={save}>
        <Field label="Draft submitted on" message={messages.draftSubmittedOn}>
          {(p) => <input {...p} type="date" value={draft} onChange={(e) => (setDraft(e.target.value), action.clearFieldErrors())} />}
        </Field>
        <Field label="Final submitted on" message={messages.finalSubmittedOn}>
          {(p) => <input {...p} type="date" value={final} onChange={(e) => (setFinal(e.target.value), action.clearFieldErrors())} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={!changed || action.busy}>
            Save dates
          </button>
        </div>
      </PageForm>
      <FormError error={action.error} />
      {notice.notice}
    </section>
  );
}
