import { useId, useState } from 'react';
import type { ClaimView } from '@shared/contract';
import { claimCorrections } from '@shared/validation/claims';
import { formatDate } from '../../components/format';
import { todayIso } from '../../components/forms/validate';
import { FormError } from '../../components/forms/FormError';
import { reloadOnConflict } from '../../components/forms/useEdits';
import type { Saved } from '../../components/forms/UndoNotice';
import { ClippedText } from '../../components/ClippedText';
import { useChange } from '../../data/mutations';
import { Money } from './money';
import { overrideFields, overrideKind, REASON_LABELS, type Reasons } from './payOverride';
import { ActionButton } from '../../components/ActionButton';

/** The corrections a claim row opens in a dialog. */
export type ClaimDialogKind = 'edit' | 'delete' | 'reject' | 'reverse';

/** How a claim is named to a person: its invoice reference, else its date. */
export function claimName(c: ClaimView): string {
  return c.invoiceRef ?? `of ${formatDate(c.claimedOn)}`;
}

/**
 * One claim: its figures, the reasons finance gave for paying it or reversing its payment, and what
 * can be done to it now: approve, pay (here, in the row), reject, correct, delete or reverse.
 */
export function ClaimRow({ claim: c, onOpen, onSaved, reload }: { claim: ClaimView; onOpen(kind: ClaimDialogKind): void; onSaved(r: Saved): void; reload(): Promise<unknown> }) {
  const action = useChange();
  const [paying, setPaying] = useState(false);
  // The claim's version when the person chose to pay it: the payment is of the claim as they saw it
  // then, so a colleague's correction meanwhile refuses it (naming them) rather than being paid unseen.
  // After Reload it is the version they now see.
  const [seenVersion, setSeenVersion] = useState<string | null>(null);
  if (paying && seenVersion === null) setSeenVersion(c.version);
  const [paidOn, setPaidOn] = useState(todayIso());
  const [override, setOverride] = useState('');
  const [reasons, setReasons] = useState<Reasons>({});
  const dateId = useId();
  const can = claimCorrections(c.status);
  const name = claimName(c);

  async function setStatus(status: 'approved' | 'paid', given: Reasons = reasons) {
    const r = await action.run('updateClaim', {
      claimId: c.id,
      version: status === 'paid' ? (seenVersion ?? c.version) : c.version,
      status,
      ...(status === 'paid' ? { paidOn, ...overrideFields(given) } : {}),
    });
    if (r) {
      setPaying(false);
      setSeenVersion(null);
      setReasons({});
      onSaved(r);
    }
  }

  const kind = overrideKind(action.error);
  const open = (k: ClaimDialogKind) => {
    action.reset();
    setPaying(false);
    setSeenVersion(null);
    onOpen(k);
  };
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
            <span className="muted block claim-reversal">
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
          <div className="claim-actions">
            {c.status === 'submitted' ? (
              <ActionButton method="updateClaim" onClick={() => void setStatus('approved')} disabled={action.busy} aria-label={`Approve claim ${name}`}>
                Approve
              </ActionButton>
            ) : null}
            {c.status === 'submitted' || c.status === 'approved' ? (
              <>
                <ActionButton method="updateClaim" onClick={() => (setPaying(true), setSeenVersion(c.version))} disabled={action.busy || paying} aria-label={`Mark ${c.invoiceRef ?? 'claim'} paid`}>
                  Mark paid
                </ActionButton>
                <ActionButton method="updateClaim" onClick={() => open('reject')} disabled={action.busy} aria-label={`Reject claim ${name}`}>
                  Reject
                </ActionButton>
              </>
            ) : null}
            {can.reverse ? (
              <ActionButton method="reverseClaimPayment" onClick={() => open('reverse')} disabled={action.busy} aria-label={`Reverse the payment of claim ${name}`}>
                Reverse payment
              </ActionButton>
            ) : null}
            <ActionButton method="updateClaim" onClick={() => open('edit')} disabled={action.busy} aria-label={`Edit claim ${name}`}>
              Edit
            </ActionButton>
            {can.delete ? (
              <ActionButton method="deleteClaim" onClick={() => open('delete')} disabled={action.busy} aria-label={`Delete claim ${name}`}>
                Delete
              </ActionButton>
            ) : null}
          </div>
        </td>
      </tr>
      {paying || action.error ? (
        <tr className="row-form">
          <td colSpan={8}>
            {paying ? (
              <span className="inline">
                <label htmlFor={dateId}>Paid on</label>
                <input id={dateId} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} autoFocus />
                <button type="button" className="primary" onClick={() => void setStatus('paid')} disabled={action.busy || !paidOn}>
                  Record payment
                </button>
                <button type="button" onClick={() => (setPaying(false), setSeenVersion(null), action.reset())}>
                  Cancel
                </button>
              </span>
            ) : null}
            <FormError error={action.error} onReload={reloadOnConflict(action, reload, () => setSeenVersion(null))} />
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
