import { useId, useState } from 'react';
import type { HubFundingDetail } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { formatDate } from '../../components/format';
import { AmountField, Money, readAmount } from './money';
import { FormError, useAction } from './useAction';

/** Where the carry forward comes from, and finance's override (with a reason, audited). */
export function CarryForwardPanel({ detail, onChanged }: { detail: HubFundingDetail; onChanged(): void }) {
  const cf = detail.carryForward;
  const [editing, setEditing] = useState(false);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const reasonId = useId();

  async function save(clear: boolean) {
    let pence: number | null = null;
    if (!clear) {
      const parsed = readAmount(amount, true);
      if (parsed.kind !== 'exact') {
        action.setError(`Amount: “${amount}” is not an exact amount (${parsed.reason}). Enter it like £1,234.56 or -120.00.`);
        return;
      }
      pence = parsed.pence;
    }
    const ok = await action.run(() => window.api.setCarryForward({ hubId: detail.hubId, year: detail.year, amountPence: pence, reason }));
    if (ok) {
      setEditing(false);
      setAmount('');
      setReason('');
      onChanged();
    }
  }

  return (
    <section className="panel" aria-labelledby="cf-heading">
      <h2 id="cf-heading">
        Carry forward: <Money pence={cf.pence} />
        {cf.source === 'override' ? <span className="tag tag-pending">Set by finance</span> : null}
      </h2>
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
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void save(false);
          }}
        >
          <AmountField label="Carry forward" value={amount} onChange={setAmount} allowConfirm={false} allowNegative />
          <div className="field wide">
            <label htmlFor={reasonId}>Reason (kept in the audit log)</label>
            <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} required />
          </div>
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
        </form>
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
