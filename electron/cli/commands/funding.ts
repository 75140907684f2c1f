import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { formatPence } from '@shared/domain/money';

const funding: CliCommand = {
  words: ['funding'],
  usage: 'hubdesk [--data DIR] funding --year Y [--hub NAME] [--json]   hub funding, released and remaining for a year',
  options: { json: { type: 'boolean' }, year: { type: 'string' }, hub: { type: 'string' } },
  async run(core, { values }, io) {
    const year = values.year;
    if (typeof year !== 'string' || year.trim() === '') throw new UsageError('funding needs --year, e.g. --year 2025/26');
    const hub = typeof values.hub === 'string' ? values.hub : undefined;
    const report = await core.call('fundingReport', { year, hub });
    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
      return 0;
    }
    if (report.length === 0) {
      io.out(`No hub has funding in ${year}.`);
      return 0;
    }
    const width = Math.max(...report.map((h) => h.hub.length));
    const money = (p: number) => formatPence(p).padStart(12);
    io.out(`${'Hub'.padEnd(width)}  Schools       Funding  Carry fwd.  Total avail.     Released    Remaining`);
    for (const h of report) {
      io.out(
        `${h.hub.padEnd(width)}  ${String(h.schools).padStart(7)}  ${money(h.fundingPence)}${money(h.carryForwardPence)}  ${money(h.totalAvailablePence)} ${money(h.releasedPence)} ${money(h.remainingPence)}${h.remainingPence < 0 ? '  OVER-RELEASED' : ''}`,
      );
      if (hub !== undefined) {
        io.out('');
        for (const s of h.perSchool) {
          io.out(`  ${s.urn}  ${s.name.padEnd(40)} ${String(s.pupils).padStart(6)} pupils ${money(s.contributionPence)}${s.capped ? '  (capped)' : ''}`);
        }
        io.out(`  Formula ${formatPence(h.formulaPence)}, minimum ${formatPence(h.minimumPence)}: funding ${formatPence(h.fundingPence)}.`);
      }
    }
    return 0;
  },
};

export const fundingCommands: CliCommand[] = [funding];
