import type { CliCommand, CliIo } from '../command';
import { askEncodings, encodingArg, readFileArg } from '../file-arg';
import { GIAS_IMPORT_MAX_BYTES, type GiasClosedSchool, type GiasImportPreview, type GiasIssueView } from '@shared/contract/gias-import';
import { formatPence } from '@shared/domain/money';
import { countOf } from '@shared/plural';

function issueText(e: GiasIssueView): string {
  const where = [e.row !== null ? `row ${e.row}` : null, e.column, e.urn ? `URN ${e.urn}` : null].filter(Boolean).join(', ');
  return where ? `${where}: ${e.message}` : e.message;
}

function printClosed(closed: GiasClosedSchool[], io: CliIo): void {
  if (closed.length === 0) return;
  io.out(`Member schools GIAS shows as closed (${closed.length}):`);
  for (const c of closed) {
    const successor = c.successor ? `successor ${c.successor.urn} ${c.successor.name ?? ''}`.trim() : 'no successor named (import the links file with --links)';
    io.out(`  ${c.urn} ${c.name}: ${c.status}${c.closedOn ? ` on ${c.closedOn}` : ''}${c.reason ? ` (${c.reason})` : ''}; ${successor}`);
    if (c.successor?.schoolId) io.out(`    merge it: hubdesk school merge --from ${c.urn} --into ${c.successor.urn}`);
  }
}

function printPreview(p: GiasImportPreview, io: CliIo): void {
  io.out(`${p.fileName}: ${p.format}${p.encoding ? ` (${p.encoding})` : ''}, ${countOf(p.rowsRead, 'establishment')}; ${countOf(p.membersInFile, 'member school')} found${p.linksFileName ? `; links from ${p.linksFileName}` : ''}`);
  io.out(`Schools: ${p.changes.length} to update, ${p.unchangedSchools} unchanged, ${p.membersNotInFile.length} not in the file`);
  for (const s of p.changes) io.out(`  ${s.urn} ${s.name}: ${s.changes.map((c) => `${c.field} ${c.before ?? '—'} → ${c.after ?? '—'}`).join('; ')}`);
  if (p.successorsAdded.length > 0) io.out(`Successor schools to add: ${p.successorsAdded.map((s) => `${s.urn} ${s.name}`).join(', ')}`);
  if (p.linksAdded > 0) io.out(`Links to keep: ${p.linksAdded}`);
  if (p.pupilsYear) {
    io.out(`Roll pupils in ${p.pupilsYear} to follow GIAS: ${p.pupilChanges.length}`);
    for (const c of p.pupilChanges) io.out(`  ${c.urn} ${c.name} (${c.hub}): ${c.before} → ${c.after}${c.censusDate ? ` (census ${c.censusDate})` : ''}`);
    for (const f of p.funding) io.out(`  ${f.hub}: ${formatPence(f.beforePence)} → ${formatPence(f.afterPence)}`);
  } else io.out('Roll pupils (which fund the hubs) are left as they are; --pupils-year Y makes a year follow GIAS.');
  printClosed(p.closed, io);
}

const importGias: CliCommand = {
  words: ['import', 'gias'],
  usage:
    "hubdesk [--data DIR] import gias FILE [--links LINKS.csv] [--pupils-year Y] [--encoding NAME] [--links-encoding NAME] [--dry-run] [--json]   refresh member schools from GIAS's establishment extract (and its links file)",
  options: { links: { type: 'string' }, 'pupils-year': { type: 'string' }, encoding: { type: 'string' }, 'links-encoding': { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['FILE'] },
  async run(core, { values, positionals }, io) {
    const options = {
      pupilsForYear: typeof values['pupils-year'] === 'string' ? values['pupils-year'] : undefined,
      encoding: encodingArg(values.encoding),
      linksEncoding: encodingArg(values['links-encoding'], '--links-encoding'),
    };
    const links = typeof values.links === 'string' ? readFileArg(values.links, GIAS_IMPORT_MAX_BYTES) : null;
    const preview = await core.call('previewGiasImport', {
      ...readFileArg(positionals[0]!, GIAS_IMPORT_MAX_BYTES),
      ...(links ? { linksFileName: links.fileName, linksContentBase64: links.contentBase64 } : {}),
      ...options,
    });
    const undecided = [
      { fileName: preview.fileName, choice: preview.encodingChoice, option: '--encoding' },
      { fileName: preview.linksFileName ?? '', choice: preview.linksEncodingChoice, option: '--links-encoding' },
    ];
    if (preview.encodingChoice || preview.linksEncodingChoice) {
      if (values.json) io.out(JSON.stringify(preview, null, 2));
      askEncodings(undecided, preview.errors.map((e) => ({ message: e.message, text: issueText(e) })), io);
      return 1;
    }
    if (values.json && values['dry-run']) io.out(JSON.stringify(preview, null, 2));
    else if (!values.json) printPreview(preview, io);
    if (preview.errorCount > 0) {
      io.err(`${countOf(preview.errorCount, 'problem')} in member schools' rows; nothing was written:`);
      for (const e of preview.errors) io.err(`  ${issueText(e)}`);
      return 1;
    }
    if (values['dry-run']) {
      if (!values.json) io.out('Dry run: nothing was written.');
      return 0;
    }
    const result = await core.call('commitGiasImport', {
      stagingId: preview.stagingId,
      linksStagingId: preview.linksStagingId ?? undefined,
      sha256: preview.sha256,
      diffHash: preview.diffHash,
      ...options,
    });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      io.out(result.message);
      if (result.backupFile) io.out(`Backup taken first: ${result.backupFile}`);
    }
    return 0;
  },
};

export const importGiasCommands: CliCommand[] = [importGias];
