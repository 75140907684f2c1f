import { useRef, type ReactNode } from 'react';
import { useModalDialog } from '../useModalDialog';
import { submitOnEnter } from './keys';
import { ReloadButton } from './ReloadButton';

/**
 * A modal form for one record: it opens on its first field, Enter saves (the form submits), Esc
 * cancels, and focus goes back to what opened it. The core's answer is shown as it is; nothing is
 * shown as saved until the core confirms.
 */
export function RecordDialog(props: {
  title: string;
  label?: string;
  children: ReactNode;
  saveLabel: string;
  busy?: boolean;
  error?: string | null;
  wide?: boolean;
  canSave?: boolean;
  onSave(): void;
  onCancel(): void;
  /** Offered beside a refusal because the record changed since it was loaded: fetch it again and start over. */
  onReload?: () => Promise<void>;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref, true);
  return (
    <dialog
      ref={ref}
      className={`confirm-dialog record-dialog${props.wide ? ' wide' : ''}`}
      aria-label={props.label ?? props.title}
      onCancel={(e) => {
        e.preventDefault();
        if (!props.busy) props.onCancel();
      }}
    >
      <form
        noValidate
        onKeyDown={submitOnEnter}
        onSubmit={(e) => {
          e.preventDefault();
          if (!props.busy && props.canSave !== false) props.onSave();
        }}
      >
        <h2>{props.title}</h2>
        <div className="record-dialog-body">{props.children}</div>
        {props.error ? (
          <p className="form-error" role="alert">
            {props.error}
            {props.onReload ? <ReloadButton onReload={props.onReload} form={ref} /> : null}
          </p>
        ) : null}
        <div className="confirm-dialog-actions">
          <span className="small muted record-keys">Enter saves · Esc cancels</span>
          <button type="button" onClick={props.onCancel} disabled={props.busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={props.busy || props.canSave === false}>
            {props.busy ? 'Saving…' : props.saveLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
