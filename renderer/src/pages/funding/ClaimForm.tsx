import { useState } from 'react';
import type { HubFundingDetail } from '@shared/contract';
import { CLAIM_STATUSES, type ClaimStatus } from '@shared/domain/vocabulary';
import { createClaimSchema } from '@shared/validation/funding';
import { claimAmountIssues, claimPaidOnIssues } from '@shared/validation/claims';
import { Field } from '../../components/forms/Field';
import { PageForm } from '../../components/forms/PageForm';
import { todayIso, validate } from '../../components/forms/validate';
import { FormError } from '../../components/forms/FormError';
import { FormActions } from '../../components/forms/FormActions';
import type { Saved } from '../../components/forms/UndoNotice';
import { useChange } from '../../data/mutations';
import { AmountField } from './money';
import { CategorySelect, PriorityField } from './FundingFields';
import { overrideFields, overrideKind, REASON_LABELS, type Reasons } from './payOverride';

/** Log a claim: date, amount, invoice, priority, category, description and status (paying it passes the release checks, or gives a reason). */
export function ClaimForm({ detail, onDone, onSaved }: { detail: HubFundingDetail; onDone(): void; onSaved(r: Saved): void }) {
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
  const issues = [...claimAmountIssues(v.amount), ...claimPaidOnIssues({ status: v.status, paidOn: v.paidOn || null, claimedOn: v.claimedOn }, todayIso())];
  const messages = { ...validate(createClaimSchema, request, issues), ...action.fieldErrors };
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
    const r = await action.run('createClaim', request);
    if (r) onSaved(r);
  }

  return (
    <PageForm label="Log a claim" onSubmit={submit} onCancel={onDone}>
      <Field label="Claimed on" message={show('claimedOn', v.claimedOn !== '')}>
        {(p) => <input {...p} type="date" value={v.claimedOn} onChange={(e) => set('claimedOn')(e.target.value)} autoFocus />}
      </Field>
      <AmountField label="Amount" value={v.amount} onChange={set('amount')} message={show('amount', v.amount !== '')} allowConfirm={false} />
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
        <Field label="Paid on" message={show('paidOn', v.paidOn !== '')}>
          {(p) => <input {...p} type="date" value={v.paidOn} onChange={(e) => set('paidOn')(e.target.value)} />}
        </Field>
      ) : null}
      {kind !== null ? text('overrideReason', REASON_LABELS[kind], true) : null}
      <FormActions save={canOverride && v.overrideReason.trim() ? 'Log and pay anyway' : 'Log claim'} busy={action.busy} onCancel={onDone} />
      <FormError error={action.error} />
    </PageForm>
  );
}
