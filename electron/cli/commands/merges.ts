import type { CliCommand, CliIo } from '../command';
import { UsageError } from '../command';
import { callCore } from '../call';
import type { CoreContext } from '../../core/context';
import { HubdeskError } from '../../core/errors';
import type { MergeFundingYear, MergeMove } from '@shared/contract/merges';
import { formatPence } from '@shared/domain/money';

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

async function schoolByUrn(ctx: CoreContext, option: string, urn: string | undefined): Promise<number> {
  if (!urn || !/^\d{6}$/.test(urn.trim())) throw new UsageError(`needs --${option} with a 6-digit URN`);
  const school = await ctx.db.selectFrom('schools').where('urn', '=', urn.trim()).select('id').executeTakeFirst();
  if (!school) throw new HubdeskError('not_found', `There is no school with URN ${urn.trim()}.`);
  return school.id;
}

async function hubByName(ctx: CoreContext, what: string, name: string | undefined): Promise<number> {
  if (!name || !name.trim()) throw new UsageError(`needs ${what}`);
  const hubs = await ctx.db.selectFrom('hubs').select(['id', 'name']).execute();
  const hub = hubs.find((h) => h.name.toLowerCase() === name.trim().toLowerCase());
  if (!hub) throw new HubdeskError('not_found', `There is no hub called ${name.trim()}.`);
  return hub.id;
}

function printMoves(io: CliIo, moves: MergeMove[]): void {
  const moved = moves.filter((m) => m.count > 0);
  io.out(moved.length ? `Moves: ${moved.map((m) => `${m.what} (${m.count})`).join(', ')}` : 'Moves: nothing (no rows refer to it)');
}

function printFunding(io: CliIo, funding: MergeFundingYear[]): void {
  for (const y of funding) {
    for (const h of y.effect.hubs) {
      io.out(`  ${y.year} ${h.hub}: ${h.before.schools} → ${h.after.schools} schools, funding ${formatPence(h.before.fundingPence)} → ${formatPence(h.after.fundingPence)}`);
    }
  }
}

/** Prints the refusals of a dry run; exit 1 when the merge would be refused. */
function printRefusals(io: CliIo, refusals: string[]): number {
  for (const r of refusals) io.err(`Refused: ${r}`);
  return refusals.length ? 1 : 0;
}

const mergeSchool: CliCommand = {
  words: ['school', 'merge'],
  usage: 'hubdesk [--data DIR] school merge --from URN --into URN [--dry-run] [--json]   merge two records of the same school (the --from record’s history moves to --into)',
  options: { from: { type: 'string' }, into: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  localOnly: 'it finds the schools and hubs in the store itself; run it on the server’s own computer, or use the screens',
  async runLocal(ctx, { values }, io) {
    const fromSchoolId = await schoolByUrn(ctx, 'from', str(values.from));
    const intoSchoolId = await schoolByUrn(ctx, 'into', str(values.into));
    const preview = await callCore(ctx, 'previewSchoolMerge', { fromSchoolId, intoSchoolId });
    if (values['dry-run']) {
      if (values.json) io.out(JSON.stringify(preview, null, 2));
      else {
        io.out(`Would merge ${preview.from.name} (URN ${preview.from.urn}) into ${preview.into.name} (URN ${preview.into.urn}); nothing written.`);
        printMoves(io, preview.moves);
        io.out(`Ofsted: ${preview.inspections.fromUrn} inspections under URN ${preview.from.urn} join the ${preview.inspections.intoUrn} under URN ${preview.into.urn} in ${preview.into.name}'s history`);
        printFunding(io, preview.funding);
      }
      return printRefusals(io, preview.refusals);
    }
    const r = await callCore(ctx, 'mergeSchools', { fromSchoolId, intoSchoolId, fromVersion: preview.from.version, intoVersion: preview.into.version });
    if (values.json) io.out(JSON.stringify(r, null, 2));
    else {
      io.out(r.summary);
      io.out('Undo with: hubdesk undo-change');
    }
    return 0;
  },
};

const mergeHub: CliCommand = {
  words: ['hub', 'merge'],
  usage:
    'hubdesk [--data DIR] hub merge FROM --into TO [--year Y] [--dry-run] [--json]   merge hub FROM into hub TO from year Y (default: the current year); earlier years stay with FROM',
  options: { into: { type: 'string' }, year: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['FROM (the hub to merge away)'] },
  localOnly: 'it finds the schools and hubs in the store itself; run it on the server’s own computer, or use the screens',
  async runLocal(ctx, { values, positionals }, io) {
    const fromHubId = await hubByName(ctx, 'FROM, the hub to merge away', positionals[0]);
    const intoHubId = await hubByName(ctx, '--into TO, the hub to keep', str(values.into));
    const form = await callCore(ctx, 'hubMergeForm', { hubId: fromHubId });
    const year = str(values.year) ?? form.currentYear;
    if (!year) throw new UsageError('needs --year (there is no current membership year)');
    const preview = await callCore(ctx, 'previewHubMerge', { fromHubId, intoHubId, year });
    if (values['dry-run']) {
      if (values.json) io.out(JSON.stringify(preview, null, 2));
      else {
        io.out(`Would merge ${preview.from.name} into ${preview.into.name} from ${preview.year} (${preview.years.join(', ')}); nothing written.`);
        printMoves(io, preview.moves);
        printFunding(io, preview.funding);
      }
      return printRefusals(io, preview.refusals);
    }
    const r = await callCore(ctx, 'mergeHubs', { fromHubId, intoHubId, year, fromVersion: preview.from.version, intoVersion: preview.into.version });
    if (values.json) io.out(JSON.stringify({ ...r, funding: preview.funding }, null, 2));
    else {
      io.out(r.summary);
      printFunding(io, preview.funding);
      io.out('Undo with: hubdesk undo-change');
    }
    return 0;
  },
};

export const mergeCommands: CliCommand[] = [mergeSchool, mergeHub];
