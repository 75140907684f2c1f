import { useState, type ReactNode } from 'react';
import type { RequestOf } from '@shared/contract';
import { reverseClaimPaymentSchema, unlockFundingSchema } from '@shared/validation/funding';
import { RecordDialog } from '../../components/forms/RecordDialog';
import { Field } from '../../components/forms/Field';
import { validate } from '../../components/forms/validate';
import type { Saved } from '../../components/forms/UndoNotice';
import { useChange } from '../../data/mutations';

/** The finance corrections that need a reason, kept beside what they changed and in the audit log. */
type ReasonedMethod = 'reverseClaimPayment' | 'unlockFunding';
const SCHEMAS = { reverseClaimPayment: reverseClaimPaymentSchema, unlockFunding: unlockFundingSchema };

/** A correction that takes effect only with finance's reason: the dialog opens on the reason, and Enter saves once it is given. */
export function ReasonDialog<M extends ReasonedMethod>(props: {
  method: M;
  request: Omit<RequestOf<M>, 'reason'>;
  title: string;
  saveLabel: string;
  reasonLabel: string;
  children: ReactNode;
  onSaved(r: Saved): void;
  onCancel(): void;
}) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const save = useChange();
  const request = { ...props.request, reason } as RequestOf<M>;
  const messages = { ...validate(SCHEMAS[props.method], request), ...save.fieldErrors };

  async function submit() {
    setTouched(true);
    if (Object.keys(messages).length) return;
    // Both methods answer the change's audit entry and summary (RecordsChange).
    const r = (await save.run(props.method, request)) as Saved | undefined;
    if (r) props.onSaved(r);
  }

  return (
    <RecordDialog title={props.title} saveLabel={props.saveLabel} busy={save.busy} error={save.error} onSave={() => void submit()} onCancel={props.onCancel}>
      <div className="reason-dialog-note">{props.children}</div>
      <Field label={props.reasonLabel} message={touched || reason !== '' ? messages.reason : null}>
        {(p) => <input {...p} value={reason} onChange={(e) => (setReason(e.target.value), save.clearFieldErrors())} />}
      </Field>
    </RecordDialog>
  );
}
