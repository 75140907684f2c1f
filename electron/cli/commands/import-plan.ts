import { UsageError, type CliCommand } from '../command';
import { readFileArg } from '../file-arg';
import { HubdeskError } from '../../core/errors';
import { formatPence } from '@shared/domain/money';
import { parseTypedAmount } from '@shared/domain/money-parse';
import { countOf } from '@shared/plural';

/** --confirm 6=1300.00: the figure a person confirms for a flagged cost on that row. */
function confirmations(values: string | boolean | undefined): { row: number; pence: number }[] {
  if (typeof values !== 'string' || values.trim() === '') return [];
  return values.split(',').map((part) => {
    const m = /^\s*(\d+)\s*=\s*(.+?)\s*$/.exec(part);
    const amount = m ? parseTypedAmount(m[2]!) : null;
    if (!m || !amount || amount.kind !== 'exact') throw new UsageError(`--confirm takes ROW=AMOUNT pairs separated by commas, e.g. --confirm 6=1300.00 ("${part}" is not one)`);
    return { row: Number(m[1]), pence: amount.pence };
  });
}

const importPlan: CliCommand = {
  words: ['import', 'plan'],
  usage: "hubdesk [--data DIR] import plan FILE --hub NAME --year Y [--confirm ROW=AMOUNT,...] [--dry-run] [--json]   replace a hub's action plan with a workbook's (Priority, Activity, Cost, Category)",
  options: { hub: { type: 'string' }, year: { type: 'string' }, confirm: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['FILE'] },
  async run(core, { values, positionals }, io) {
    if (typeof values.year !== 'string' || typeof values.hub !== 'string') throw new UsageError('"import plan" needs --hub NAME and --year Y');
    const hubs = await core.call('listHubs', { year: values.year });
    const hub = hubs.find((h) => h.name.toLowerCase() === String(values.hub).toLowerCase());
    if (!hub) throw new HubdeskError('validation', `There is no hub "${values.hub}" in ${values.year}.`);
    const preview = await core.call('previewPlanImport', { hubId: hub.id, year: values.year, ...readFileArg(positionals[0]!) });
    if (values.json && values['dry-run']) io.out(JSON.stringify(preview, null, 2));
    else if (!values.json) {
      io.out(`${preview.fileName}, sheet "${preview.sheet}": ${countOf(preview.rows.length, 'plan line')} replacing ${preview.replacesLines}; exact total ${formatPence(preview.totalExactPence)}`);
      for (const r of preview.rows) {
        const note = r.problems.length > 0 ? `  PROBLEM: ${r.problems.join('; ')}` : r.confirm ? `  needs confirming: ${r.confirm.reason}` : '';
        io.out(`  row ${r.row}: ${r.priority} — ${r.activity}: ${r.pence === null ? r.costText : formatPence(r.pence)} (${r.category})${note}`);
      }
    }
    if (preview.problems > 0) {
      io.err(`${countOf(preview.problems, 'row')} cannot be imported; nothing was written.`);
      return 1;
    }
    if (values['dry-run']) {
      if (!values.json) io.out('Dry run: nothing was written.');
      return 0;
    }
    const result = await core.call('commitPlanImport', {
      hubId: hub.id,
      year: values.year,
      stagingId: preview.stagingId,
      sha256: preview.sha256,
      diffHash: preview.diffHash,
      confirmations: confirmations(values.confirm),
    });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else io.out(`Imported ${countOf(result.lines, 'plan line')} (${formatPence(result.totalPlannedPence)}) as import #${result.importBatchId}; it can be undone.`);
    return 0;
  },
};

export const importPlanCommands: CliCommand[] = [importPlan];
