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

/** The steps every importer shares: a file, then its preview, then the result of the import. */
export const FILE_PREVIEW_DONE = [
  { key: 'file', label: 'File' },
  { key: 'preview', label: 'Preview' },
  { key: 'done', label: 'Done' },
] as const;

/**
 * An importer's progress: the step it is at, the file read, the core's preview of it, the result
 * once imported, and the work of each step (useImportWork). `previewed` moves to a step with a
 * preview; `imported` to the last step with the result; `restart` back to choosing a file.
 */
export function useImportFlow<S extends string, P, R>(first: S, last: S) {
  const work = useImportWork();
  const [step, setStep] = useState<S>(first);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [result, setResult] = useState<R | null>(null);

  function previewed(p: P | undefined, next: S): void {
    if (!p) return;
    setPreview(p);
    setStep(next);
  }
  function imported(r: R | undefined): void {
    if (!r) return;
    setResult(r);
    setStep(last);
  }
  function restart(): void {
    setStep(first);
    setFile(null);
    setPreview(null);
    setResult(null);
    work.reset();
  }
  return { ...work, step, setStep, file, setFile, preview, result, previewed, imported, restart };
}
