import { useState } from 'react';
import type { BackupView } from '@shared/contract';
import { useQueryOf } from '../../data/queries';
import { useChange } from '../../data/mutations';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate } from '../../components/format';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';

function when(iso: string): string {
  return `${formatDate(iso)} ${iso.slice(11, 16)} UTC`;
}

function describe(reason: string): string {
  const text = reason.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The database's backups: take one now, or restore one (after a backup of the current state). */
export function BackupsPanel() {
  const backups = useQueryOf('listBackups', {});
  const action = useChange();
  const [message, setMessage] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupView | null>(null);
  const busy = action.busy;

  async function backUp() {
    setMessage(null);
    const b = await action.run('createBackup', {});
    if (b) setMessage(`Backup taken: ${b.name}`);
  }
  async function restore(b: BackupView) {
    setMessage(null);
    const r = await action.run('restoreBackup', { name: b.name, confirm: true });
    if (!r) return;
    setRestoring(null);
    setMessage(`Restored the backup of ${when(b.createdAt)}. The data as it was just before is kept as ${r.safetyBackup}.`);
  }

  return (
    <section className="panel" aria-labelledby="backups-title">
      <div className="panel-head">
        <h2 id="backups-title">Backups</h2>
        <button type="button" disabled={busy} onClick={() => void backUp()}>
          Back up now
        </button>
      </div>
      <p className="hint">
        hubdesk backs up the database before every import, undo, migration and restore, checks every backup as it is written, and
        keeps the last 20, one a month and always the newest checked one.
      </p>
      {message ? <p role="status" className="ok-text">{message}</p> : null}
      {action.error ? <ErrorPanel title="That did not work" error={action.error} /> : null}
      {backups.error ? <ErrorPanel title="Could not list the backups" error={backups.error} onRetry={backups.refetch} /> : null}
      {backups.data && backups.data.length === 0 ? <p className="empty">No backups yet.</p> : null}
      {backups.data && backups.data.length > 0 ? (
        <GridTable label="Backups">
          <TableHead columns={['Taken', 'Why', { num: 'Size' }, 'Checked', { hidden: 'Actions' }]} />
          <tbody>
            {backups.data.map((b) => (
              <tr key={b.name}>
                <td>{when(b.createdAt)}</td>
                <td>{describe(b.reason)}</td>
                <td className="num">{(b.bytes / 1024 / 1024).toFixed(1)} MB</td>
                <td>{b.verified ? 'Sound when taken' : 'Not checked (older version)'}</td>
                <td className="num">
                  <button type="button" className="link-button" disabled={busy} onClick={() => setRestoring(b)}>
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      ) : null}
      <ConfirmDialog
        open={restoring !== null}
        title="Restore this backup?"
        confirmLabel="Restore"
        destructive
        busy={busy}
        onCancel={() => setRestoring(null)}
        onConfirm={() => restoring && void restore(restoring)}
      >
        <p>
          Every hub, school, import and change will go back to how it was on <strong>{restoring ? when(restoring.createdAt) : ''}</strong>.
          The current data is backed up first, so this can be reversed.
        </p>
      </ConfirmDialog>
    </section>
  );
}
