import { useState, type RefObject } from 'react';

/**
 * "Reload" beside a refusal of a stale form: fetches the record again and resets the form to it, then
 * puts focus on the form's first field so the person can edit again from the keyboard.
 */
export function ReloadButton({ onReload, form }: { onReload(): Promise<void>; form: RefObject<HTMLElement | null> }) {
  const [busy, setBusy] = useState(false);
  return (
    <>
      {' '}
      <button
        type="button"
        className="reload-button"
        disabled={busy}
        onClick={async () => {
          const within = form.current?.closest('form, dialog') ?? null;
          setBusy(true);
          try {
            await onReload();
          } finally {
            setBusy(false);
          }
          within?.querySelector<HTMLElement>('input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)')?.focus();
        }}
      >
        {busy ? 'Reloading…' : 'Reload'}
      </button>
    </>
  );
}
