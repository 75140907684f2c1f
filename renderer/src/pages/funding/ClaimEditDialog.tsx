import type { ClaimView, HubFundingDetail } from '@shared/contract';
import type { ClaimStatus } from '@shared/domain/vocabulary';
import { formatPence } from '@shared/domain/money';
import { claimAmountIssues, claimCorrections, claimPaidOnIssues } from '@shared/validation/claims';
import { updateClaimSchema } from '@shared/validation/funding';
import { RecordDialog } from '../../components/forms/RecordDialog';
import { Field } from '../../components/forms/Field';
import { todayIso, validate } from '../../components/forms/validate';
import type { Saved } from '../../components/forms/UndoNotice';
import { formatDate } from '../../components/format';
import { useChange } from '../../data/mutations';
import { reloadOnConflict, useRecordEdits } from '../../components/forms/useEdits';
import { AmountField } from './money';
import { CategorySelect, PriorityField } from './FundingFields';
import { claimName } from './ClaimRow';

type Values = Pick<ClaimView, 'claimedOn' | 'categoryId' | 'status'> & { amount: string; invoiceRef: string; priority: string; description: string; paidOn: string };

function valuesOf(c: ClaimView): Values {
  return {
    claimedOn: c.claimedOn,
    amount: formatPence(c.amountPence),
    invoiceRef: c.invoiceRef ?? '',
    priority: c.priority ?? '',
    categoryId: c.categoryId,
    description: c.description ?? '',
    status: c.status,
    paidOn: c.paidOn ?? '',
  };
}

/**
 * Correct a claim. A claim not yet paid: every field, and its status short of paid (paying is "Mark
 * paid", which checks the release conditions). A paid claim: everything but its amount and status,
 * which change only by reversing the payment (shown, not offered). `claim` is the claim as the page
 * has it now (null once it is gone from the year's claims); `reload` fetches the page's funding again.
 */
export function ClaimEditDialog({ detail, claim: current, reload, onSaved, onCancel }: { detail: HubFundingDetail; claim: ClaimView | null; reload(): Promise<unknown>; onSaved(r: Saved): void; onCancel(): void }) {
  const form = useRecordEdits<ClaimView, Values | null>(current, valuesOf, null);
  const { record: c, values: v } = form;
  const save = useChange();
  if (!c || !v) {
    return (
      <RecordDialog title="Correct a claim" saveLabel="Save the correction" canSave={false} onSave={() => undefined} onCancel={onCancel}>
        <p className="form-error">The claim is no longer among {detail.hub}’s {detail.year} claims: someone deleted it.</p>
      </RecordDialog>
    );
  }
  const can = claimCorrections(c.status);
  const paidOn = v.status === 'paid' ? v.paidOn || null : null;
  const request = {
    claimId: c.id,
    version: c.version,
    claimedOn: v.claimedOn,
    invoiceRef: v.invoiceRef,
    priority: v.priority,
    categoryId: v.categoryId,
    description: v.description,
    paidOn,
    ...(can.amount ? { amount: v.amount, status: v.status } : {}),
  };
  const issues = [...(can.amount ? claimAmountIssues(v.amount) : []), ...claimPaidOnIssues({ status: v.status, paidOn, claimedOn: v.claimedOn }, todayIso())];
  const messages = { ...validate(updateClaimSchema, request, issues), ...save.fieldErrors };
  // The form opens on the claim as stored, which is valid: a message shows as soon as an edit makes a field wrong.
  const show = (k: string) => messages[k];
  const changed = JSON.stringify(v) !== JSON.stringify(valuesOf(c));
  const set = (k: keyof typeof v) => (value: string | number) => {
    form.set({ ...v, [k]: value });
    save.clearFieldErrors();
  };
  const text = (k: 'invoiceRef' | 'description', label: string) => (
    <Field label={label} message={show(k)}>
      {(p) => <input {...p} value={v[k]} onChange={(e) => set(k)(e.target.value)} />}
    </Field>
  );

  async function submit() {
    if (Object.keys(messages).length) return;
    const r = await save.run('updateClaim', request);
    if (r) onSaved(r);
  }

  return (
    <RecordDialog
      title={`Correct claim ${claimName(c)}`}
      saveLabel="Save the correction"
      busy={save.busy}
      error={save.error}
      onReload={reloadOnConflict(save, reload, form.restart)}
      canSave={changed}
      wide
      onSave={() => void submit()}
      onCancel={onCancel}
    >
      <div className="record-grid">
        <Field label="Claimed on" message={show('claimedOn')}>
          {(p) => <input {...p} type="date" value={v.claimedOn} onChange={(e) => set('claimedOn')(e.target.value)} />}
        </Field>
        {can.amount ? (
          <AmountField label="Amount" value={v.amount} onChange={set('amount')} message={show('amount')} allowConfirm={false} />
        ) : (
          <Fixed label="Amount" value={formatPence(c.amountPence)} />
        )}
        {text('invoiceRef', 'Invoice reference')}
        <PriorityField detail={detail} value={v.priority} onChange={set('priority')} message={show('priority')} />
        <CategorySelect detail={detail} value={v.categoryId} onChange={set('categoryId')} message={show('categoryId')} />
        {can.amount ? (
          <Field label="Status" message={show('status')} hint="To pay it, use Mark paid: it checks the release conditions.">
            {(p) => (
              <select {...p} value={v.status} onChange={(e) => set('status')(e.target.value as ClaimStatus)}>
                {can.statuses.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <>
            <Fixed label="Status" value={`paid on ${formatDate(c.paidOn!)}`} />
            <Field label="Paid on" message={show('paidOn')}>
              {(p) => <input {...p} type="date" value={v.paidOn} onChange={(e) => set('paidOn')(e.target.value)} />}
            </Field>
          </>
        )}
      </div>
      {text('description', 'Description')}
      {!can.amount ? (
        <p className="small muted">The claim is paid: its amount and status change only by reversing the payment first, with a reason (Reverse payment).</p>
      ) : null}
    </RecordDialog>
  );
}

/** A value the form shows but does not offer to change. */
function Fixed({ label, value }: { label: string; value: string }) {
  return (
    <div className="field record-field">
      <span className="fixed-label">{label}</span>
      <span className="fixed-value">{value}</span>
    </div>
  );
}
