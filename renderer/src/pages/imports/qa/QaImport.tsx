import { useMemo, useState } from 'react';
import type { QaCommitResult, QaImportPreview } from '@shared/contract/qa-import';
import { useStatus } from '../../../state/status';
import { ImportStatus } from '../ImportStatus';
import { ImportDone } from '../ImportDone';
import { FileDrop } from '../FileDrop';
import { Steps } from '../Steps';
import { QaPreviewSummary, QaPreviewTables } from './QaPreviewTables';
import { FILE_PREVIEW_DONE, useImportFlow } from '../useImportWork';
import { YearSelect } from '../YearSelect';

/** The QA tracker: year and file → preview → done. Nothing is written before "Import". */
export function QaImport() {
  const { status, year: currentYear } = useStatus();
  const years = useMemo(() => (status?.years ?? []).map((y) => y.label), [status]);
  const [year, setYear] = useState<string>(currentYear ?? years[0] ?? '');
  const { step, file, setFile, preview, result, previewed, imported, restart, busy, error, run, read } = useImportFlow<'file' | 'preview' | 'done', QaImportPreview, QaCommitResult>('file', 'done');

  async function choose(f: File) {
    const loaded = await read(f);
    if (!loaded) return;
    setFile(loaded);
    previewed(await run('Checking the reviews…', 'previewQaImport', { ...loaded, year }), 'preview');
  }

  async function commit() {
    if (!file || !preview) return;
    imported(await run(`Importing ${file.fileName}…`, 'commitQaImport', { stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash, year }));
  }

  return (
    <div className="qa-import">
      <Steps steps={FILE_PREVIEW_DONE} current={step} />
      <ImportStatus busy={busy} error={error} />

      {step === 'file' ? (
        <section className="panel" aria-labelledby="qa-file-title">
          <h2 id="qa-file-title">Choose the QA tracker</h2>
          <div className="import-options">
            <YearSelect years={years} value={year} onChange={setYear} label="Year of the reviews" />
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
