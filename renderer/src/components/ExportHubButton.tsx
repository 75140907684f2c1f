import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { exportHub } from '../pages/exports/run-export';

/**
 * "Export to Excel" for a hub dashboard: draws the hub's spend chart, has the core write the hub
 * workbook (with contact details; the Exports page offers a copy without) and saves it.
 */
export function ExportHubButton({ hubId, year, includeContacts = true }: { hubId: number; year: string; includeContacts?: boolean }) {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const file = await exportHub(client, hubId, year, includeContacts);
      setMessage({ ok: true, text: `Saved ${file.fileName}` });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-hub-button">
      <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy} title="The hub dashboard as an Excel workbook, with the spend chart">
        {busy ? 'Exporting…' : 'Export to Excel'}
      </button>
      {message ? (
        <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text small' : 'form-error small'}>
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
