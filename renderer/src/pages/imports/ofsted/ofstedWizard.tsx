import type { OfstedCommitResult, OfstedImportPreview } from '@shared/contract/ofsted-import';
import { OFSTED_IMPORT_MAX_BYTES } from '@shared/contract/ofsted-import';
import { countOf } from '@shared/plural';
import type { ImportConfig, OptionProps, PreviewProps, TextEncoding } from '../wizard/config';
import { OfstedPreviewTables, ofstedKpis } from './OfstedPreviewView';

export interface OfstedOptions {
  allSchools: boolean;
  encoding?: TextEncoding;
}

function FileOptions({ options, setOptions }: OptionProps<OfstedOptions>) {
  return (
    <label className="check">
      <input type="checkbox" checked={options.allSchools} onChange={(e) => setOptions({ allSchools: e.target.checked })} /> Import every school in the file, not only member schools
    </label>
  );
}

function Questions({ preview }: PreviewProps<OfstedImportPreview, OfstedOptions>) {
  if (!preview.previousImport) return null;
  return (
    <p className="notice warn" role="status">
      This same file was imported before (import #{preview.previousImport.batchId}); its inspections are skipped as already stored.
    </p>
  );
}

function Actions({ options, busy, replan }: PreviewProps<OfstedImportPreview, OfstedOptions>) {
  return (
    <label className="check">
      <input type="checkbox" checked={options.allSchools} onChange={(e) => replan({ allSchools: e.target.checked })} disabled={busy} /> All schools, not only members
    </label>
  );
}

/** Ofsted's management-information file: file → preview → done. */
export const ofstedImport: ImportConfig<OfstedImportPreview, OfstedCommitResult, OfstedOptions> = {
  key: 'ofsted',
  commitMethod: 'commitOfstedImport',
  label: 'Ofsted',
  file: {
    title: 'Choose Ofsted’s management-information file',
    drop: {
      title: 'Drop the Ofsted file here',
      hint: 'The monthly management-information file (CSV, .xlsx or .ods) as Ofsted publishes it, keyed by URN. Inspections already stored are skipped.',
      inputLabel: 'Ofsted file',
      accept: '.csv,.xlsx,.xlsm,.ods,.txt',
    },
    maxBytes: OFSTED_IMPORT_MAX_BYTES,
  },
  initialOptions: () => ({ allSchools: false }),
  // "All schools" stays; the encoding chosen belonged to the last file.
  forNewFile: (o) => ({ allSchools: o.allSchools }),
  FileOptions,
  checking: 'Checking the inspections…',
  preview: (run, { file }, o) => run('Checking the inspections…', 'previewOfstedImport', { ...file, allSchools: o.allSchools, encoding: o.encoding }),
  commit: (run, p, o) => run(`Importing ${p.fileName}…`, 'commitOfstedImport', { stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash, allSchools: o.allSchools, encoding: o.encoding }),
  encodings: [{ fileName: (p) => p.fileName, choice: (p) => p.encodingChoice, chosen: (o) => o.encoding, set: (encoding) => ({ encoding }) }],
  view: {
    title: () => 'What this Ofsted file would add',
    subtitle: (p) => (
      <>
        {p.fileName} · {p.format.toUpperCase()}
        {p.sheetName ? ` · sheet “${p.sheetName}”` : ''}
        {p.encoding ? ` · ${p.encoding}` : ''} · header on row {p.headerRow}
        {p.sourceAsAt ? ` · as at ${p.sourceAsAt} (from the ${p.sourceAsAtFrom})` : ' · no as-at date found'}
        {p.allSchools ? ' · every school' : ' · member schools only'}
      </>
    ),
    kpis: ofstedKpis,
    problems: (p) => ({ rows: p.errors, count: p.errorCount }),
    fixHint: 'Fix the rows listed below and choose the file again.',
    nothingToImport: (p) =>
      p.newInspections === 0
        ? `Nothing new: every inspection of ${p.allSchools ? 'these schools' : 'member schools'} in this file is already stored${p.rowsKept === 0 && !p.allSchools ? ' (the file has no row of a member school)' : ''}.`
        : null,
    commitLabel: (p) => `Import ${countOf(p.newInspections, 'inspection')}`,
    canCommit: (p) => p.canCommit,
    Questions,
    Actions,
    Tables: OfstedPreviewTables,
  },
  done: { message: (r) => r.message, backupFile: (r) => r.backupFile, batchId: (r) => r.batchId },
};
