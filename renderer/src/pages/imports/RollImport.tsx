import { useMemo, useState } from 'react';
import type { RollCommitResult, RollMapping, RollPreview } from '@shared/contract/imports';
import { rollImportYears, yearLabelOn } from '@shared/domain/years';
import { todayIso } from '../../components/forms/validate';
import { useStatus } from '../../state/status';
import { formatCount } from '../../components/format';
import { FileDrop } from './FileDrop';
import { MappingStep } from './MappingStep';
import { PreviewSummary, PreviewTables } from './PreviewStep';
import { ImportStatus } from './ImportStatus';
import { saveBase64 } from '../../components/download';
import { ImportDone } from './ImportDone';
import { countOf } from '@shared/plural';
import { useImportFlow } from './useImportWork';
import { Steps } from './Steps';
import { YearSelect } from './YearSelect';

type Step = 'file' | 'mapping' | 'preview' | 'done';
const STEPS: { key: Step; label: string }[] = [
  { key: 'file', label: 'File' },
  { key: 'mapping', label: 'Columns' },
  { key: 'preview', label: 'Preview' },
  { key: 'done', label: 'Done' },
];


/** The membership roll importer: file → columns → preview → done. Nothing is written before "Import". */
export function RollImport() {
  const { status, year: currentYear } = useStatus();
  // An empty database has no year yet: the roll then goes into the year today falls in.
  const years = useMemo(() => rollImportYears((status?.years ?? []).map((y) => y.label), todayIso()), [status]);
  const [year, setYear] = useState<string>(currentYear ?? yearLabelOn(todayIso()));
  const [createHubs, setCreateHubs] = useState(false);
  const { step, setStep, file, setFile, preview, result, previewed, imported, busy, error, run, read, ...flow } = useImportFlow<Step, RollPreview, RollCommitResult>('file', 'done');
  const [mapping, setMapping] = useState<RollMapping | undefined>(undefined);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [confirm, setConfirm] = useState(false);

  // The first preview sends the file; later ones, the error report and the commit name its staging id.
  const options = (options: { mapping?: RollMapping; sheet?: string; createHubs?: boolean } = {}) => ({
    year,
    sheet: 'sheet' in options ? options.sheet : sheet,
    mapping: 'mapping' in options ? options.mapping : mapping,
    createHubs: options.createHubs ?? createHubs,
    confirmWarnings: confirm,
  });

  async function choose(f: File) {
    const loaded = await read(f);
    if (!loaded) return;
    setFile(loaded);
    setMapping(undefined);
    setSheet(undefined);
    setConfirm(false);
    previewed(
      await run(`Checking ${formatCount(Math.round(f.size / 1024))} KB of rows…`, 'previewRollImport', {
        fileName: loaded.fileName,
        contentBase64: loaded.contentBase64,
        ...options({ mapping: undefined, sheet: undefined }),
      }),
      'mapping',
    );
  }

  async function repreview(changed: { mapping?: RollMapping; sheet?: string; createHubs?: boolean }, next: Step) {
    if (!file || !preview) return;
    previewed(await run('Checking the rows…', 'previewRollImport', { stagingId: preview.stagingId, ...options(changed) }), next);
  }

  async function continueFromMapping(chosen: RollMapping, changed: boolean) {
    if (!file || !preview) return;
    if (!changed) {
      setStep('preview');
      return;
    }
    setMapping(chosen);
    const headers = preview.headers.map((h) => h.header);
    await run('Remembering the mapping…', 'saveRollMapping', { headers, mapping: chosen });
    await repreview({ mapping: chosen }, 'preview');
  }

  async function commit() {
    if (!file || !preview) return;
    imported(await run(`Importing ${preview.fileName}…`, 'commitRollImport', { ...options(), confirmWarnings: confirm, stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash }));
  }

  async function downloadReport() {
    if (!preview) return;
    const report = await run('Writing the error report…', 'rollImportErrorReport', { ...options(), stagingId: preview.stagingId });
    if (report) saveBase64(report.fileName, report.contentBase64);
  }

  function restart() {
    flow.restart();
    setMapping(undefined);
    setSheet(undefined);
    setConfirm(false);
  }

  const blocked = preview ? preview.errorCount > 0 || (preview.needsConfirmation && !confirm) : true;

  return (
    <div className="roll-import">
      <Steps steps={STEPS} current={step} />
      <ImportStatus busy={busy} error={error} />

      {step === 'file' ? (
        <section className="panel" aria-labelledby="file-title">
          <h2 id="file-title">Choose the roll</h2>
          <div className="import-options">
            <YearSelect years={years} value={year} onChange={setYear} label="Year of the roll" describe={(y) => (status?.years.some((s) => s.label === y) ? '' : ' (new year)')} />
            <label className="check">
              <input type="checkbox" checked={createHubs} onChange={(e) => setCreateHubs(e.target.checked)} /> Create hubs named in the file that do not exist yet
            </label>
          </div>
          <FileDrop
            title="Drop the membership roll here"
            hint="An Excel workbook (.xlsx) or a CSV file, as exported from the CRM or kept by hand."
            inputLabel="Roll file"
            accept=".xlsx,.xlsm,.csv,.txt"
            onFile={(f) => void choose(f)}
            disabled={busy !== null}
          />
        </section>
      ) : null}

      {step === 'mapping' && preview ? (
        <MappingStep
          preview={preview}
          busy={busy !== null}
          onBack={restart}
          onSheet={(name) => {
            setSheet(name);
            setMapping(undefined);
            void repreview({ sheet: name, mapping: undefined }, 'mapping');
          }}
          onContinue={(m, changed) => void continueFromMapping(m, changed)}
        />
      ) : null}

      {step === 'preview' && preview ? (
        <section aria-labelledby="preview-title">
          <div className="panel">
            <h2 id="preview-title">What this import would change in {preview.year}</h2>
            <p className="subtitle">
              {preview.fileName} · sheet “{preview.sheet}” · {formatCount(preview.rowsRead)} school rows
              {preview.blankRowsSkipped ? `, ${formatCount(preview.blankRowsSkipped)} blank rows skipped` : ''}
              {preview.encoding ? ` · ${preview.encoding}` : ''}
              {preview.yearExists ? '' : ` · the year ${preview.year} will be created`}
              {preview.newHubs.length ? ` · new hubs: ${preview.newHubs.join(', ')}` : ''}
            </p>
            <PreviewSummary preview={preview} />
            {preview.noChanges ? (
              <p className="notice good" role="status">
                No changes: the {preview.year} roll in hubdesk already matches this file.
              </p>
            ) : null}
            {preview.errorCount > 0 ? (
              <p className="notice bad" role="alert">
                {formatCount(preview.errorCount)} {preview.errorCount === 1 ? 'problem stops' : 'problems stop'} this import. Nothing has been written. Download the rows with
                problems, fix them and import the file again.
              </p>
            ) : null}
            {preview.warnings.length > 0 ? (
              <div className="notice warn">
                <p>Please check:</p>
                <ul>
                  {preview.warnings.map((w) => (
                    <li key={`${w.row}-${w.message}`}>
                      {w.row ? `Row ${w.row}${w.column ? `, ${w.column}` : ''}: ` : ''}
                      {w.message}
                    </li>
                  ))}
                </ul>
                {preview.needsConfirmation ? (
                  <label className="check">
                    <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} /> I have checked these and they are right
                  </label>
                ) : null}
              </div>
            ) : null}
            <div className="step-actions">
              <button type="button" onClick={() => setStep('mapping')} disabled={busy !== null}>
                Back to columns
              </button>
              {preview.errorCount > 0 ? (
                <button type="button" onClick={() => void downloadReport()} disabled={busy !== null}>
                  Download error report (.xlsx)
                </button>
              ) : null}
              <label className="check">
                <input
                  type="checkbox"
                  checked={createHubs}
                  onChange={(e) => {
                    setCreateHubs(e.target.checked);
                    void repreview({ createHubs: e.target.checked }, 'preview');
                  }}
                  disabled={busy !== null}
                />{' '}
                Create new hubs
              </label>
              {preview.noChanges ? (
                <button type="button" className="primary" onClick={restart}>
                  Import another file
                </button>
              ) : (
                <button type="button" className="primary" onClick={() => void commit()} disabled={busy !== null || blocked}>
                  Import into {preview.year}
                </button>
              )}
            </div>
          </div>
          <PreviewTables preview={preview} />
        </section>
      ) : null}

      {step === 'done' && result ? (
        <ImportDone
          id="done-title"
          message={
            result.noChanges
              ? 'Nothing needed changing.'
              : `Import #${result.batchId}: ${countOf(result.joiners, 'joiner')}, ${countOf(result.leavers, 'leaver')}, ${countOf(result.moves, 'hub move')}, ${countOf(result.pupilChanges, 'pupil change')}, ${countOf(result.contactChanges, 'contact change')}.`
          }
          backupFile={result.backupFile}
          onRestart={restart}
        />
      ) : null}
    </div>
  );
}
