import { useState } from 'react';
import { useQueryOf } from '../../data/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatCount } from '../../components/format';
import { exportHub } from './run-export';
import { useExportJob } from './useExportJob';
import { usePermissions } from '../../state/person';
import { ContactsOption, SHEETS_TEXT } from './ContactsOption';

/** One hub's workbook: choose the hub and whether contact details go in; the chart is drawn, then the file saved. */
export function HubExportPanel({ year }: { year: string }) {
  const hubs = useQueryOf('listHubs', { year });
  const [chosenHubId, setHubId] = useState<number | null>(null);
  const [contacts, setContacts] = useState(true);
  const { contacts: mayInclude } = usePermissions();
  const job = useExportJob();
  const { busy } = job;

  // The hub chosen, or the first of the year's hubs until one is chosen (or when the chosen one is not in this year).
  const list = hubs.data ?? [];
  const hubId = chosenHubId !== null && list.some((h) => h.id === chosenHubId) ? chosenHubId : (list[0]?.id ?? null);

  const run = async () => {
    if (hubId === null) return;
    await job.run((client) => exportHub(client, hubId, year, contacts && mayInclude), (file) => `Saved ${file.fileName} (${file.contents.length} sheets, ${formatCount(Math.ceil(file.bytes / 1024))} KB).`);
  };

  return (
    <section className="panel export-panel" aria-labelledby="hub-export-title">
      <h2 id="hub-export-title">Hub workbook</h2>
      <p className="hint">One hub’s dashboard for its Senior Partner: {SHEETS_TEXT}</p>
      {hubs.error ? <ErrorPanel title="Could not load the hubs" error={hubs.error} onRetry={hubs.refetch} /> : null}
      {hubs.data && hubs.data.length === 0 ? <p className="muted">No hub has member schools in {year}.</p> : null}
      {hubs.data && hubs.data.length > 0 ? (
        <div className="export-form">
          <label className="field-inline">
            Hub
            <select value={hubId ?? ''} onChange={(e) => setHubId(Number(e.target.value))} disabled={busy}>
              {hubs.data.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name} ({h.schools} schools)
                </option>
              ))}
            </select>
          </label>
          <ContactsOption value={contacts} onChange={setContacts} disabled={busy} />
          <div className="step-actions">
            <button type="button" className="primary" onClick={() => void run()} disabled={busy || hubId === null} aria-busy={busy}>
              {busy ? 'Exporting…' : 'Export hub workbook'}
            </button>
            {job.message}
          </div>
        </div>
      ) : null}
    </section>
  );
}
