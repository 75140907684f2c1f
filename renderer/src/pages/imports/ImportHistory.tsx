import { useEffect, useRef, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { ImportBatchView } from '@shared/contract/imports';
import { DataTable } from '../../components/DataTable';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatCount } from '../../components/format';
import { useQueryOf } from '../../data/queries';
import { useChange } from '../../data/mutations';
import { countOf } from '@shared/plural';

const KIND_LABELS: Record<string, string> = { roll: 'Membership roll', ofsted: 'Ofsted', qa: 'QA tracker', demo: 'Demo network' };

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function summaryText(b: ImportBatchView): string {
  const s = b.summary as Record<string, unknown>;
  if (b.kind === 'ofsted' && typeof s.inspectionsAdded === 'number') return `${countOf(s.inspectionsAdded, 'inspection')} added`;
  if (b.kind === 'qa' && typeof s.reviewsAdded === 'number') return `${countOf(s.reviewsAdded, 'review')} added, ${formatCount(Number(s.reviewsUpdated ?? 0))} updated, ${formatCount(Number(s.assignmentsAdded ?? 0))} assignments`;
  if (b.kind !== 'roll') return `${formatCount(b.rows)} rows`;
  const parts = ([['joiners', 'joiner'], ['leavers', 'leaver'], ['moves', 'hub move'], ['pupilChanges', 'pupil change']] as const)
    .filter(([k]) => typeof s[k] === 'number' && (s[k] as number) > 0)
    .map(([k, label]) => `${s[k] as number} ${label}${s[k] === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : `${formatCount(b.rows)} rows`;
}

/** Every import, newest first; the latest one still in force can be undone (after a confirmation). */
/** `onUndone` starts the importers afresh: what they previewed was checked against data that is gone. */
export function ImportHistory({ onUndone }: { onUndone(): void }) {
  const history = useQueryOf('listImportBatches', {});
  const [pending, setPending] = useState<ImportBatchView | null>(null);
  const undoing = useChange();
  const { busy, error } = undoing;
  const [done, setDone] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (pending) dialog.current?.showModal();
    else dialog.current?.close();
  }, [pending]);

  async function undo() {
    if (!pending) return;
    const r = await undoing.run('undoImportBatch', { batchId: pending.id, confirm: true });
    if (!r) return;
    setDone(`Import #${r.batchId} (${pending.fileName}) was undone: ${formatCount(r.restoredRows)} rows restored.`);
    setPending(null);
    onUndone();
  }

  const columns: ColumnDef<ImportBatchView, unknown>[] = [
    { header: '#', accessorKey: 'id', meta: { align: 'right' } },
    { header: 'When', accessorKey: 'createdAt', cell: (c) => when(c.getValue<string>()) },
    { header: 'Source', accessorFn: (b) => KIND_LABELS[b.kind] ?? b.kind, id: 'kind' },
    { header: 'File', accessorKey: 'fileName' },
    { header: 'Year', accessorFn: (b) => b.year ?? '—', id: 'year' },
    { header: 'Changes', id: 'summary', accessorFn: summaryText, enableSorting: false },
    { header: 'By', accessorKey: 'createdBy' },
    {
      header: '',
      id: 'action',
      enableSorting: false,
      cell: (c) => {
        const b = c.row.original;
        if (b.undoneAt) return <span className="tag plain">undone {when(b.undoneAt)}</span>;
        if (!b.canUndo) return null;
        return (
          <button type="button" onClick={() => { undoing.reset(); setPending(b); }}>
            Undo…
          </button>
        );
      },
    },
  ];

  return (
    <section aria-labelledby="history-title" className="import-history">
      <h2 id="history-title">Import history</h2>
      {done ? <p className="notice good" role="status">{done}</p> : null}
      {history.error ? <ErrorPanel title="Could not load the import history" error={history.error} onRetry={history.refetch} /> : null}
      <DataTable label="Import history" rows={history.data ?? []} columns={columns} rowKey={(b) => b.id} empty="No imports yet." />
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="undo-title" onClose={() => setPending(null)}>
        {pending ? (
          <>
            <h2 id="undo-title">Undo import #{pending.id}?</h2>
            <p>
              This puts back {pending.kind === 'ofsted' ? 'the Ofsted inspections' : pending.kind === 'qa' ? 'the QA reviews, their WWWs and EBIs and the reviewer assignments' : 'every school, membership and contact'} exactly as {pending.kind === 'roll' ? 'it was' : 'they were'} before <strong>{pending.fileName}</strong> was imported
              {pending.year ? ` into ${pending.year}` : ''}. A backup of the database is taken first.
            </p>
            {error ? <p className="form-error" role="alert">{error}</p> : null}
            <div className="step-actions">
              <button type="button" onClick={() => setPending(null)} disabled={busy} autoFocus>
                Keep the import
              </button>
              <button type="button" className="danger" onClick={() => void undo()} disabled={busy}>
                {busy ? 'Undoing…' : 'Undo the import'}
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </section>
  );
}
