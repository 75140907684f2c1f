import { useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ExportFile } from '@shared/contract/exports';

/** An export run from a button: busy while the charts are drawn and the core writes, then what was saved or why not. */
export function useExportJob() {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function run(job: (client: QueryClient) => Promise<ExportFile>, saved: (file: ExportFile) => string): Promise<void> {
    setBusy(true);
    setResult(null);
    try {
      setResult({ ok: true, text: saved(await job(client)) });
    } catch (e) {
      setResult({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  const message = result ? (
    <span role={result.ok ? 'status' : 'alert'} className={result.ok ? 'ok-text' : 'form-error'}>
      {result.text}
    </span>
  ) : null;
  return { busy, run, message };
}
