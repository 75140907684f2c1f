import { UsageError, type CliCommand, type CliIo } from '../command';
import { readFileArg } from '../file-arg';
import { QA_IMPORT_MAX_BYTES, type QaImportPreview } from '@shared/contract/qa-import';
import { issueText } from '../../core/imports/qa/plan';
import { countOf } from '@shared/plural';

function printPreview(p: QaImportPreview, io: CliIo): void {
  io.out(`${p.fileName} into ${p.year}: sheets ${[p.sheets.reviews, p.sheets.assignments, p.sheets.points].filter(Boolean).map((s) => `"${s}"`).join(', ')}`);
  io.out(`Reviews: ${p.reviewRows} rows; ${p.newReviews.length} new, ${p.updatedReviews.length} updated, ${p.unchangedReviews} unchanged`);
  for (const r of p.updatedReviews) io.out(`  ${r.urn} ${r.school}: ${r.changes.join('; ')}`);
  io.out(`Reviewer assignments: ${p.assignmentRows} rows; ${p.newAssignments.length} new, ${p.updatedAssignments.length} updated, ${p.unchangedAssignments} unchanged`);
  io.out(`WWWs/EBIs: ${p.pointsAdded} to add, ${p.pointsRemoved} to replace`);
  if (p.noChanges) io.out('No changes: hubdesk already holds this tracker.');
}

const importQa: CliCommand = {
  words: ['import', 'qa'],
  usage: 'hubdesk [--data DIR] import qa FILE --year Y [--dry-run] [--json]   import a QA tracker workbook (reviews, estimates, WWWs/EBIs, reviewer assignments)',
  options: { year: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['FILE'] },
  async run(core, { values, positionals }, io) {
    if (typeof values.year !== 'string') throw new UsageError('"import qa" needs --year, e.g. --year 2025/26');
    const preview = await core.call('previewQaImport', { ...readFileArg(positionals[0]!, QA_IMPORT_MAX_BYTES), year: values.year });
    if (values['dry-run']) {
      if (values.json) io.out(JSON.stringify(preview, null, 2));
      else printPreview(preview, io);
      if (preview.errorCount > 0) {
        io.err(`${countOf(preview.errorCount, 'problem')}: the file would be refused.`);
        if (!values.json) for (const e of preview.errors) io.err(`  ${issueText(e)}`);
        return 1;
      }
      if (!values.json) io.out('Dry run: nothing was written.');
      return 0;
    }
    const result = await core.call('commitQaImport', { stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash, year: values.year });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      io.out(result.message);
      if (result.backupFile) io.out(`Backup taken first: ${result.backupFile}`);
    }
    return 0;
  },
};

export const importQaCommands: CliCommand[] = [importQa];
