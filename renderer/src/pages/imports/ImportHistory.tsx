import { useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { ImportBatchView } from '@shared/contract/import-batches';
import { DataTable } from '../../components/DataTable';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatCount } from '../../components/format';
import { useQueryOf } from '../../data/queries';
import { UndoImportDialog } from './UndoImportDialog';
import { countOf } from '@shared/plural';

export const KIND_LABELS: Record<string, string> = { roll: 'Membership roll', ofsted: 'Ofsted', qa: 'QA tracker', gias: 'School data (GIAS)', plan: 'Action plan', demo: 'Demo network' };

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function summaryText(b: ImportBatchView): string {
  const s = b.summary as Record<string, unknown>;
  if (b.kind === 'ofsted' && typeof s.inspectionsAdded === 'number') return `${countOf(s.inspectionsAdded, 'inspection')} added`;
  if (b.kind === 'qa' && typeof s.reviewsAdded === 'number') return `${countOf(s.reviewsAdded, 'review')} added, ${formatCount(Number(s.reviewsUpdated ?? 0))} updated, ${formatCount(Number(s.assignmentsAdded ?? 0))} assignments`;
  if (b.kind === 'gias' && typeof s.schoolsUpdated === 'number') return `${countOf(s.schoolsUpdated, 'school')} updated${Number(s.pupilChanges ?? 0) > 0 ? `, ${countOf(Number(s.pupilChanges), 'pupil change')}` : ''}`;
  if (b.kind !== 'roll') return `${formatCount(b.rows)} rows`;
  const parts = ([['joiners', 'joiner'], ['leavers', 'leaver'], ['moves', 'hub move'], ['pupilChanges', 'pupil change']] as const)
    .filter(([k]) => typeof s[k] === 'number' && (s[k] as number) > 0)
    .map(([k, label]) => `${s[k] as number} ${label}${s[k] === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : `${formatCount(b.rows)} rows`;
}

/**
 * Every import, newest first; the latest one still in force of each kind can be undone (after a
 * confirmation). `onUndone` tells the page, which says so and starts the importers afresh (what they
 * previewed was checked against data that is gone).
 */
export function ImportHistory({ onUndone }: { onUndone(message: string): void }) {
  const history = useQueryOf('listImportBatches', {});
  const [pending, setPending] = useState<ImportBatchView | null>(null);

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
          <button type="button" onClick={() => setPending(b)}>
            Undo…
          </button>
        );
      },
    },
  ];

  return (
    <section aria-labelledby="history-title" className="import-history">
      <h2 id="history-title">Import history</h2>
      {history.error ? <ErrorPanel title="Could not load the import history" error={history.error} onRetry={history.refetch} /> : null}
      <DataTable label="Import history" rows={history.data ?? []} columns={columns} rowKey={(b) => b.id} empty="No imports yet: each file you import is listed here, and the latest of each kind can be undone." />
      <UndoImportDialog
        batch={pending}
        onCancel={() => setPending(null)}
        onUndone={(message) => {
          setPending(null);
          onUndone(message);
        }}
      />
    </section>
  );
}
