import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatCount } from '../../components/format';
import { useChange } from '../../data/mutations';

/** An import to undo, as the history and the wizard's last step know it. */
export interface UndoableImport {
  id: number;
  kind: string;
  fileName: string;
  year: string | null;
}

/** What undoing an import of each kind puts back, in the person's words. */
const PUTS_BACK: Record<string, string> = {
  roll: 'every school, membership and contact',
  ofsted: 'the Ofsted inspections',
  qa: 'the QA reviews, their WWWs and EBIs and the reviewer assignments',
  gias: 'each school’s name, phase, type, local authority, trust, headteacher, postcode, status and pupils',
  plan: 'the hub’s action plan',
};

/**
 * "Undo import #N?" — what undoing it puts back, with Cancel first (undoing is not undone by Enter
 * by accident). `onUndone` gets the sentence that says it was undone.
 */
export function UndoImportDialog({ batch, onUndone, onCancel }: { batch: UndoableImport | null; onUndone(message: string): void; onCancel(): void }) {
  const undoing = useChange();
  async function undo() {
    if (!batch) return;
    const r = await undoing.run('undoImportBatch', { batchId: batch.id, confirm: true });
    if (r) onUndone(`Import #${r.batchId} (${batch.fileName}) was undone: ${formatCount(r.restoredRows)} rows restored.`);
  }
  return (
    <ConfirmDialog
      open={batch !== null}
      title={batch ? `Undo import #${batch.id}?` : 'Undo the import?'}
      confirmLabel="Undo the import"
      destructive
      busy={undoing.busy}
      onConfirm={() => void undo()}
      onCancel={() => {
        undoing.reset();
        onCancel();
      }}
    >
      {batch ? (
        <p>
          This puts back {PUTS_BACK[batch.kind] ?? 'every row it changed'} exactly as {batch.kind === 'roll' ? 'it was' : 'they were'} before <strong>{batch.fileName}</strong> was
          imported{batch.year ? ` into ${batch.year}` : ''}. A backup of the database is taken first.
        </p>
      ) : null}
      {undoing.error ? (
        <p className="form-error" role="alert">
          {undoing.error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
