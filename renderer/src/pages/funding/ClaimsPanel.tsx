import { useId, useState } from 'react';
import type { ClaimView, HubFundingDetail } from '@shared/contract';
import { CLAIM_STATUSES, type ClaimStatus } from '@shared/domain/vocabulary';
import { formatDate } from '../../components/format';
import { AmountField, Money } from './money';
import { FormError, useAction } from './useAction';

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

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Claims for the year: log one, move it through approved → paid (or rejected). */
export function ClaimsPanel({ detail, onChanged }: { detail: HubFundingDetail; onChanged(): void }) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims</h2>
      {detail.claims.length === 0 ? (
        <div className="empty-state">No claims logged for {detail.year}.</div>
      ) : (
        <table className="data-table compact" aria-label="Claims">
          <thead>
            <tr>
              <th>Claimed</th>
              <th>Invoice</th>
              <th>Priority</th>
              <th>Category</th>
              <th>Description</th>
              <th className="num">Amount</th>
              <th>Status</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.claims.map((c) => (
              <ClaimRow key={c.id} claim={c} onChanged={onChanged} />
            ))}
          </tbody>
        </table>
      )}
      {adding ? (
        <ClaimForm
          detail={detail}
          onDone={(saved) => {
            setAdding(false);
            if (saved) onChanged();
          }}
        />
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

function ClaimRow({ claim: c, onChanged }: { claim: ClaimView; onChanged(): void }) {
  const action = useAction();
  const [paying, setPaying] = useState(false);
  const [paidOn, setPaidOn] = useState(todayIso());
  const [override, setOverride] = useState('');
  const [reasons, setReasons] = useState<Reasons>({});
  const dateId = useId();

  async function setStatus(status: ClaimStatus, given: Reasons = reasons) {
    const ok = await action.run(() =>
      window.api.updateClaim({
        claimId: c.id,
        status,
        ...(status === 'paid' ? { paidOn, ...overrideFields(given) } : {}),
      }),
    );
    if (ok) {
      setPaying(false);
      setReasons({});
      onChanged();
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
          {c.description ?? '—'}
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

function ClaimForm({ detail, onDone }: { detail: HubFundingDetail; onDone(saved: boolean): void }) {
  const [claimedOn, setClaimedOn] = useState(todayIso());
  const [amount, setAmount] = useState('');
  const [invoiceRef, setInvoiceRef] = useState('');
  const [priority, setPriority] = useState('');
  const [categoryId, setCategoryId] = useState(detail.categories[0]?.id ?? 0);
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<ClaimStatus>('submitted');
  const [paidOn, setPaidOn] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [reasons, setReasons] = useState<Reasons>({});
  const action = useAction();
  const ids = { date: useId(), invoice: useId(), priority: useId(), category: useId(), description: useId(), status: useId(), paid: useId(), reason: useId() };
  const priorities = [...new Set(detail.plan.lines.map((l) => l.priority))];
  const kind = overrideKind(action.error);
  const canOverride = kind !== null;

  async function submit() {
    const given = kind !== null && overrideReason.trim() ? { ...reasons, [kind]: overrideReason } : reasons;
    setReasons(given);
    setOverrideReason('');
    const ok = await action.run(() =>
      window.api.createClaim({
        hubId: detail.hubId,
        year: detail.year,
        claimedOn,
        amount,
        invoiceRef,
        priority,
        categoryId,
        description,
        status,
        ...(status === 'paid' && paidOn ? { paidOn } : {}),
        ...(status === 'paid' ? overrideFields(given) : {}),
      }),
    );
    if (ok) onDone(true);
  }

  return (
    <form
      className="form-grid"
      aria-label="Log a claim"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={ids.date}>Claimed on</label>
        <input id={ids.date} type="date" value={claimedOn} onChange={(e) => setClaimedOn(e.target.value)} required />
      </div>
      <AmountField label="Amount" value={amount} onChange={setAmount} allowConfirm={false} />
      <div className="field">
        <label htmlFor={ids.invoice}>Invoice reference</label>
        <input id={ids.invoice} value={invoiceRef} onChange={(e) => setInvoiceRef(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.priority}>Priority</label>
        <input id={ids.priority} list={`${ids.priority}-list`} value={priority} onChange={(e) => setPriority(e.target.value)} />
        <datalist id={`${ids.priority}-list`}>
          {priorities.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={ids.category}>Network category</label>
        <select id={ids.category} value={categoryId} onChange={(e) => setCategoryId(Number(e.target.value))}>
          {detail.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field wide">
        <label htmlFor={ids.description}>Description</label>
        <input id={ids.description} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.status}>Status</label>
        <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus)}>
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      {status === 'paid' ? (
        <div className="field">
          <label htmlFor={ids.paid}>Paid on</label>
          <input id={ids.paid} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
        </div>
      ) : null}
      {kind !== null ? (
        <div className="field wide">
          <label htmlFor={ids.reason}>{REASON_LABELS[kind]}</label>
          <input id={ids.reason} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} />
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {canOverride && overrideReason.trim() ? 'Log and pay anyway' : 'Log claim'}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      <FormError error={action.error} />
    </form>
  );
}
