import { useEffect, useRef, useState } from 'react';
import { UndoImportDialog, type UndoableImport } from '../UndoImportDialog';
import type { ImportConfig, WizardPreview } from './config';

/**
 * The last step of every import: what was imported, the backup taken first, anything to do next,
 * Undo (after a confirmation) and "Import another file". The heading takes the focus, so a
 * keyboard user hears the result first.
 */
export function DoneStep<P extends WizardPreview, R, O>({
  config,
  result,
  fileName,
  onRestart,
  onUndone,
}: {
  config: ImportConfig<P, R, O>;
  result: R;
  fileName: string;
  onRestart(): void;
  onUndone(message: string): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [undoing, setUndoing] = useState<UndoableImport | null>(null);
  const backup = config.done.backupFile(result);
  const batchId = config.done.batchId(result);
  const Extra = config.done.Extra;
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel" aria-labelledby={`${config.key}-done-title`}>
      <h2 id={`${config.key}-done-title`} ref={heading} tabIndex={-1}>
        Imported
      </h2>
      <p>{config.done.message(result)}</p>
      {backup ? <p className="hint">A backup of the database was taken first: {backup}</p> : null}
      {Extra ? <Extra result={result} /> : null}
      <div className="step-actions">
        {batchId !== null ? (
          <button type="button" onClick={() => setUndoing({ id: batchId, kind: config.key, fileName, year: config.done.year?.(result) ?? null })}>
            Undo this import…
          </button>
        ) : null}
        <button type="button" className="primary" onClick={onRestart}>
          Import another file
        </button>
      </div>
      <UndoImportDialog batch={undoing} onCancel={() => setUndoing(null)} onUndone={onUndone} />
    </section>
  );
}
