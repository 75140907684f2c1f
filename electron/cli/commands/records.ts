import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { callCore } from '../call';
import type { CoreContext } from '../../core/context';
import { HubdeskError } from '../../core/errors';
import type { MembershipRecord } from '@shared/contract/records';
import { penceToPoundsString } from '@shared/domain/money';

/** Why the membership commands need this computer's store (they find the school by its URN there). */
const LOCAL_ONLY = 'it finds the school by its URN in the store itself; run it on the server’s own computer, or use the screens';

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

async function findMembership(ctx: CoreContext, urn: string | undefined, year: string | undefined) {
  if (!urn || !/^\d{6}$/.test(urn.trim())) throw new UsageError('needs --urn with a 6-digit URN');
  if (!year) throw new UsageError('needs --year, e.g. --year 2026/27');
  const school = await ctx.db.selectFrom('schools').where('urn', '=', urn.trim()).select('id').executeTakeFirst();
  if (!school) throw new HubdeskError('not_found', `There is no school with URN ${urn.trim()}.`);
  return callCore(ctx, 'membershipForm', { schoolId: school.id, year });
}

function line(m: MembershipRecord): string {
  return `${m.school} · ${m.hub} · ${m.year} · ${m.pupils} pupils · ${m.status} · fee invoiced ${m.feeInvoicedOn ?? '—'} · paid ${m.feePaidOn ?? '—'} · version ${m.version}`;
}

const show: CliCommand = {
  words: ['membership'],
  usage: 'hubdesk [--data DIR] membership --urn URN --year Y [--json]   a school’s membership, with the version to send back when changing it',
  options: { urn: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } },
  localOnly: LOCAL_ONLY,
  async runLocal(ctx, { values }, io) {
    const f = await findMembership(ctx, str(values.urn), str(values.year));
    if (!f.membership) {
      io.err(`${f.school.name} is not a member in ${f.year}.`);
      return 1;
    }
    io.out(values.json ? JSON.stringify(f.membership, null, 2) : line(f.membership));
    return 0;
  },
};

const set: CliCommand = {
  words: ['membership', 'set'],
  usage:
    'hubdesk [--data DIR] membership set --urn URN --year Y [--hub NAME] [--status new|renewing|leaving] [--pupils N] [--fee-invoiced DATE|none] [--fee-paid DATE|none] [--version V] [--json]',
  options: {
    urn: { type: 'string' },
    year: { type: 'string' },
    hub: { type: 'string' },
    status: { type: 'string' },
    pupils: { type: 'string' },
    'fee-invoiced': { type: 'string' },
    'fee-paid': { type: 'string' },
    version: { type: 'string' },
    json: { type: 'boolean' },
  },
  localOnly: LOCAL_ONLY,
  async runLocal(ctx, { values }, io) {
    const f = await findMembership(ctx, str(values.urn), str(values.year));
    if (!f.membership) {
      io.err(`${f.school.name} is not a member in ${f.year}: add it from the app or import the roll.`);
      return 1;
    }
    const hubName = str(values.hub);
    const hub = hubName ? f.hubs.find((h) => h.name.toLowerCase() === hubName.trim().toLowerCase()) : undefined;
    if (hubName && !hub) throw new HubdeskError('not_found', `There is no hub called ${hubName}.`);
    const date = (v: string | undefined) => (v === undefined ? undefined : v === 'none' ? null : v);
    const pupils = str(values.pupils);
    const change = {
      membershipId: f.membership.id,
      // Without --version the change applies to what is stored now; with it, a change made since is refused.
      version: str(values.version) ?? f.membership.version,
      ...(hub ? { hubId: hub.id } : {}),
      ...(values.status !== undefined ? { status: str(values.status) as 'new' } : {}),
      ...(pupils !== undefined ? { pupils: /^\d+$/.test(pupils) ? Number(pupils) : Number.NaN } : {}),
      ...(values['fee-invoiced'] !== undefined ? { feeInvoicedOn: date(str(values['fee-invoiced'])) } : {}),
      ...(values['fee-paid'] !== undefined ? { feePaidOn: date(str(values['fee-paid'])) } : {}),
    };
    const r = await callCore(ctx, 'updateMembership', change);
    if (values.json) io.out(JSON.stringify(r, null, 2));
    else {
      io.out(r.summary);
      for (const h of r.effect?.hubs ?? []) io.out(`  ${h.hub}: funding ${penceToPoundsString(h.before.fundingPence)} → ${penceToPoundsString(h.after.fundingPence)}`);
    }
    return 0;
  },
};

const undo: CliCommand = {
  words: ['undo-change'],
  usage: 'hubdesk [--data DIR] undo-change [--show]   undo the last change made by hand (--show: only say what it is)',
  options: { show: { type: 'boolean' } },
  async run(core, { values }, io) {
    const last = await core.call('lastRecordsChange', {});
    if (!last) {
      io.err('There is no change made by hand to undo.');
      return 1;
    }
    if (values.show) {
      io.out(`${last.at} ${last.user}: ${last.summary}`);
      return 0;
    }
    const r = await core.call('undoLastChange', { auditId: last.auditId });
    io.out(`Undone: ${r.undone.summary}`);
    return 0;
  },
};

export const recordsCommands: CliCommand[] = [show, set, undo];
