import { useId, type ReactNode } from 'react';

/**
 * A labelled input with its inline message: every form's field, in a dialog or on a page. The
 * message comes from the shared validation schema (shared/validation/<entity>.ts) or from the core.
 */
export function Field(props: {
  label: string;
  message?: string | null;
  hint?: ReactNode;
  /** Takes the rest of the row in a page form. */
  wide?: boolean;
  children: (p: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const msgId = `${id}-msg`;
  return (
    <div className={`field record-field${props.wide ? ' wide' : ''}${props.message ? ' invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, 'aria-invalid': Boolean(props.message), 'aria-describedby': props.message ? msgId : undefined })}
      {props.message ? (
        <span id={msgId} className="field-message">
          {props.message}
        </span>
      ) : props.hint ? (
        <span className="small muted">{props.hint}</span>
      ) : null}
    </div>
  );
}
