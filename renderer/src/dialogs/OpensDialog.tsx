import { useState, type ReactNode } from 'react';
import type { MethodName } from '@shared/contract';
import { useSavedNotice, type Saved } from '../components/forms/UndoNotice';
import { ActionButton } from '../components/ActionButton';

/** What a dialog opened by a button can do: close, or close with "Saved … Undo", or only show that notice. */
export interface DialogEnds {
  close(): void;
  saved(r: Saved): void;
  show(r: Saved): void;
}

/**
 * A button that opens a records dialog, and the "Saved … Undo" toast after it saved. `method` is
 * the change the dialog makes: the button is disabled, saying which role it needs, for anyone else.
 */
export function OpensDialog({ label, method, small, children }: { label: ReactNode; method: MethodName; small?: boolean; children(ends: DialogEnds): ReactNode }) {
  const [open, setOpen] = useState(false);
  const notice = useSavedNotice('toast');
  const ends: DialogEnds = {
    close: () => setOpen(false),
    saved: (r) => {
      setOpen(false);
      notice.show(r);
    },
    show: notice.show,
  };
  return (
    <>
      <ActionButton method={method} className={small ? 'small-button' : undefined} onClick={() => setOpen(true)}>
        {label}
      </ActionButton>
      {open ? children(ends) : null}
      {notice.notice}
    </>
  );
}
