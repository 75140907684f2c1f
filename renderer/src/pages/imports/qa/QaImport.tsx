import { useMemo, useState } from 'react';
import type { QaCommitResult, QaImportPreview } from '@shared/contract/qa-import';
import { useStatus } from '../../../state/status';
import { ImportStatus } from '../ImportStatus';
import type { LoadedFile } from '../files';
import { ImportDone } from '../ImportDone';
import { FileDrop } from '../FileDrop';
import { Steps } from '../ofsted/Steps';
import { QaPreviewSummary, QaPreviewTables } from './QaPreviewTables';
import { useImportWork } from '../useImportWork';

type Step = 'file' | 'preview' | 'done';
const STEPS = [
  { key: 'file', label: 'File' },
  { key: 'preview', label: 'Preview' },
  { key: 'done', label: 'Done' },
] as const satisfies readonly { key: Step; label: string }[];

type Loaded = LoadedFile;

/** The QA tracker: year and file → preview → done. Nothing is written before "Import". */
export function QaImport({ onImported }: { onImported(): void }) {
  const { status, year: currentYear, refresh } = useStatus();
  const years = useMemo(() => (status?.years ?? []).map((y) => y.label), [status]);
  const [year, setYear] = useState<string>(currentYear ?? years[0] ?? '');
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<Loaded | null>(null);
  const [preview, setPreview] = useState<QaImportPreview | null>(null);
  const { busy, error, setError, run, read } = useImportWork();
  const [result, setResult] = useState<QaCommitResult | null>(null);

  async function choose(f: File) {
    const loaded = await read(f);
    if (!loaded) return;
    setFile(loaded);
    const p = await run('Checking the reviews…', () => window.api.previewQaImport({ ...loaded, year }));
    if (p) {
      setPreview(p);
      setStep('preview');
    }
  }

  async function commit() {
    if (!file || !preview) return;
    const r = await run(`Importing ${file.fileName}…`, () => window.api.commitQaImport({ stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash, year }));
    if (r) {
      setResult(r);
      setStep('done');
      await refresh();
      onImported();
    }
  }

  function restart() {
    setStep('file');
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  }

  return (
    <div className="qa-import">
      <Steps steps={STEPS} current={step} />
      <ImportStatus busy={busy} error={error} />

      {step === 'file' ? (
        <section className="panel" aria-labelledby="qa-file-title">
          <h2 id="qa-file-title">Choose the QA tracker</h2>
          <div className="import-options">
            <label className="field-inline">
              <span>Membership year</span>
              <select value={year} onChange={(e) => setYear(e.target.value)} aria-label="Year of the reviews">
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <FileDrop
            title="Drop the QA tracker here"
            hint="An Excel workbook (.xlsx): a sheet of reviews (URN, review start and end, lead reviewer, the three estimates, Area of Excellence, WWWs, EBIs), a sheet of reviewer assignments, and optionally a sheet of WWWs and EBIs one per row."
            inputLabel="QA tracker file"
            accept=".xlsx,.xlsm"
            onFile={(f) => void choose(f)}
            disabled={busy !== null || !year}
          />
        </section>
      ) : null}

      {step === 'preview' && preview ? (
        <section aria-labelledby="qa-preview-title">
          <div className="panel">
            <h2 id="qa-preview-title">What this tracker would change in {preview.year}</h2>
            <p className="subtitle">
              {preview.fileName} · sheets {[preview.sheets.reviews, preview.sheets.assignments, preview.sheets.points].filter(Boolean).map((s) => `“${s}”`).join(', ')} ·{' '}
              {preview.reviewRows} review rows, {preview.assignmentRows} assignment rows
            </p>
            <QaPreviewSummary preview={preview} />
            {preview.noChanges ? (
              <p className="notice good" role="status">
                No changes: hubdesk already holds every review and assignment in this tracker for {preview.year}.
              </p>
            ) : null}
            {preview.errorCount > 0 ? (
              <p className="notice bad" role="alert">
                {preview.errorCount} {preview.errorCount === 1 ? 'problem stops' : 'problems stop'} this import. Nothing has been written. Fix the rows listed below and choose the
                file again.
              </p>
            ) : null}
            <div className="step-actions">
              <button type="button" onClick={restart} disabled={busy !== null}>
                Choose another file
              </button>
              <button type="button" className="primary" onClick={() => void commit()} disabled={busy !== null || !preview.canCommit || preview.noChanges}>
                Import into {preview.year}
              </button>
            </div>
          </div>
          <QaPreviewTables preview={preview} />
        </section>
      ) : null}

      {step === 'done' && result ? (
        <ImportDone id="qa-done-title" message={result.message} backupFile={result.backupFile} onRestart={restart} />
      ) : null}
    </div>
  );
}
