import type { HubFundingDetail } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { formatDate } from '../../components/format';
import { useChange } from '../../data/mutations';
import { FormError } from '../../components/forms/FormError';
import { usePanelDialogs } from '../../components/forms/UndoNotice';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ReasonDialog } from './ReasonDialog';

/**
 * Finalising: lock the computed allocation; afterwards a roll change waits here for approval, and
 * finance can unlock with a reason. Each step is confirmed in a dialog and can be undone.
 */
export function LockPanel({ detail }: { detail: HubFundingDetail }) {
  const action = useChange();
  const dialogs = usePanelDialogs<'lock' | 'approve' | 'unlock'>();
  const { locked: lock, pendingDifference: diff } = detail;
  const live = formatPence(detail.live.figures.totalAvailablePence);
  const hubYear = { hubId: detail.hubId, year: detail.year };

  async function lockHub() {
    const r = await action.run('lockFunding', hubYear);
    if (r?.auditId != null) dialogs.saved({ auditId: r.auditId, summary: r.summary });
    else if (r) dialogs.close();
  }
  async function approve() {
    const r = await action.run('approveFundingDifference', hubYear);
    if (r) dialogs.saved(r);
  }
  const ask = (which: 'lock' | 'approve' | 'unlock') => {
    action.reset();
    dialogs.setOpen(which);
  };
  const confirmProps = { busy: action.busy, onCancel: dialogs.close };

  return (
    <section className={`panel lock-panel${!lock ? '' : diff ? ' pending' : ' locked'}`} aria-labelledby="lock-heading">
      <h2 id="lock-heading">{!lock ? 'Allocation not locked' : diff ? 'Locked, with a pending difference' : 'Allocation locked'}</h2>
      {dialogs.notice}
      {!lock ? (
        <>
          <p>
            These figures follow the membership roll. Finance locks them once agreed; after that a roll change shows here as a difference to approve and never
            changes the locked figure by itself.
          </p>
          <button type="button" className="primary" onClick={() => ask('lock')} disabled={action.busy}>
            Lock {live} for {detail.year}
          </button>
        </>
      ) : (
        <>
          <p>
            Locked by {lock.lockedBy} on {formatDate(lock.lockedAt)} at a total available of <strong>{formatPence(lock.figures.totalAvailablePence)}</strong> (funding{' '}
            {formatPence(lock.figures.fundingPence)} + carry forward {formatPence(lock.figures.carryForwardPence)}). The locked figures are the ones in force.
          </p>
          {diff ? (
            <>
              <p>
                The roll now gives a total available of <strong>{live}</strong>:
              </p>
              <ul className="explain">
                {diff.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="form-actions">
            {diff ? (
              <button type="button" className="primary" onClick={() => ask('approve')} disabled={action.busy}>
                Approve the difference and re-lock
              </button>
            ) : null}
            <button type="button" onClick={() => ask('unlock')} disabled={action.busy}>
              Unlock…
            </button>
          </div>
        </>
      )}
      {dialogs.open === null ? <FormError error={action.error} /> : null}
      <ConfirmDialog {...confirmProps} open={dialogs.open === 'lock'} title={`Lock ${detail.hub}’s ${detail.year} allocation?`} confirmLabel={`Lock ${live}`} onConfirm={() => void lockHub()}>
        <p>
          The total available is fixed at {live}. After that a roll change shows here as a difference to approve, and never changes the locked figure by itself.
        </p>
        <FormError error={action.error} />
      </ConfirmDialog>
      <ConfirmDialog
        {...confirmProps}
        open={dialogs.open === 'approve'}
        title={`Re-lock ${detail.hub}’s ${detail.year} figures?`}
        confirmLabel={`Re-lock at ${live}`}
        onConfirm={() => void approve()}
      >
        <p>
          The locked total available {lock ? formatPence(lock.figures.totalAvailablePence) : ''} becomes {live}, the figures the roll gives today.
        </p>
        <FormError error={action.error} />
      </ConfirmDialog>
      {dialogs.open === 'unlock' && lock ? (
        <ReasonDialog
          method="unlockFunding"
          request={hubYear}
          title={`Unlock ${detail.hub}’s ${detail.year} allocation?`}
          saveLabel="Unlock"
          reasonLabel="Reason (kept in the audit log)"
          onSaved={dialogs.saved}
          onCancel={dialogs.close}
        >
          <p>
            The lock at {formatPence(lock.figures.totalAvailablePence)} (by {lock.lockedBy} on {formatDate(lock.lockedAt)}) is taken off: the figures follow the roll
            again ({live} today) until finance locks them again.
          </p>
        </ReasonDialog>
      ) : null}
    </section>
  );
}
