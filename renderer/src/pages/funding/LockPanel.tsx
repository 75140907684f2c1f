import type { HubFundingDetail } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { formatDate } from '../../components/format';
import { useChange } from '../../data/mutations';
import { FormError } from '../../components/forms/FormError';

/** Finalising: lock the computed allocation; afterwards a roll change waits here for approval. */
export function LockPanel({ detail }: { detail: HubFundingDetail }) {
  const action = useChange();
  const { locked: lock, pendingDifference: diff } = detail;

  async function lockHub() {
    await action.run('lockFunding', { year: detail.year, hubId: detail.hubId });
  }
  async function approve() {
    if (!window.confirm(`Re-lock ${detail.hub}’s ${detail.year} figures at a total available of ${formatPence(detail.live.figures.totalAvailablePence)}?`)) return;
    await action.run('approveFundingDifference', { year: detail.year, hubId: detail.hubId });
  }

  if (!lock) {
    return (
      <section className="panel lock-panel" aria-labelledby="lock-heading">
        <h2 id="lock-heading">Allocation not locked</h2>
        <p>
          These figures follow the membership roll. Finance locks them once agreed; after that a roll change shows here as a difference to approve and
          never changes the locked figure by itself.
        </p>
        <button type="button" className="primary" onClick={lockHub} disabled={action.busy}>
          Lock {formatPence(detail.live.figures.totalAvailablePence)} for {detail.year}
        </button>
        <FormError error={action.error} />
      </section>
    );
  }
  return (
    <section className={`panel lock-panel${diff ? ' pending' : ' locked'}`} aria-labelledby="lock-heading">
      <h2 id="lock-heading">{diff ? 'Locked, with a pending difference' : 'Allocation locked'}</h2>
      <p>
        Locked by {lock.lockedBy} on {formatDate(lock.lockedAt)} at a total available of <strong>{formatPence(lock.figures.totalAvailablePence)}</strong> (funding{' '}
        {formatPence(lock.figures.fundingPence)} + carry forward {formatPence(lock.figures.carryForwardPence)}). The locked figures are the ones in force.
      </p>
      {diff ? (
        <>
          <p>
            The roll now gives a total available of <strong>{formatPence(detail.live.figures.totalAvailablePence)}</strong>:
          </p>
          <ul className="explain">
            {diff.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={approve} disabled={action.busy}>
            Approve the difference and re-lock
          </button>
        </>
      ) : null}
      <FormError error={action.error} />
    </section>
  );
}
