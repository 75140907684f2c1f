import { useState } from 'react';
import type { MethodName, RequestOf, ResponseOf } from '@shared/contract';
import { useChange } from '../../data/mutations';
import { loadChosenFile, type LoadedFile } from './files';

/**
 * What every import step shows while it works: a progress label (with a fraction while a file is
 * read) and the message when a step fails. The calls themselves go through useChange like every
 * other screen's, so an import's commit or undo refreshes whatever shows the data it changed.
 */
export function useImportWork() {
  const change = useChange();
  const [working, setWorking] = useState<{ label: string; fraction?: number | null } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  async function run<M extends MethodName>(label: string, method: M, request: RequestOf<M>): Promise<ResponseOf<M> | undefined> {
    setWorking({ label });
    setReadError(null);
    try {
      return await change.run(method, request);
    } finally {
      setWorking(null);
    }
  }

  /** The chosen file, or undefined when it cannot be read (too large, unreadable: the message shows). */
  async function read(file: File): Promise<LoadedFile | undefined> {
    const label = `Reading ${file.name}…`;
    setWorking({ label });
    setReadError(null);
    change.reset();
    try {
      return await loadChosenFile(file, (fraction) => setWorking({ label, fraction }));
    } catch (e) {
      setReadError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setWorking(null);
    }
  }

  function reset() {
    change.reset();
    setReadError(null);
  }

  return { busy: working, error: readError ?? change.error, reset, run, read };
}
