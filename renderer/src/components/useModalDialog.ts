import { useEffect, useRef, type RefObject } from 'react';

/** The fields a dialog opens on: the first that can be typed into or chosen. */
const FIELD = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Where focus goes when a dialog opens, unless it says otherwise: its first field, else its first button. */
function firstFocusable(dialog: HTMLDialogElement): HTMLElement | null {
  return dialog.querySelector<HTMLElement>(FIELD) ?? dialog.querySelector<HTMLElement>('button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])');
}

/**
 * Every dialog's behaviour, in one place: shown modal while `open`, focus on its first field (or on
 * `initialFocus`, e.g. Cancel for something destructive) — also once fields that were still loading
 * appear, unless the person has moved on — and back on what opened it when it closes or unmounts.
 * `Esc` is the dialog's own `cancel` event, which each dialog answers by closing.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, open: boolean, initialFocus?: RefObject<HTMLElement | null>): void {
  const opener = useRef<HTMLElement | null>(null);
  /** Focus is where the dialog put it and the first field is focused (or another element was asked for). */
  const settled = useRef(false);
  const placed = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    if (!dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement && !dialog.contains(document.activeElement) ? document.activeElement : null;
      dialog.showModal();
    }
    settled.current = false;
    const target = initialFocus?.current ?? firstFocusable(dialog);
    target?.focus();
    placed.current = target;
    settled.current = Boolean(initialFocus?.current) || target?.matches(FIELD) === true;
    return () => {
      if (dialog.open) dialog.close();
      const back = opener.current;
      opener.current = null;
      // What opened the dialog may have gone (a row that changed): then focus goes to the page.
      if (back?.isConnected) back.focus();
      else document.getElementById('main')?.focus();
    };
  }, [ref, open, initialFocus]);

  // A form whose fields load after it opens: its first field takes focus when it appears, unless the
  // person already went somewhere else in the dialog.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open || settled.current) return;
    const field = dialog.querySelector<HTMLElement>(FIELD);
    if (!field) return;
    settled.current = true;
    const active = document.activeElement;
    if (active === placed.current || !dialog.contains(active)) field.focus();
  });
}
