import type { RollCommitResult, RollMapping, RollPreview } from '@shared/contract/roll-import';
import { MAX_IMPORT_FILE_BYTES } from '@shared/contract/staging';
import { countOf } from '@shared/plural';
import { formatCount } from '../../../components/format';
import { saveBase64 } from '../../../components/download';
import { YearSelect } from '../YearSelect';
import type { ImportConfig, OptionProps, PreviewProps, TextEncoding } from '../wizard/config';
import { MappingStep } from './MappingStep';
import { DateOrderQuestion, dateQuestionOpen, isDateWarning } from './DateOrderQuestion';
import { RollPreviewTables, rollKpis } from './RollPreviewTables';

export interface RollOptions {
  year: string;
  createHubs: boolean;
  sheet?: string;
  mapping?: RollMapping;
  confirmWarnings: boolean;
  encoding?: TextEncoding;
  dateOrder?: 'dmy' | 'mdy';
}

type Props = PreviewProps<RollPreview, RollOptions>;

/** What the roll's calls take besides the file: the options, without what the core does not know. */
function request(o: RollOptions) {
  return { year: o.year, sheet: o.sheet, mapping: o.mapping, createHubs: o.createHubs, confirmWarnings: o.confirmWarnings, encoding: o.encoding, dateOrder: o.dateOrder };
}

function FileOptions({ options, years, setOptions }: OptionProps<RollOptions>) {
  return (
    <>
      <YearSelect
        years={years.forRoll}
        value={options.year}
        onChange={(year) => setOptions({ year })}
        label="Year of the roll"
        describe={(y) => (years.isHeld(y) ? '' : ' (new year)')}
      />
      <label className="check">
        <input type="checkbox" checked={options.createHubs} onChange={(e) => setOptions({ createHubs: e.target.checked })} /> Create hubs named in the file that do not exist yet
      </label>
    </>
  );
}

/** The warnings to check (the date question is asked on its own), with the box that confirms them. */
function Questions(props: Props) {
  const { preview, options, setOptions } = props;
  const warnings = preview.warnings.filter((w) => !isDateWarning(preview, w));
  return (
    <>
      <DateOrderQuestion {...props} />
      {warnings.length > 0 ? (
        <div className="notice warn">
          <p>Please check:</p>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.row}-${w.column}-${w.message}`}>
                {w.row ? `Row ${w.row}${w.column ? `, ${w.column}` : ''}: ` : w.column ? `${w.column}: ` : ''}
                {w.message}
              </li>
            ))}
          </ul>
          {preview.needsConfirmation ? (
            <label className="check">
              <input type="checkbox" checked={options.confirmWarnings} onChange={(e) => setOptions({ confirmWarnings: e.target.checked })} /> I have checked these and they are right
            </label>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function Actions({ preview, options, busy, run, replan }: Props) {
  async function downloadReport() {
    const report = await run('Writing the error report…', 'rollImportErrorReport', { ...request(options), stagingId: preview.stagingId });
    if (report) saveBase64(report.fileName, report.contentBase64);
  }
  return (
    <>
      {preview.errorCount > 0 ? (
        <button type="button" onClick={() => void downloadReport()} disabled={busy}>
          Download error report (.xlsx)
        </button>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={options.createHubs} onChange={(e) => replan({ createHubs: e.target.checked })} disabled={busy} /> Create new hubs
      </label>
    </>
  );
}

/** The membership roll: year and file → columns → preview → done. */
export const rollImport: ImportConfig<RollPreview, RollCommitResult, RollOptions> = {
  key: 'roll',
  commitMethod: 'commitRollImport',
  label: 'Membership roll',
  file: {
    title: 'Choose the roll',
    drop: {
      title: 'Drop the membership roll here',
      hint: 'An Excel workbook (.xlsx), a LibreOffice spreadsheet (.ods) or a CSV file, as exported from the CRM or kept by hand.',
      inputLabel: 'Roll file',
      accept: '.xlsx,.xlsm,.ods,.csv,.txt',
    },
    maxBytes: MAX_IMPORT_FILE_BYTES,
  },
  initialOptions: (years) => ({ year: years.current, createHubs: false, confirmWarnings: false }),
  // The year and "create hubs" stay; the sheet, mapping, encoding, date order and confirmation belonged to the last file.
  forNewFile: (o) => ({ year: o.year, createHubs: o.createHubs, confirmWarnings: false }),
  FileOptions,
  checking: 'Checking the rows…',
  preview: (run, { file }, o) => run('stagingId' in file ? 'Checking the rows…' : `Checking ${file.fileName}…`, 'previewRollImport', { ...file, ...request(o) }),
  commit: (run, p, o) => run(`Importing ${p.fileName}…`, 'commitRollImport', { ...request(o), stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash }),
  mapping: { label: 'Columns', Step: MappingStep },
  encodings: [{ fileName: (p) => p.fileName, choice: (p) => p.encodingChoice, chosen: (o) => o.encoding, set: (encoding) => ({ encoding, confirmWarnings: false }) }],
  view: {
    title: (p) => `What this import would change in ${p.year}`,
    subtitle: (p) => (
      <>
        {p.fileName} · sheet “{p.sheet}” · {formatCount(p.rowsRead)} school rows
        {p.blankRowsSkipped ? `, ${formatCount(p.blankRowsSkipped)} blank rows skipped` : ''}
        {p.encoding ? ` · ${p.encoding}` : ''}
        {p.yearExists ? '' : ` · the year ${p.year} will be created`}
        {p.newHubs.length ? ` · new hubs: ${p.newHubs.join(', ')}` : ''}
      </>
    ),
    kpis: rollKpis,
    problems: (p) => ({ rows: p.errors, count: p.errorCount }),
    fixHint: 'Download the rows with problems, fix them and import the file again.',
    nothingToImport: (p) => (p.noChanges ? `No changes: the ${p.year} roll in hubdesk already matches this file.` : null),
    commitLabel: (p) => `Import into ${p.year}`,
    canCommit: (p, o) => !(p.needsConfirmation && !o.confirmWarnings) && !dateQuestionOpen(p),
    backLabel: 'Back to columns',
    Questions,
    Actions,
    Tables: RollPreviewTables,
  },
  done: {
    message: (r) =>
      r.noChanges
        ? 'Nothing needed changing.'
        : `Import #${r.batchId}: ${countOf(r.joiners, 'joiner')}, ${countOf(r.leavers, 'leaver')}, ${countOf(r.moves, 'hub move')}, ${countOf(r.pupilChanges, 'pupil change')}, ${countOf(r.contactChanges, 'contact change')}.`,
    backupFile: (r) => r.backupFile,
    batchId: (r) => r.batchId,
  },
};
