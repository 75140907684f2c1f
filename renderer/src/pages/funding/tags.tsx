import type { FundingHubRow } from '@shared/contract';

export function LockTag({ state }: { state: FundingHubRow['lockState'] }) {
  if (state === 'locked') return <span className="tag tag-locked">Locked</span>;
  if (state === 'pending') return <span className="tag tag-pending">Pending difference</span>;
  return null;
}
