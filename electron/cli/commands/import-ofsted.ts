import type { CliCommand, CliIo } from '../command';
import { askEncodings, encodingArg, readFileArg } from '../file-arg';
import type { OfstedImportPreview } from '@shared/contract/ofsted-import';
import { issueText } from '../../core/imports/ofsted/plan';
import { countOf } from '@shared/plural';

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
  usage: "hubdesk [--data DIR] import ofsted FILE [--all] [--encoding NAME] [--dry-run] [--json]   import Ofsted's monthly management-information file (CSV, XLSX or ODS)",
  options: { all: { type: 'boolean' }, encoding: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['FILE'] },
  async run(core, { values, positionals }, io) {
    const options = { allSchools: values.all === true, encoding: encodingArg(values.encoding) };
    const preview = await core.call('previewOfstedImport', { ...readFileArg(positionals[0]!), ...options });
    if (preview.encodingChoice) {
      if (values.json) io.out(JSON.stringify(preview, null, 2));
      askEncodings([{ fileName: preview.fileName, choice: preview.encodingChoice, option: '--encoding' }], preview.errors.map((e) => ({ message: e.message, text: issueText(e) })), io);
      return 1;
    }
    if (values['dry-run']) {
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
    const result = await core.call('commitOfstedImport', { stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash, ...options });
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
