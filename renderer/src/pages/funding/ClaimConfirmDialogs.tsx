import type { ClaimView, HubFundingDetail } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/forms/FormError';
import type { Saved } from '../../components/forms/UndoNotice';
import { useChange } from '../../data/mutations';
import { claimName } from './ClaimRow';

interface Props {
  detail: HubFundingDetail;
  claim: ClaimView;
  onSaved(r: Saved): void;
  onCancel(): void;
}

/** Delete a claim not yet paid, once finance confirms (Cancel first). */
export function DeleteClaimDialog({ detail, claim: c, onSaved, onCancel }: Props) {
  const action = useChange();
  async function confirm() {
    const r = await action.run('deleteClaim', { claimId: c.id, version: c.version });
    if (r) onSaved(r);
  }
  return (
    <ConfirmDialog open title={`Delete claim ${claimName(c)}?`} confirmLabel="Delete the claim" destructive busy={action.busy} onConfirm={() => void confirm()} onCancel={onCancel}>
      <p>
        The {c.status} claim of {formatPence(c.amountPence)} ({c.category}) leaves {detail.hub}’s {detail.year} claims. The audit log keeps it, and Undo puts it back.
      </p>
      <FormError error={action.error} />
    </ConfirmDialog>
  );
}

/** Reject a claim, once finance confirms (Cancel first); a rejected claim can be corrected back later. */
export function RejectClaimDialog({ detail, claim: c, onSaved, onCancel }: Props) {
  const action = useChange();
  async function confirm() {
    const r = await action.run('updateClaim', { claimId: c.id, version: c.version, status: 'rejected' });
    if (r) onSaved(r);
  }
  return (
    <ConfirmDialog open title={`Reject claim ${claimName(c)}?`} confirmLabel="Reject the claim" destructive busy={action.busy} onConfirm={() => void confirm()} onCancel={onCancel}>
      <p>
        The claim of {formatPence(c.amountPence)} ({c.category}) stops counting towards {detail.hub}’s claimed amount for {detail.year}. Edit can set it back to
        submitted or approved.
      </p>
      <FormError error={action.error} />
    </ConfirmDialog>
  );
}
