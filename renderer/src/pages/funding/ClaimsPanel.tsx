import { useEffect, useRef, useState } from 'react';
import type { ClaimView, HubFundingDetail } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { formatDate } from '../../components/format';
import { usePanelDialogs, type Saved } from '../../components/forms/UndoNotice';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';
import { ClaimForm } from './ClaimForm';
import { ClaimRow, claimName, type ClaimDialogKind } from './ClaimRow';
import { ClaimEditDialog } from './ClaimEditDialog';
import { DeleteClaimDialog, RejectClaimDialog } from './ClaimConfirmDialogs';
import { ReasonDialog } from './ReasonDialog';
import { ActionButton } from '../../components/ActionButton';

/** Claims for the year: log one, move it through approved → paid (or rejected), and correct mistakes; every change with its Undo. */
export function ClaimsPanel({ detail, reload }: { detail: HubFundingDetail; reload(): Promise<unknown> }) {
  const [adding, setAdding] = useState(false);
  const dialogs = usePanelDialogs<{ kind: ClaimDialogKind; claim: ClaimView }>();
  const open = dialogs.open;
  const ends = { detail, onSaved: dialogs.saved, onCancel: dialogs.close };
  // The form opens on its first field; once it closes (saved or cancelled) the keyboard is back on "Log a claim".
  const logButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  useEffect(() => {
    if (wasAdding.current && !adding) logButton.current?.focus();
    wasAdding.current = adding;
  }, [adding]);
  return (
    <section className="panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims</h2>
      {dialogs.notice}
      {detail.claims.length === 0 ? (
        <div className="empty-state">No claims logged for {detail.year}.</div>
      ) : (
        <GridTable label="Claims" className="data-table compact claims-table">
          <TableHead columns={['Claimed', 'Invoice', 'Priority', 'Category', 'Description', { num: 'Amount' }, 'Status', { hidden: 'Actions' }]} />
          <tbody>
            {detail.claims.map((c) => (
              <ClaimRow key={c.id} claim={c} onOpen={(kind) => dialogs.setOpen({ kind, claim: c })} onSaved={dialogs.saved} reload={reload} />
            ))}
          </tbody>
        </GridTable>
      )}
      {adding ? (
        <ClaimForm
          detail={detail}
          onDone={() => setAdding(false)}
          onSaved={(r: Saved) => {
            setAdding(false);
            dialogs.saved(r);
          }}
        />
      ) : (
        <div className="form-actions">
          <ActionButton method="createClaim" ref={logButton} onClick={() => setAdding(true)}>
            Log a claim
          </ActionButton>
        </div>
      )}
      {open?.kind === 'edit' ? <ClaimEditDialog {...ends} claim={detail.claims.find((c) => c.id === open.claim.id) ?? null} reload={reload} /> : null}
      {open?.kind === 'delete' ? <DeleteClaimDialog {...ends} claim={open.claim} /> : null}
      {open?.kind === 'reject' ? <RejectClaimDialog {...ends} claim={open.claim} /> : null}
      {open?.kind === 'reverse' ? (
        <ReasonDialog
          method="reverseClaimPayment"
          request={{ claimId: open.claim.id, version: open.claim.version }}
          title={`Reverse the payment of claim ${claimName(open.claim)}?`}
          saveLabel="Reverse the payment"
          reasonLabel="Reason (kept beside the claim and in the audit log)"
          onSaved={dialogs.saved}
          onCancel={dialogs.close}
        >
          <p>
            The payment of {formatPence(open.claim.amountPence)} on {formatDate(open.claim.paidOn!)} is taken off {detail.hub}’s released amount and the claim goes back
            to approved. Its amount can then be corrected, or it can be paid again or deleted.
          </p>
        </ReasonDialog>
      ) : null}
    </section>
  );
}
