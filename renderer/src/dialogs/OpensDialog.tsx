import { useState, type ReactNode } from 'react';
import { useSavedNotice, type Saved } from '../components/forms/UndoNotice';

/** What a dialog opened by a button can do: close, or close with "Saved … Undo", or only show that notice. */
export interface DialogEnds {
  close(): void;
  saved(r: Saved): void;
  show(r: Saved): void;
}

/** A button that opens a records dialog, and the "Saved … Undo" toast after it saved. */
export function OpensDialog({ label, small, children }: { label: ReactNode; small?: boolean; children(ends: DialogEnds): ReactNode }) {
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
      <button type="button" className={small ? 'small-button' : undefined} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? children(ends) : null}
      {notice.notice}
    </>
  );
}
