import { useState } from 'react';
import { loadChosenFile, type LoadedFile } from './files';

/**
 * What every import step does while it works: a progress label (with a fraction while a file is read),
 * the core's message when a step fails, and the chosen file read with its progress.
 */
export function useImportWork() {
  const [busy, setBusy] = useState<{ label: string; fraction?: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
    setBusy({ label });
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  /** The chosen file, or undefined when it cannot be read (too large, unreadable: the message shows). */
  function read(file: File): Promise<LoadedFile | undefined> {
    const label = `Reading ${file.name}…`;
    return run(label, () => loadChosenFile(file, (fraction) => setBusy({ label, fraction })));
  }

  return { busy, error, setError, run, read };
}
