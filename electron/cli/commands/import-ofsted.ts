import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliIo } from '../command';
import { callCore } from '../call';
import { HubdeskError } from '../../core/errors';
import type { OfstedImportPreview } from '@shared/contract/ofsted-import';
import { OFSTED_IMPORT_MAX_BYTES } from '@shared/contract/ofsted-import';
import { issueText } from '../../core/imports/ofsted/plan';
import { countOf } from '@shared/plural';

function readFile(file: string): { fileName: string; contentBase64: string } {
  const full = path.resolve(file);
  let bytes: Buffer;
  try {
    const stat = fs.statSync(full);
    if (!stat.isFile()) throw new Error('it is not a file');
    if (stat.size > OFSTED_IMPORT_MAX_BYTES) throw new Error(`it is larger than ${OFSTED_IMPORT_MAX_BYTES / 1024 / 1024} MB`);
    bytes = fs.readFileSync(full);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new HubdeskError('validation', `Cannot read ${file}: ${e.code === 'ENOENT' ? 'there is no such file' : e.message}.`);
  }
  return { fileName: path.basename(full), contentBase64: bytes.toString('base64') };
}


function printPreview(p: OfstedImportPreview, io: CliIo): void {
  io.out(`${p.fileName}: ${p.format}${p.encoding ? ` (${p.encoding})` : ''}, header on row ${p.headerRow}`);
  io.out(p.sourceAsAt ? `As at ${p.sourceAsAt} (from the ${p.sourceAsAtFrom})` : 'As at: unknown (no date in the file name and no publication dates)');
  io.out(
    `Rows: ${countOf(p.rows, 'row')}; ${countOf(p.rowsKept, p.allSchools ? 'school' : 'member school')} kept` +
      `${p.allSchools ? '' : `, ${countOf(p.rowsIgnored, 'row')} of other schools ignored`}${p.blankRows ? `, ${countOf(p.blankRows, 'blank row')}` : ''}`,
  );
  const byFramework = Object.entries(p.newByFramework)
    .map(([f, n]) => `${f} ${n}`)
    .join(', ');
  io.out(`New inspections: ${p.newInspections.toLocaleString('en-GB')}${byFramework ? ` (${byFramework})` : ''}, with ${countOf(p.newJudgements, 'judgement')}`);
  io.out(`Already stored (skipped): ${p.duplicatesSkipped.toLocaleString('en-GB')}`);
  if (p.previousImport) io.out(`This exact file was imported before (import ${p.previousImport.batchId}, ${p.previousImport.createdAt}).`);
  if (!p.allSchools && p.membersNotInFile.length > 0) io.out(`Member schools not in the file: ${p.membersNotInFile.length}`);
  if (p.warningCount > 0) {
    io.out(`Warnings (${p.warningCount}):`);
    for (const w of p.warnings) io.out(`  ${issueText(w)}`);
    if (p.warningCount > p.warnings.length) io.out(`  …and ${p.warningCount - p.warnings.length} more`);
  }
}

const importOfsted: CliCommand = {
  words: ['import', 'ofsted'],
  usage: "hubdesk [--data DIR] import ofsted FILE [--all] [--dry-run] [--json]   import Ofsted's monthly management-information file (CSV or XLSX)",
  options: { all: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['FILE'] },
  async run(ctx, { values, positionals }, io) {
    const file = readFile(positionals[0]!);
    const request = { ...file, allSchools: values.all === true };
    if (values['dry-run']) {
      const preview = await callCore(ctx, 'previewOfstedImport', request);
      if (values.json) io.out(JSON.stringify(preview, null, 2));
      else printPreview(preview, io);
      if (preview.errorCount > 0) {
        io.err(`${countOf(preview.errorCount, 'problem')}: the file would be refused.`);
        if (!values.json) {
          for (const e of preview.errors) io.err(`  ${issueText(e)}`);
          if (preview.errorCount > preview.errors.length) io.err(`  …and ${preview.errorCount - preview.errors.length} more`);
        }
        return 1;
      }
      if (!values.json) io.out('Dry run: nothing was written.');
      return 0;
    }
    const result = await callCore(ctx, 'commitOfstedImport', request);
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      io.out(result.message);
      if (result.backupFile) io.out(`Backup taken first: ${result.backupFile}`);
      if (result.warningCount > 0) io.out(`${countOf(result.warningCount, 'warning')}: run with --dry-run to list them.`);
    }
    return 0;
  },
};

export const importOfstedCommands: CliCommand[] = [importOfsted];
