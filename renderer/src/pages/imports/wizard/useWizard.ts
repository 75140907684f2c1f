import { useEffect, useRef, useState } from 'react';
import { useChange } from '../../../data/mutations';
import { onOutsideChange } from '../../../data/live';
import { tagsOverlapping, tagsRead, type Tag } from '../../../data/changes';
import { loadChosenFile, type LoadedFile } from '../files';
import type { FileRef, ImportConfig, ImportYears, Run, WizardPreview } from './config';

export type WizardStep = 'file' | 'mapping' | 'preview' | 'done';

/** What the wizard is doing now: a label, with a fraction while a file is read. */
export interface Working {
  label: string;
  fraction?: number | null;
}

/** What the last failure stopped: the file could not be used, or the commit was refused. */
export type Failed = { at: 'file' | 'preview' | 'commit'; message: string; changedSincePreview: boolean };

/** A change made elsewhere since the preview, to what the preview read: who made it (when known) and what it touched. */
export interface Overtaken {
  by: string | null;
  tags: Tag[];
}

/**
 * An import's state through the wizard's steps. The first preview sends the file (and its
 * companion); every later preview, the commit and the error report name the staging id the preview
 * returned, so a file crosses to the core once. Calls go through useChange like every screen's, so
 * a commit refreshes whatever shows what it wrote.
 */
export function useWizard<P extends WizardPreview, R, O>(config: ImportConfig<P, R, O>, years: ImportYears) {
  const change = useChange();
  const [working, setWorking] = useState<Working | null>(null);
  const [readError, setReadError] = useState<{ at: 'file'; message: string } | null>(null);
  const [lastCall, setLastCall] = useState<'preview' | 'commit'>('preview');
  const [step, setStep] = useState<WizardStep>('file');
  const [options, setOptionsState] = useState<O>(() => config.initialOptions(years));
  const [preview, setPreview] = useState<P | null>(null);
  const [result, setResult] = useState<R | null>(null);
  /** A companion file chosen before the first preview (then it is sent with the file). */
  const [companion, setCompanion] = useState<LoadedFile | null>(null);
  /** A colleague's change since the preview to what it read: commit waits for a new preview. */
  const [overtaken, setOvertaken] = useState<Overtaken | null>(null);
  /** What the preview shown read (its method's tags), and the method the last call ran. */
  const previewRead = useRef<readonly Tag[]>([]);
  const lastMethod = useRef<string>('');
  /** Whether a preview is on screen and not being committed, for the change stream's listener. */
  const watching = useRef(false);
  useEffect(() => {
    watching.current = preview !== null && (step === 'mapping' || step === 'preview') && working === null;
  });
  // The server's guard refuses a commit whose preview no longer holds; this says so before the person tries.
  useEffect(
    () =>
      onOutsideChange((change) => {
        if (!watching.current) return;
        const tags = tagsOverlapping(change.methods, previewRead.current);
        if (tags.length) setOvertaken((o) => ({ by: change.by ?? o?.by ?? null, tags: [...new Set([...(o?.tags ?? []), ...tags])] }));
      }),
    [],
  );

  const run: Run = async (label, method, request) => {
    lastMethod.current = method;
    setWorking({ label });
    setReadError(null);
    try {
      return await change.run(method, request);
    } finally {
      setWorking(null);
    }
  };

  async function read(file: File, maxBytes: number): Promise<LoadedFile | undefined> {
    const label = `Reading ${file.name}…`;
    setWorking({ label });
    setReadError(null);
    change.reset();
    try {
      return await loadChosenFile(file, maxBytes, (fraction) => setWorking({ label, fraction }));
    } catch (e) {
      setReadError({ at: 'file', message: e instanceof Error ? e.message : String(e) });
      return undefined;
    } finally {
      setWorking(null);
    }
  }

  function staged(p: P): { file: FileRef; companion: FileRef | null } {
    const c = config.companion?.staged(p);
    return { file: { stagingId: p.stagingId }, companion: c ? { stagingId: c.stagingId } : null };
  }

  async function previewWith(sources: { file: FileRef; companion: FileRef | null }, next: O, then: WizardStep): Promise<boolean> {
    setLastCall('preview');
    const p = await config.preview(run, sources, next);
    if (!p) return false;
    previewRead.current = tagsRead(lastMethod.current);
    setOvertaken(null);
    setPreview(p);
    setStep(then);
    return true;
  }

  /** A new file: read it, then preview it with the options for a new file. */
  async function choose(file: File): Promise<void> {
    const loaded = await read(file, config.file.maxBytes);
    if (!loaded) return;
    const next = config.forNewFile(options);
    setOptionsState(next);
    setPreview(null);
    if (await previewWith({ file: loaded, companion }, next, config.mapping ? 'mapping' : 'preview')) setCompanion(null);
  }

  /** The optional second file: kept for the first preview, or previewed at once with the staged file. */
  async function chooseCompanion(file: File): Promise<void> {
    if (!config.companion) return;
    const loaded = await read(file, config.companion.maxBytes);
    if (!loaded) return;
    if (!preview) {
      setCompanion(loaded);
      return;
    }
    await previewWith({ file: { stagingId: preview.stagingId }, companion: loaded }, options, step);
  }

  /** Previews the staged file again with other options (nothing is sent again); `then` is the step to show after. */
  async function replan(patch: Partial<O>, then: WizardStep = step): Promise<boolean> {
    if (!preview) return false;
    const next = { ...options, ...patch };
    setOptionsState(next);
    return previewWith(staged(preview), next, then);
  }

  async function commit(): Promise<void> {
    if (!preview || overtaken) return;
    setLastCall('commit');
    const r = await config.commit(run, preview, options);
    if (!r) return;
    setResult(r);
    setStep('done');
  }

  function restart(): void {
    setStep('file');
    setPreview(null);
    setResult(null);
    setCompanion(null);
    setReadError(null);
    setOvertaken(null);
    setOptionsState((o) => config.forNewFile(o));
    change.reset();
  }

  /** One step back: preview → mapping (where there is one) → file; the last step starts again. */
  function back(): void {
    if (working) return;
    if (step === 'preview' && config.mapping) {
      change.reset();
      setStep('mapping');
    } else if (step !== 'file') restart();
  }

  const failed: Failed | null = readError
    ? { ...readError, changedSincePreview: false }
    : change.error
      ? { at: lastCall, message: change.error, changedSincePreview: lastCall === 'commit' && change.errorKind === 'conflict' }
      : null;

  return {
    step,
    setStep,
    options,
    setOptions: (patch: Partial<O>) => setOptionsState((o) => ({ ...o, ...patch })),
    preview,
    result,
    companion,
    working,
    failed,
    overtaken,
    run,
    choose,
    chooseCompanion,
    dropCompanion: () => setCompanion(null),
    replan,
    commit,
    restart,
    back,
  };
}
