import { useState } from 'react';

/** "Saved: …" with an Undo button for the change just made (the core refuses if it was overtaken). */
export function UndoNotice({ saved, onUndone, onClose }: { saved: { auditId: number; summary: string }; onUndone(): void; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [undone, setUndone] = useState<string | null>(null);
  async function undo() {
    setBusy(true);
    setError(null);
    try {
      const r = await window.api.undoLastChange({ auditId: saved.auditId });
      setUndone(r.undone.summary);
      onUndone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className={`notice ${error ? 'bad' : 'good'} undo-notice`} role="status">
      <span>{undone ? `Undone: ${undone}` : `Saved: ${saved.summary}`}</span>
      {error ? <span> — {error}</span> : null}
      {!undone ? (
        <button type="button" onClick={() => void undo()} disabled={busy}>
          {busy ? 'Undoing…' : 'Undo'}
        </button>
      ) : null}
      <button type="button" className="link-button" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
