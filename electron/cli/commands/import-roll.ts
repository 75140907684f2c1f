import path from 'node:path';
import type { CliCommand, CliIo } from '../command';
import { UsageError } from '../command';
import { CliCallError } from '../call';
import { askEncodings, encodingArg, readFileArg } from '../file-arg';
import { HubdeskError } from '../../core/errors';
import type { ImportProblem, RollPreview } from '@shared/contract/roll-import';
import { formatPence } from '@shared/domain/money';
import { countOf } from '@shared/plural';

function where(p: ImportProblem): string {
  return [p.sheet, p.row === null ? null : `row ${p.row}`, p.column].filter(Boolean).join(', ');
}

/** The machine-readable summary: exactly these keys, which scripts rely on. */
function summaryJson(p: RollPreview | null, errors: ImportProblem[]) {
  return {
    imported: p?.validRows ?? 0,
    joiners: p?.joiners ?? [],
    leavers: p?.leavers ?? [],
    moves: p?.moves ?? [],
    errors: errors.map((e) => ({ sheet: e.sheet, row: e.row, column: e.column, message: e.message })),
    funding: (p?.funding ?? []).map((f) => ({ hub: f.hub, beforePence: f.beforePence, afterPence: f.afterPence })),
  };
}

function printPreview(p: RollPreview, io: CliIo): void {
  io.out(`${p.fileName}: sheet "${p.sheet}", header on row ${p.headerRow}${p.encoding ? `, ${p.encoding}` : ''}${p.delimiter ? `, separated by "${p.delimiter === '\t' ? 'tab' : p.delimiter}"` : ''}`);
  io.out(`Year ${p.year}${p.yearExists ? '' : ' (will be created)'}: ${p.rowsRead} school rows, ${p.validRows} without problems${p.blankRowsSkipped ? `, ${p.blankRowsSkipped} blank rows skipped` : ''}`);
  if (p.noChanges) {
    io.out('No changes: the roll in hubdesk already matches this file.');
    return;
  }
  io.out(`Joiners ${p.joiners.length}, leavers ${p.leavers.length}, hub moves ${p.moves.length}, pupil changes ${p.pupilChanges.length}, contact changes ${p.contactChanges.length}, other changes ${p.detailChanges.length}`);
  for (const j of p.joiners) io.out(`  + ${j.urn} ${j.name} → ${j.hub} (${j.pupils} pupils${j.newSchool ? ', new school' : ''})`);
  for (const l of p.leavers) io.out(`  − ${l.urn} ${l.name} leaves ${l.hub}`);
  for (const m of p.moves) io.out(`  ↷ ${m.urn} ${m.name}: ${m.fromHub} → ${m.toHub}`);
  for (const c of p.pupilChanges) io.out(`  # ${c.urn} ${c.name}: ${c.before} → ${c.after} pupils`);
  if (p.newHubs.length > 0) io.out(`New hubs: ${p.newHubs.join(', ')}`);
  if (p.funding.length > 0) {
    io.out('Funding effect:');
    for (const f of p.funding) io.out(`  ${f.hub}: ${formatPence(f.beforePence)} → ${formatPence(f.afterPence)} (${f.schoolsBefore} → ${f.schoolsAfter} schools)`);
  }
}

const importRoll: CliCommand = {
  words: ['import', 'roll'],
  usage:
    'hubdesk [--data DIR] import roll FILE --year Y [--sheet NAME] [--create-hubs] [--encoding NAME] [--date-order dmy|mdy] [--confirm-warnings] [--dry-run] [--json]   import a membership roll (.xlsx, .ods or .csv)',
  options: {
    year: { type: 'string' },
    encoding: { type: 'string' },
    'date-order': { type: 'string' },
    sheet: { type: 'string' },
    'create-hubs': { type: 'boolean' },
    'confirm-warnings': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: ['FILE'] },
  async run(core, { values, positionals }, io) {
    if (typeof values.year !== 'string') throw new UsageError('"import roll" needs --year, e.g. --year 2026/27');
    const dateOrder = values['date-order'];
    if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') throw new UsageError('--date-order must be dmy (day first) or mdy (month first)');
    const json = values.json === true;
    let preview: RollPreview;
    try {
      const options = {
        year: values.year,
        encoding: encodingArg(values.encoding),
        dateOrder: dateOrder as 'dmy' | 'mdy' | undefined,
        sheet: typeof values.sheet === 'string' ? values.sheet : undefined,
        createHubs: values['create-hubs'] === true,
        confirmWarnings: values['confirm-warnings'] === true,
      };
      const request = options;
      preview = await core.call('previewRollImport', { ...readFileArg(positionals[0]!), ...options });
      if (preview.encodingChoice) {
        if (json) io.out(JSON.stringify(summaryJson(preview, preview.errors), null, 2));
        askEncodings([{ fileName: preview.fileName, choice: preview.encodingChoice, option: '--encoding' }], preview.errors.map((e) => ({ message: e.message, text: `${where(e)}: ${e.message}` })), io);
        return 1;
      }
      if (preview.errorCount > 0) {
        if (json) io.out(JSON.stringify(summaryJson(preview, preview.errors), null, 2));
        else printPreview(preview, io);
        io.err(`${countOf(preview.errorCount, 'problem')}; nothing was written:`);
        for (const e of preview.errors) io.err(`  ${where(e)}: ${e.message}`);
        if (preview.errorCount > preview.errors.length) io.err(`  …and ${preview.errorCount - preview.errors.length} more`);
        return 1;
      }
      if (!values['dry-run'] && preview.needsConfirmation && !request.confirmWarnings) {
        if (json) io.out(JSON.stringify(summaryJson(preview, []), null, 2));
        else printPreview(preview, io);
        const pending = preview.warnings.filter((w) => !w.informational);
        io.err(`${pending.length} ${pending.length === 1 ? 'warning needs' : 'warnings need'} confirming; nothing was written. Check them, then run again with --confirm-warnings${preview.dateOrder?.how === 'default' ? ' (or choose the dates\' order with --date-order dmy|mdy)' : ''}:`);
        for (const w of preview.warnings) io.err(`  ${where(w)}: ${w.message}`);
        return 1;
      }
      if (values['dry-run']) {
        if (json) io.out(JSON.stringify(summaryJson(preview, []), null, 2));
        else {
          printPreview(preview, io);
          for (const w of preview.warnings) io.out(`Warning: ${where(w)}: ${w.message}`);
          io.out('Dry run: nothing was written.');
        }
        return 0;
      }
      const result = await core.call('commitRollImport', { ...request, stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash });
      if (json) io.out(JSON.stringify(summaryJson(preview, []), null, 2));
      else {
        printPreview(preview, io);
        for (const w of preview.warnings) io.out(`Warning: ${where(w)}: ${w.message}`);
        io.out(result.noChanges ? 'Nothing to import.' : `Imported as import #${result.batchId}. Backup before the import: ${result.backupFile}`);
      }
      return 0;
    } catch (error) {
      if (json && (error instanceof CliCallError || error instanceof HubdeskError) && (error instanceof HubdeskError || error.kind === 'validation')) {
        io.out(JSON.stringify(summaryJson(null, [{ sheet: path.basename(positionals[0]!), row: null, column: null, message: error.message }]), null, 2));
      }
      throw error;
    }
  },
};

export const importRollCommands: CliCommand[] = [importRoll];
