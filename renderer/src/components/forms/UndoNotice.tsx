import { useState, type ReactNode } from 'react';
import { useChange } from '../../data/mutations';

/**
 * What a records change answers: its audit entry and a summary ("Saved: …"). An import made from a
 * page (a hub's plan workbook) is undone as its import batch instead.
 */
export type Saved = { auditId: number; summary: string } | { importBatchId: number; summary: string };

const savedKey = (s: Saved) => ('auditId' in s ? `a${s.auditId}` : `b${s.importBatchId}`);

/** "Saved: …" with an Undo button for the change just made (the core refuses if it was overtaken). */
export function UndoNotice({ saved, onClose }: { saved: Saved; onClose(): void }) {
  const undo = useChange();
  const [undone, setUndone] = useState<string | null>(null);
  async function run() {
    if ('importBatchId' in saved) {
      if (await undo.run('undoImportBatch', { batchId: saved.importBatchId, confirm: true })) setUndone(saved.summary);
      return;
    }
    const r = await undo.run('undoLastChange', { auditId: saved.auditId });
    if (r) setUndone(r.undone.summary);
  }
  return (
    <div className={`notice ${undo.error ? 'bad' : 'good'} undo-notice`} role="status">
      <span>{undone ? `Undone: ${undone}` : `Saved: ${saved.summary}`}</span>
      {undo.error ? <span> — {undo.error}</span> : null}
      {!undone ? (
        <button type="button" onClick={() => void run()} disabled={undo.busy}>
          {undo.busy ? 'Undoing…' : 'Undo'}
        </button>
      ) : null}
      <button type="button" className="link-button" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/**
 * The notice after a save: `show(saved)` puts up "Saved: … Undo" (in the page's flow, or as a toast
 * in the corner for changes made from the page header).
 */
export function useSavedNotice(place: 'inline' | 'toast' = 'inline'): { notice: ReactNode; show(saved: Saved): void } {
  const [saved, setSaved] = useState<Saved | null>(null);
  const notice = saved ? <UndoNotice key={savedKey(saved)} saved={saved} onClose={() => setSaved(null)} /> : null;
  return { notice: place === 'toast' && notice ? <div className="undo-toast">{notice}</div> : notice, show: setSaved };
}

/** Which of a panel's dialogs is open (null: none), and the "Saved … Undo" notice once one saved. */
export function usePanelDialogs<T>() {
  const [open, setOpen] = useState<T | null>(null);
  const saved = useSavedNotice();
  return {
    open,
    setOpen,
    close: () => setOpen(null),
    saved: (r: Saved) => {
      setOpen(null);
      saved.show(r);
    },
    notice: saved.notice,
  };
}
