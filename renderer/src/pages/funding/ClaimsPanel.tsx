import { useId, useState } from 'react';
import type { ClaimView, HubFundingDetail } from '@shared/contract';
import { CLAIM_STATUSES, type ClaimStatus } from '@shared/domain/vocabulary';
import { createClaimSchema } from '@shared/validation/funding';
import { formatDate } from '../../components/format';
import { Field } from '../../components/forms/Field';
import { PageForm } from '../../components/forms/PageForm';
import { todayIso, validate } from '../../components/forms/validate';
import { AmountField, Money } from './money';
import { CategorySelect, PriorityField } from './FundingFields';
import { useChange } from '../../data/mutations';
import { FormError } from '../../components/forms/FormError';
import { TableHead } from '../../components/TableHead';
import { FormActions } from '../../components/forms/FormActions';
import { ClippedText } from '../../components/ClippedText';
import { GridTable } from '../../components/GridTable';

/** Refusals that an override with a reason can get past: paying beyond the total available, and paying before the release conditions hold. */
const OVER_RELEASE = /To pay it anyway, override with a reason\.$/;
const RELEASE_GATE = /To pay this claim anyway, give a reason\.$/;
type Reasons = { release?: string; over?: string };
const REASON_LABELS: Record<keyof Reasons, string> = {
  release: 'Reason to pay before the release conditions hold (kept with the claim)',
  over: 'Reason to pay beyond the total available (audited)',
};

function overrideKind(error: string | null): keyof Reasons | null {
  if (error === null) return null;
  return RELEASE_GATE.test(error) ? 'release' : OVER_RELEASE.test(error) ? 'over' : null;
}

function overrideFields(r: Reasons) {
  return {
    ...(r.release ? { releaseOverride: true as const, releaseOverrideReason: r.release } : {}),
    ...(r.over ? { override: true as const, overrideReason: r.over } : {}),
  };
}

/** Claims for the year: log one, move it through approved → paid (or rejected). */
export function ClaimsPanel({ detail }: { detail: HubFundingDetail }) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims</h2>
      {detail.claims.length === 0 ? (
        <div className="empty-state">No claims logged for {detail.year}.</div>
      ) : (
        <GridTable label="Claims">
          <TableHead columns={['Claimed', 'Invoice', 'Priority', 'Category', 'Description', { num: 'Amount' }, 'Status', { hidden: 'Actions' }]} />
          <tbody>
            {detail.claims.map((c) => (
              <ClaimRow key={c.id} claim={c} />
            ))}
          </tbody>
        </GridTable>
      )}
      {adding ? (
        <ClaimForm detail={detail} onDone={() => setAdding(false)} />
      ) : (
        <div className="form-actions">
          <button type="button" onClick={() => setAdding(true)}>
            Log a claim
          </button>
        </div>
      )}
    </section>
  );
}

