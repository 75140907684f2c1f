import { useState } from 'react';
import type { HubFundingDetail } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { setCarryForwardSchema } from '@shared/validation/funding';
import { useChange } from '../../data/mutations';
import { formatDate } from '../../components/format';
import { Field } from '../../components/forms/Field';
import { FormError } from '../../components/forms/FormError';
import { PageForm } from '../../components/forms/PageForm';
import { validate } from '../../components/forms/validate';
import { useSavedNotice } from '../../components/forms/UndoNotice';
import { AmountField, Money, readAmount } from './money';

/** Where the carry forward comes from, and finance's override (with a reason, audited). */
export function CarryForwardPanel({ detail }: { detail: HubFundingDetail }) {
  const cf = detail.carryForward;
  const [editing, setEditing] = useState(false);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const action = useChange();
  const notice = useSavedNotice();

  const parsed = readAmount(amount, true);
  const amountIssue = parsed.kind === 'exact' ? [] : [{ path: 'amountPence', message: `“${amount}” is not an exact amount (${parsed.reason}). Enter it like £1,234.56 or -120.00.` }];
  const request = (amountPence: number | null) => ({ hubId: detail.hubId, year: detail.year, amountPence, reason });
  const messages = { ...validate(setCarryForwardSchema, request(parsed.kind === 'exact' ? parsed.pence : 0), amountIssue), ...action.fieldErrors };
  const show = (k: string, filled: boolean) => (touched || filled ? messages[k] : null);

  async function save(clear: boolean) {
    setTouched(true);
    const problems = clear ? (messages.reason ? [messages.reason] : []) : Object.values(messages);
    if (problems.length) return;
    const r = await action.run('setCarryForward', request(clear || parsed.kind !== 'exact' ? null : parsed.pence));
    if (r) {
      notice.show(r);
      setEditing(false);
      setAmount('');
      setReason('');
      setTouched(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="cf-heading">
      <h2 id="cf-heading">
        Carry forward: <Money pence={cf.pence} />
        {cf.source === 'override' ? <span className="tag tag-pending">Set by finance</span> : null}
      </h2>
      {notice.notice}
      <p>{cf.explanation}</p>
      {cf.previousTotalAvailablePence !== null ? (
        <dl className="facts money-facts">
          <dt>{cf.previousYear} total available</dt>
          <dd><Money pence={cf.previousTotalAvailablePence} /></dd>
          <dt>{cf.previousYear} released</dt>
          <dd><Money pence={cf.previousReleasedPence} /></dd>
          <dt>Computed carry forward</dt>
          <dd><Money pence={cf.computedPence} /></dd>
        </dl>
      ) : null}
      {cf.override ? (
        <p className="muted">
          Set by {cf.override.setBy} on {formatDate(cf.override.setAt)}. The change is in the audit log.
        </p>
      ) : null}
      {editing ? (
        <PageForm label="Carry forward" onSubmit={() => save(false)} onCancel={() => setEditing(false)}>
          <AmountField label="Carry forward" value={amount} onChange={setAmount} message={show('amountPence', amount !== '')} allowConfirm={false} allowNegative />
          <Field label="Reason (kept in the audit log)" message={show('reason', reason !== '')} wide>
            {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={action.busy}>
              Save carry forward
            </button>
            {cf.override ? (
              <button type="button" onClick={() => void save(true)} disabled={action.busy}>
                Use the computed {formatPence(cf.computedPence)} instead
              </button>
            ) : null}
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </PageForm>
      ) : (
        <div className="form-actions">
          <button type="button" onClick={() => setEditing(true)}>
            {cf.override ? 'Change the carry forward…' : 'Set the carry forward by hand…'}
          </button>
        </div>
      )}
      <FormError error={action.error} />
    </section>
  );
}
