import { useState } from 'react';
import type { NetworkExportLayout } from '@shared/contract/exports';
import { Progress } from '../imports/Progress';
import { exportNetwork, type ExportProgress } from './run-export';
import { useExportJob } from './useExportJob';
import { usePermissions } from '../../state/person';
import { ContactsOption } from './ContactsOption';

const LAYOUTS: { value: NetworkExportLayout; title: string; detail: string }[] = [
  { value: 'workbook', title: 'One workbook', detail: 'A Network sheet with a row per hub, then every hub’s seven sheets.' },
  { value: 'zip', title: 'One workbook per hub, in a .zip', detail: 'The network workbook and a hub workbook for each hub, to send on one by one.' },
];

/** The whole network, as one workbook or a zip of hub workbooks, with a progress bar while charts are drawn and the file written. */
export function NetworkExportPanel({ year }: { year: string }) {
  const [layout, setLayout] = useState<NetworkExportLayout>('workbook');
  const [contacts, setContacts] = useState(true);
  const { contacts: mayInclude } = usePermissions();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const job = useExportJob();
  const { busy } = job;

  const run = async () => {
    setProgress({ fraction: 0, label: 'Starting' });
    await job.run(
      (client) => exportNetwork(client, year, layout, contacts && mayInclude, setProgress),
      (file) => `Saved ${file.fileName} (${layout === 'zip' ? `${file.contents.length} workbooks` : `${file.contents.length} sheets`}, ${Math.ceil(file.bytes / 1024).toLocaleString('en-GB')} KB).`,
    );
    setProgress(null);
  };

  return (
    <section className="panel export-panel" aria-labelledby="network-export-title">
      <h2 id="network-export-title">Network</h2>
      <p className="hint">Every hub for {year}, with the network’s spend by category chart and each hub’s spend chart.</p>
      <fieldset className="export-layouts" disabled={busy}>
        <legend className="label">Write</legend>
        {LAYOUTS.map((l) => (
          <label key={l.value} className={`export-layout${layout === l.value ? ' chosen' : ''}`}>
            <input type="radio" name="network-layout" value={l.value} checked={layout === l.value} onChange={() => setLayout(l.value)} />
            <span>
              <strong>{l.title}</strong>
              <span className="hint muted">{l.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <ContactsOption value={contacts} onChange={setContacts} disabled={busy} />
      <div className="step-actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={busy} aria-busy={busy}>
          {busy ? 'Exporting…' : layout === 'zip' ? 'Export hub workbooks (.zip)' : 'Export network workbook'}
        </button>
        {job.message}
      </div>
      {progress ? <Progress label={progress.label} fraction={progress.fraction} /> : null}
    </section>
  );
}
