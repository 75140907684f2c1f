import type { GiasCommitResult, GiasImportPreview } from '@shared/contract/gias-import';
import { GIAS_IMPORT_MAX_BYTES } from '@shared/contract/gias-import';
import { countOf } from '@shared/plural';
import { formatCount } from '../../../components/format';
import type { FileRef, ImportConfig, ImportYears, OptionProps, PreviewProps, TextEncoding } from '../wizard/config';
import { GiasPreviewTables, giasKpis } from './GiasPreviewTables';

export interface GiasOptions {
  /** The membership year whose roll pupils follow GIAS's count; undefined leaves the roll (and funding) alone. */
  pupilsForYear?: string;
  /** The encodings chosen for an extract and a links file whose bytes did not tell. */
  encoding?: TextEncoding;
  linksEncoding?: TextEncoding;
}

/** The roll's pupils fund the hubs: they follow GIAS only for a year the person names. */
function PupilsYear({ value, years, onChange, disabled }: { value: string | undefined; years: ImportYears; onChange(year: string | undefined): void; disabled: boolean }) {
  return (
    <label className="field-inline">
      <span>Roll pupils</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} disabled={disabled} aria-label="Set the roll's pupils from GIAS for">
        <option value="">Leave the roll’s pupils (and funding) as they are</option>
        {years.held.map((y) => (
          <option key={y} value={y}>
            Set {y}’s roll pupils to GIAS’s count
          </option>
        ))}
      </select>
    </label>
  );
}

function FileOptions({ options, years, busy, setOptions }: OptionProps<GiasOptions>) {
  return <PupilsYear value={options.pupilsForYear} years={years} onChange={(pupilsForYear) => setOptions({ pupilsForYear })} disabled={busy} />;
}

function Actions({ options, years, busy, replan }: PreviewProps<GiasImportPreview, GiasOptions>) {
  return <PupilsYear value={options.pupilsForYear} years={years} onChange={(pupilsForYear) => replan({ pupilsForYear })} disabled={busy} />;
}

function links(companion: FileRef | null) {
  if (!companion) return {};
  return 'stagingId' in companion ? { linksStagingId: companion.stagingId } : { linksFileName: companion.fileName, linksContentBase64: companion.contentBase64 };
}

/** School data from GIAS: the establishment extract (and optionally its links file) → preview → done. */
export const giasImport: ImportConfig<GiasImportPreview, GiasCommitResult, GiasOptions> = {
  key: 'gias',
  commitMethod: 'commitGiasImport',
  label: 'School data (GIAS)',
  file: {
    title: 'Choose GIAS’s establishment extract',
    drop: {
      title: 'Drop the GIAS extract here',
      hint: 'The all-establishment extract downloaded from Get Information About Schools (edubasealldata….csv, as downloaded). It refreshes member schools’ name, phase, type, local authority, trust, headteacher, postcode, status and pupil count.',
      inputLabel: 'GIAS extract',
      accept: '.csv,.txt,.xlsx,.ods',
    },
    maxBytes: GIAS_IMPORT_MAX_BYTES,
  },
  companion: {
    name: 'GIAS’s links file',
    drop: {
      title: 'Optional: GIAS’s links file',
      hint: 'links_edubasealldata….csv (URN, LinkURN, LinkName, LinkType): names each closed school’s successor, so its record can be merged into the new one.',
      inputLabel: 'GIAS links file',
      accept: '.csv,.txt',
    },
    maxBytes: GIAS_IMPORT_MAX_BYTES,
    staged: (p) => (p.linksStagingId && p.linksFileName ? { stagingId: p.linksStagingId, fileName: p.linksFileName } : null),
  },
  initialOptions: () => ({}),
  // The roll year stays; the encodings chosen belonged to the last files.
  forNewFile: (o) => ({ pupilsForYear: o.pupilsForYear }),
  FileOptions,
  checking: 'Checking the school data…',
  preview: (run, { file, companion }, o) =>
    run('stagingId' in file ? 'Checking the school data…' : `Reading ${file.fileName} (GIAS’s national extract takes a few seconds)…`, 'previewGiasImport', {
      ...file,
      ...links(companion),
      pupilsForYear: o.pupilsForYear,
      encoding: o.encoding,
      linksEncoding: o.linksEncoding,
    }),
  commit: (run, p, o) =>
    run(`Importing ${p.fileName}…`, 'commitGiasImport', {
      stagingId: p.stagingId,
      sha256: p.sha256,
      diffHash: p.diffHash,
      linksStagingId: p.linksStagingId ?? undefined,
      pupilsForYear: o.pupilsForYear,
      encoding: o.encoding,
      linksEncoding: o.linksEncoding,
    }),
  encodings: [
    { fileName: (p) => p.fileName, choice: (p) => p.encodingChoice, chosen: (o) => o.encoding, set: (encoding) => ({ encoding }) },
    { fileName: (p) => p.linksFileName, choice: (p) => p.linksEncodingChoice, chosen: (o) => o.linksEncoding, set: (linksEncoding) => ({ linksEncoding }) },
  ],
  view: {
    title: () => 'What this school data would change',
    subtitle: (p) => (
      <>
        {p.fileName}
        {p.linksFileName ? ` with ${p.linksFileName}${p.linksEncoding ? ` (${p.linksEncoding})` : ''}` : ' · no links file'} · {p.format.toUpperCase()}
        {p.encoding ? ` · ${p.encoding}` : ''} · {formatCount(p.rowsRead)} rows, {formatCount(p.rowsIgnored)} of schools hubdesk does not hold
        {p.pupilsYear ? ` · ${p.pupilsYear}’s roll pupils follow GIAS` : ' · the roll’s pupils are left alone'}
      </>
    ),
    kpis: giasKpis,
    problems: (p) => ({ rows: p.errors, count: p.errorCount }),
    fixHint: 'Check it is GIAS’s establishment extract as downloaded, then choose it again.',
    nothingToImport: (p) => (p.noChanges ? 'No changes: hubdesk already holds this school data for every member school in the file.' : null),
    commitLabel: (p) => `Update ${countOf(new Set([...p.changes.map((c) => c.urn), ...p.pupilChanges.map((c) => c.urn)]).size, 'school')}`,
    canCommit: (p) => p.canCommit,
    Actions,
    Tables: GiasPreviewTables,
  },
  done: { message: (r) => r.message, backupFile: (r) => r.backupFile, batchId: (r) => r.batchId },
};
