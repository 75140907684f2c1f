import { useRef } from 'react';
import type { PersonWithPassword } from '@shared/contract';
import { useModalDialog } from '../../../components/useModalDialog';

/**
 * A person's new password, shown this once (hubdesk keeps only its hash): the administrator gives
 * it to them in person or by a separate channel. Closing the dialog forgets it.
 */
export function OneTimePassword({ given, onClose }: { given: PersonWithPassword & { why: 'added' | 'reset' }; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  useModalDialog(ref, true, done);
  const { person, password } = given;
  return (
    <dialog ref={ref} className="confirm-dialog" aria-label={`Password for ${person.name}`} onCancel={(e) => (e.preventDefault(), onClose())}>
      <h2>{given.why === 'added' ? `${person.name} may now sign in` : `A new password for ${person.name}`}</h2>
      <div className="confirm-dialog-body">
        <p>
          Their password, shown <strong>only now</strong>: give it to {person.name} in person or by a separate channel (not in the same email as
          the address). {given.why === 'reset' ? 'Every session they had has ended.' : ''}
        </p>
        <p className="one-time-password" aria-label="One-time password">
          {password}
        </p>
        <p className="small muted">They sign in as {person.email}.</p>
      </div>
      <div className="confirm-dialog-actions">
        <button type="button" ref={done} className="primary" onClick={onClose}>
          Done — I have given it to them
        </button>
      </div>
    </dialog>
  );
}
