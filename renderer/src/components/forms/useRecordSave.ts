import { useState } from 'react';
import { coreMessages } from './validate';

/**
 * The save of a record form: busy while the core works, the core's refusal shown as a message and, per
 * field, beside the field it names (`server`, cleared by the form when the person edits).
 */
export function useRecordSave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [server, setServer] = useState<Record<string, string>>({});

  async function saveRecord(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      const c = coreMessages(e);
      setServer(c.byField);
      setError(c.message);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, server, setServer, saveRecord };
}
