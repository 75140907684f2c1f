import { useId, type ReactNode } from 'react';

/** A labelled input with its inline message (from the shared validation schemas). */
export function Field(props: {
  label: string;
  message?: string | null;
  hint?: ReactNode;
  children: (p: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const msgId = `${id}-msg`;
  return (
    <div className={`record-field${props.message ? ' invalid' : ''}`}>
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
