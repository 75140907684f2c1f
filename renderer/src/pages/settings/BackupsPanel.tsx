import { useState } from 'react';
import type { BackupView } from '@shared/contract';
import { useApi } from '../../api/useApi';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate } from '../../components/format';

function when(iso: string): string {
  return `${formatDate(iso)} ${iso.slice(11, 16)} UTC`;
}

function describe(reason: string): string {
  const text = reason.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The database's backups: take one now, or restore one (after a backup of the current state). */
export function BackupsPanel({ onRestored }: { onRestored(): void }) {
  const backups = useApi(() => window.api.listBackups({}), []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [restoring, setRestoring] = useState<BackupView | null>(null);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await action());
      backups.reload();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="backups-title">
      <div className="panel-head">
        <h2 id="backups-title">Backups</h2>
        <button type="button" disabled={busy} onClick={() => run(async () => `Backup taken: ${(await window.api.createBackup({})).name}`)}>
          Back up now
        </button>
      </div>
      <p className="hint">
        hubdesk backs up the database before every import, undo, migration and restore, checks every backup as it is written, and
        keeps the last 20, one a month and always the newest checked one.
      </p>
      {message ? <p role="status" className="ok-text">{message}</p> : null}
      {error ? <ErrorPanel title="That did not work" error={error} /> : null}
      {backups.error ? <ErrorPanel title="Could not list the backups" error={backups.error} onRetry={backups.reload} /> : null}
      {backups.data && backups.data.length === 0 ? <p className="empty">No backups yet.</p> : null}
      {backups.data && backups.data.length > 0 ? (
        <table className="data-table compact" aria-label="Backups">
          <thead>
            <tr>
              <th>Taken</th>
              <th>Why</th>
              <th className="num">Size</th>
              <th>Checked</th>
              <th><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
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
        </table>
      ) : null}
      <ConfirmDialog
        open={restoring !== null}
        title="Restore this backup?"
        confirmLabel="Restore"
        destructive
        busy={busy}
        onCancel={() => setRestoring(null)}
        onConfirm={() =>
          restoring &&
          run(async () => {
            const r = await window.api.restoreBackup({ name: restoring.name, confirm: true });
            setRestoring(null);
            onRestored();
            return `Restored the backup of ${when(restoring.createdAt)}. The data as it was just before is kept as ${r.safetyBackup}.`;
          })
        }
      >
        <p>
          Every hub, school, import and change will go back to how it was on <strong>{restoring ? when(restoring.createdAt) : ''}</strong>.
          The current data is backed up first, so this can be reversed.
        </p>
      </ConfirmDialog>
    </section>
  );
}