function ClaimRow({ claim: c }: { claim: ClaimView }) {
  const action = useChange();
  const [paying, setPaying] = useState(false);
  const [paidOn, setPaidOn] = useState(todayIso());
  const [override, setOverride] = useState('');
  const [reasons, setReasons] = useState<Reasons>({});
  const dateId = useId();

  async function setStatus(status: ClaimStatus, given: Reasons = reasons) {
    const ok = await action.run('updateClaim', {
      claimId: c.id,
      status,
      ...(status === 'paid' ? { paidOn, ...overrideFields(given) } : {}),
    });
    if (ok) {
      setPaying(false);
      setReasons({});
    }
  }

  const kind = overrideKind(action.error);
  return (
    <>
      <tr>
        <td>{formatDate(c.claimedOn)}</td>
        <td className="mono">{c.invoiceRef ?? '—'}</td>
        <td>{c.priority ?? '—'}</td>
        <td>{c.category}</td>
        <td>
          <ClippedText text={c.description} />
          {c.overReleaseReason ? <span className="warn-text block">Paid beyond the total available: {c.overReleaseReason}</span> : null}
          {c.releaseOverrideReason ? <span className="warn-text block">Paid before the release conditions held: {c.releaseOverrideReason}</span> : null}
          {c.reversal ? (
            <span className="muted block">
              Payment reversed {formatDate(c.reversal.at.slice(0, 10))} by {c.reversal.by}: {c.reversal.reason}
            </span>
          ) : null}
        </td>
        <td className="num">
          <Money pence={c.amountPence} />
        </td>
        <td>
          <span className={`tag tag-claim-${c.status}`}>{c.status}</span>
          {c.paidOn ? <span className="muted block">{formatDate(c.paidOn)}</span> : null}
        </td>
        <td className="row-actions">
          {c.status === 'submitted' ? (
            <button type="button" onClick={() => void setStatus('approved')} disabled={action.busy}>
              Approve
            </button>
          ) : null}
          {c.status === 'submitted' || c.status === 'approved' ? (
            <>
              <button type="button" onClick={() => setPaying(true)} disabled={action.busy || paying} aria-label={`Mark ${c.invoiceRef ?? 'claim'} paid`}>
                Mark paid
              </button>
              <button type="button" onClick={() => void setStatus('rejected')} disabled={action.busy}>
                Reject
              </button>
            </>
          ) : null}
        </td>
      </tr>
      {paying || action.error ? (
        <tr className="row-form">
          <td colSpan={8}>
            {paying ? (
              <span className="inline">
                <label htmlFor={dateId}>Paid on</label>
                <input id={dateId} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
                <button type="button" className="primary" onClick={() => void setStatus('paid')} disabled={action.busy || !paidOn}>
                  Record payment
                </button>
                <button type="button" onClick={() => setPaying(false)}>
                  Cancel
                </button>
              </span>
            ) : null}
            <FormError error={action.error} />
            {kind !== null ? (
              <span className="inline">
                <input aria-label={REASON_LABELS[kind]} placeholder="Reason for the override (audited)" value={override} onChange={(e) => setOverride(e.target.value)} />
                <button
                  type="button"
                  className="danger"
                  disabled={!override.trim() || action.busy}
                  onClick={() => {
                    const next = { ...reasons, [kind]: override };
                    setReasons(next);
                    setOverride('');
                    void setStatus('paid', next);
                  }}
                >
                  Pay anyway
                </button>
              </span>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function ClaimForm({ detail, onDone }: { detail: HubFundingDetail; onDone(): void }) {
  const [v, setV] = useState({ claimedOn: todayIso(), amount: '', invoiceRef: '', priority: '', categoryId: detail.categories[0]?.id ?? 0, description: '', status: 'submitted' as ClaimStatus, paidOn: '', overrideReason: '' });
  const [touched, setTouched] = useState(false);
  const [reasons, setReasons] = useState<Reasons>({});
  const action = useChange();
  const kind = overrideKind(action.error);
  const canOverride = kind !== null;
  // The reasons given so far, and the one being typed for the refusal shown now.
  const given: Reasons = kind !== null && v.overrideReason.trim() ? { ...reasons, [kind]: v.overrideReason } : reasons;
  const request = {
    hubId: detail.hubId,
    year: detail.year,
    claimedOn: v.claimedOn,
    amount: v.amount,
    invoiceRef: v.invoiceRef,
    priority: v.priority,
    categoryId: v.categoryId,
    description: v.description,
    status: v.status,
    ...(v.status === 'paid' && v.paidOn ? { paidOn: v.paidOn } : {}),
    ...(v.status === 'paid' ? overrideFields(given) : {}),
  };
  const messages = { ...validate(createClaimSchema, request), ...action.fieldErrors };
  const show = (k: string, filled: boolean) => (touched || filled ? messages[k] : null);
  const set = (k: keyof typeof v) => (value: string | number) => {
    setV({ ...v, [k]: value });
    action.clearFieldErrors();
  };
  const text = (k: 'invoiceRef' | 'description' | 'overrideReason', label: string, wide = false) => (
    <Field label={label} message={show(k, v[k] !== '')} wide={wide}>
      {(p) => <input {...p} value={v[k]} onChange={(e) => set(k)(e.target.value)} />}
    </Field>
  );

  async function submit() {
    setTouched(true);
    if (Object.keys(messages).length) return;
    setReasons(given);
    setV({ ...v, overrideReason: '' });
    if (await action.run('createClaim', request)) onDone();
  }

  return (
    <PageForm label="Log a claim" onSubmit={submit} onCancel={onDone}>
      <Field label="Claimed on" message={show('claimedOn', v.claimedOn !== '')}>
        {(p) => <input {...p} type="date" value={v.claimedOn} onChange={(e) => set('claimedOn')(e.target.value)} />}
      </Field>
      <AmountField label="Amount" value={v.amount} onChange={set('amount')} message={messages.amount} allowConfirm={false} />
      {text('invoiceRef', 'Invoice reference')}
      <PriorityField detail={detail} value={v.priority} onChange={set('priority')} message={messages.priority} />
      <CategorySelect detail={detail} value={v.categoryId} onChange={set('categoryId')} message={messages.categoryId} />
      {text('description', 'Description', true)}
      <Field label="Status" message={messages.status}>
        {(p) => (
          <select {...p} value={v.status} onChange={(e) => set('status')(e.target.value)}>
            {CLAIM_STATUSES.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        )}
      </Field>
      {v.status === 'paid' ? (
        <Field label="Paid on" message={messages.paidOn}>
          {(p) => <input {...p} type="date" value={v.paidOn} onChange={(e) => set('paidOn')(e.target.value)} />}
        </Field>
      ) : null}
      {kind !== null ? text('overrideReason', REASON_LABELS[kind], true) : null}
      <FormActions save={canOverride && v.overrideReason.trim() ? 'Log and pay anyway' : 'Log claim'} busy={action.busy} onCancel={onDone} />
      <FormError error={action.error} />
    </PageForm>
  );
}
