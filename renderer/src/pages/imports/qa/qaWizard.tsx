import type { QaCommitResult, QaImportPreview } from '@shared/contract/qa-import';
import { MAX_IMPORT_FILE_BYTES } from '@shared/contract/staging';
import { YearSelect } from '../YearSelect';
import type { ImportConfig, OptionProps } from '../wizard/config';
import { QaPreviewTables, qaKpis } from './QaPreviewTables';

export interface QaOptions {
  year: string;
}

function FileOptions({ options, years, setOptions }: OptionProps<QaOptions>) {
  const held = years.held.length > 0 ? years.held : [options.year];
  return <YearSelect years={held} value={options.year} onChange={(year) => setOptions({ year })} label="Year of the reviews" />;
}

/** The QA Review tracker: year and file → preview → done. */
export const qaImport: ImportConfig<QaImportPreview, QaCommitResult, QaOptions> = {
  key: 'qa',
  commitMethod: 'commitQaImport',
  label: 'QA tracker',
  file: {
    title: 'Choose the QA tracker',
    drop: {
      title: 'Drop the QA tracker here',
      hint: 'An Excel workbook (.xlsx or .ods): a sheet of reviews (URN, review start and end, lead reviewer, the three estimates, Area of Excellence, WWWs, EBIs), a sheet of reviewer assignments, and optionally a sheet of WWWs and EBIs one per row.',
      inputLabel: 'QA tracker file',
      accept: '.xlsx,.xlsm,.ods',
    },
    maxBytes: MAX_IMPORT_FILE_BYTES,
  },
  initialOptions: (years) => ({ year: years.held.includes(years.current) ? years.current : (years.held[0] ?? years.current) }),
  forNewFile: (o) => o,
  canChoose: (o) => o.year !== '',
  FileOptions,
  checking: 'Checking the reviews…',
  preview: (run, { file }, o) => run('Checking the reviews…', 'previewQaImport', { ...file, year: o.year }),
  commit: (run, p, o) => run(`Importing ${p.fileName}…`, 'commitQaImport', { stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash, year: o.year }),
  view: {
    title: (p) => `What this tracker would change in ${p.year}`,
    subtitle: (p) => (
      <>
        {p.fileName} · sheets{' '}
        {[p.sheets.reviews, p.sheets.assignments, p.sheets.points]
          .filter(Boolean)
          .map((s) => `“${s}”`)
          .join(', ')}{' '}
        · {p.reviewRows} review rows, {p.assignmentRows} assignment rows
      </>
    ),
    kpis: qaKpis,
    problems: (p) => ({ rows: p.errors, count: p.errorCount }),
    fixHint: 'Fix the rows listed below and choose the file again.',
    nothingToImport: (p) => (p.noChanges ? `No changes: hubdesk already holds every review and assignment in this tracker for ${p.year}.` : null),
    commitLabel: (p) => `Import into ${p.year}`,
    canCommit: (p) => p.canCommit,
    Tables: QaPreviewTables,
  },
  done: { message: (r) => r.message, backupFile: (r) => r.backupFile, batchId: (r) => r.batchId, year: (r) => r.year },
};
