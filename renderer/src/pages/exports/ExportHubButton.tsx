import { exportHub } from './run-export';
import { useExportJob } from './useExportJob';
import { usePermissions } from '../../state/person';

/**
 * "Export to Excel" for a hub dashboard: draws the hub's spend chart, has the core write the hub
 * workbook (with contact details; the Exports page offers a copy without) and saves it.
 */
export function ExportHubButton({ hubId, year, includeContacts = true }: { hubId: number; year: string; includeContacts?: boolean }) {
  const job = useExportJob();
  const { contacts: mayInclude } = usePermissions();
  const run = () => job.run((client) => exportHub(client, hubId, year, includeContacts && mayInclude), (file) => `Saved ${file.fileName}`);
  return (
    <span className="export-hub-button">
      <button type="button" onClick={() => void run()} disabled={job.busy} aria-busy={job.busy} title="The hub dashboard as an Excel workbook, with the spend chart">
        {job.busy ? 'Exporting…' : 'Export to Excel'}
      </button>
      {job.message ? <span className="small">{job.message}</span> : null}
    </span>
  );
}
