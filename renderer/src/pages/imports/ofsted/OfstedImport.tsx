import { useState } from 'react';
import type { OfstedCommitResult, OfstedImportPreview } from '@shared/contract/ofsted-import';
import { formatCount } from '../../../components/format';
import { ImportStatus } from '../ImportStatus';
import type { LoadedFile } from '../files';
import { ImportDone } from '../ImportDone';
import { FileDrop } from '../FileDrop';
import { Steps } from '../Steps';
import { OfstedPreviewSummary, OfstedPreviewTables } from './OfstedPreviewView';
import { FILE_PREVIEW_DONE, useImportFlow } from '../useImportWork';
import { countOf } from '@shared/plural';

/** Ofsted's management-information file: file → preview → done. Nothing is written before "Import". */
export function OfstedImport() {
  const [allSchools, setAllSchools] = useState(false);
  const { step, file, setFile, preview, result, previewed, imported, restart, busy, error, run, read } = useImportFlow<'file' | 'preview' | 'done', OfstedImportPreview, OfstedCommitResult>('file', 'done');

  async function check(loaded: LoadedFile, all: boolean) {
    // A second look at the same file (all schools on or off) names the staged file instead of sending it again.
    const staged = preview && preview.fileName === loaded.fileName ? { stagingId: preview.stagingId } : loaded;
    previewed(await run('Checking the inspections…', 'previewOfstedImport', { ...staged, allSchools: all }), 'preview');
  }

  async function choose(f: File) {
    const loaded = await read(f);
    if (!loaded) return;
    setFile(loaded);
    // A newly chosen file is always sent (it may share the name of the file previewed before).
    previewed(await run('Checking the inspections…', 'previewOfstedImport', { ...loaded, allSchools }), 'preview');
  }

  async function commit() {
    if (!file || !preview) return;
    imported(await run(`Importing ${preview.fileName}…`, 'commitOfstedImport', { stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash, allSchools }));
  }

  const nothingNew = preview !== null && preview.errorCount === 0 && preview.newInspections === 0;

  return (
    <div className="ofsted-import">
      <Steps steps={FILE_PREVIEW_DONE} current={step} />
      <ImportStatus busy={busy} error={error} />

      {step === 'file' ? (
        <section className="panel" aria-labelledby="ofsted-file-title">
          <h2 id="ofsted-file-title">Choose Ofsted's management-information file</h2>
          <div className="import-options">
            <label className="check">
              <input type="checkbox" checked={allSchools} onChange={(e) => setAllSchools(e.target.checked)} /> Import every school in the file, not only member schools
            </label>
          </div>
          <FileDrop
            title="Drop the Ofsted file here"
            hint="The monthly management-information file (CSV or .xlsx) as Ofsted publishes it, keyed by URN. Inspections already stored are skipped."
            inputLabel="Ofsted file"
            accept=".csv,.xlsx,.txt"
            onFile={(f) => void choose(f)}
            disabled={busy !== null}
          />
        </section>
      ) : null}

      {step === 'preview' && preview ? (
        <section aria-labelledby="ofsted-preview-title">
          <div className="panel">
            <h2 id="ofsted-preview-title">What this Ofsted file would add</h2>
            <p className="subtitle">
              {preview.fileName} · {preview.format.toUpperCase()}
              {preview.sheetName ? ` · sheet “${preview.sheetName}”` : ''}
              {preview.encoding ? ` · ${preview.encoding}` : ''} · header on row {preview.headerRow}
              {preview.sourceAsAt ? ` · as at ${preview.sourceAsAt} (from the ${preview.sourceAsAtFrom})` : ' · no as-at date found'}
              {preview.allSchools ? ' · every school' : ' · member schools only'}
            </p>
            <OfstedPreviewSummary preview={preview} />
            {preview.previousImport ? (
              <p className="notice warn" role="status">
                This same file was imported before (import #{preview.previousImport.batchId}); its inspections are skipped as already stored.
              </p>
            ) : null}
            {nothingNew ? (
              <p className="notice good" role="status">
                Nothing new: every inspection of {preview.allSchools ? 'these schools' : 'member schools'} in this file is already stored
                {preview.rowsKept === 0 && !preview.allSchools ? ' (the file has no row of a member school)' : ''}.
              </p>
            ) : null}
            {preview.errorCount > 0 ? (
              <p className="notice bad" role="alert">
                {formatCount(preview.errorCount)} {preview.errorCount === 1 ? 'problem stops' : 'problems stop'} this import. Nothing has been written. Fix the rows listed
                below and choose the file again.
              </p>
            ) : null}
            <div className="step-actions">
              <button type="button" onClick={restart} disabled={busy !== null}>
                Choose another file
              </button>
              <label className="check">
                <input
                  type="checkbox"
                  checked={allSchools}
                  onChange={(e) => {
                    setAllSchools(e.target.checked);
                    if (file) void check(file, e.target.checked);
                  }}
                  disabled={busy !== null}
                />{' '}
                All schools, not only members
              </label>
              <button type="button" className="primary" onClick={() => void commit()} disabled={busy !== null || preview.errorCount > 0 || nothingNew}>
                Import {countOf(preview.newInspections, 'inspection')}
              </button>
            </div>
          </div>
          <OfstedPreviewTables preview={preview} />
        </section>
      ) : null}

      {step === 'done' && result ? (
        <ImportDone id="ofsted-done-title" message={result.message} backupFile={result.backupFile} onRestart={restart} />
      ) : null}
    </div>
  );
}
