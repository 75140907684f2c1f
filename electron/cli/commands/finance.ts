import type { CliCommand, CliCore } from '../command';
import { UsageError } from '../command';
import type { ClaimView } from '@shared/contract/funding';
import { formatPence } from '@shared/domain/money';

/**
 * Finance's corrections on the command line: list a hub's claims (with the id and version to send
 * back), correct, delete or reverse one, and lock or unlock a year's allocation. Each is the same
 * contract call as the app's, audited and undoable with `undo-change`.
 */

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function need(v: string | boolean | undefined, what: string): string {
  const s = str(v);
  if (s === undefined || s.trim() === '') throw new UsageError(`needs ${what}`);
  return s;
}

/** A hub of the year by its name (any case), as the contract lists them. */
async function hubId(core: CliCore, name: string, year: string): Promise<number> {
  const hubs = await core.call('listHubs', { year });
  const found = hubs.find((h) => h.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) throw new UsageError(`there is no hub called ${name}`);
  return found.id;
}

function claimId(positionals: string[]): number {
  const raw = positionals[0] ?? '';
  if (!/^\d+$/.test(raw)) throw new UsageError(`a claim is named by its id (a number, as \`claims --hub NAME --year Y\` lists), got "${raw}"`);
  return Number(raw);
}

function claimLine(c: ClaimView): string {
  const reasons = [
    c.releaseOverrideReason ? `paid before release: ${c.releaseOverrideReason}` : null,
    c.overReleaseReason ? `paid beyond the total available: ${c.overReleaseReason}` : null,
    c.reversal ? `payment reversed ${c.reversal.at.slice(0, 10)} by ${c.reversal.by}: ${c.reversal.reason}` : null,
  ].filter((r): r is string => r !== null);
  return [
    `#${c.id}`,
    c.claimedOn,
    c.invoiceRef ?? '(no invoice)',
    formatPence(c.amountPence),
    c.status + (c.paidOn ? ` ${c.paidOn}` : ''),
    c.category,
    `version ${c.version}`,
    ...reasons,
  ].join(' · ');
}

const claims: CliCommand = {
  words: ['claims'],
  usage: 'hubdesk [--data DIR] claims --hub NAME --year Y [--json]   a hub’s claims for a year, each with its id and version',
  options: { hub: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } },
  async run(core, { values }, io) {
    const year = need(values.year, '--year, e.g. --year 2026/27');
    const list = await core.call('listClaims', { hubId: await hubId(core, need(values.hub, '--hub NAME'), year), year });
    if (values.json) io.out(JSON.stringify(list, null, 2));
    else if (list.length === 0) io.out('No claims.');
    else for (const c of list) io.out(claimLine(c));
    return 0;
  },
};

const edit: CliCommand = {
  words: ['claim', 'edit'],
  usage:
    'hubdesk [--data DIR] claim edit ID [--amount A] [--claimed-on DATE] [--invoice REF|none] [--priority P|none] [--category NAME] [--description TEXT|none] [--status submitted|approved|paid|rejected] [--paid-on DATE|none] [--pay-anyway REASON] [--over-release REASON] [--version V] [--json]   correct a claim (a paid claim’s amount and status change only by `claim reverse`)',
  options: {
    amount: { type: 'string' },
    'claimed-on': { type: 'string' },
    invoice: { type: 'string' },
    priority: { type: 'string' },
    category: { type: 'string' },
    description: { type: 'string' },
    status: { type: 'string' },
    'paid-on': { type: 'string' },
    'pay-anyway': { type: 'string' },
    'over-release': { type: 'string' },
    version: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: ['ID'] },
  async run(core, { values, positionals }, io) {
    const orNull = (v: string | undefined) => (v === undefined ? undefined : v === 'none' ? null : v);
    let categoryId: number | undefined;
    const category = str(values.category);
    if (category !== undefined) {
      const found = (await core.call('listSpendCategories', {})).find((c) => c.name.toLowerCase() === category.trim().toLowerCase());
      if (!found) throw new UsageError(`there is no spend category called ${category}`);
      categoryId = found.id;
    }
    const payAnyway = str(values['pay-anyway']);
    const overRelease = str(values['over-release']);
    const r = await core.call('updateClaim', {
      claimId: claimId(positionals),
      ...(str(values.version) !== undefined ? { version: str(values.version) } : {}),
      ...(str(values.amount) !== undefined ? { amount: str(values.amount) } : {}),
      ...(str(values['claimed-on']) !== undefined ? { claimedOn: str(values['claimed-on']) } : {}),
      ...(values.invoice !== undefined ? { invoiceRef: orNull(str(values.invoice)) } : {}),
      ...(values.priority !== undefined ? { priority: orNull(str(values.priority)) } : {}),
      ...(values.description !== undefined ? { description: orNull(str(values.description)) } : {}),
      ...(categoryId !== undefined ? { categoryId } : {}),
      ...(values.status !== undefined ? { status: str(values.status) as ClaimView['status'] } : {}),
      ...(values['paid-on'] !== undefined ? { paidOn: orNull(str(values['paid-on'])) } : {}),
      ...(payAnyway !== undefined ? { releaseOverride: true as const, releaseOverrideReason: payAnyway } : {}),
      ...(overRelease !== undefined ? { override: true as const, overrideReason: overRelease } : {}),
    });
    io.out(values.json ? JSON.stringify(r, null, 2) : r.summary);
    return 0;
  },
};

const remove: CliCommand = {
  words: ['claim', 'delete'],
  usage: 'hubdesk [--data DIR] claim delete ID [--version V]   delete a claim not yet paid',
  options: { version: { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['ID'] },
  async run(core, { values, positionals }, io) {
    const r = await core.call('deleteClaim', { claimId: claimId(positionals), ...(str(values.version) !== undefined ? { version: str(values.version) } : {}) });
    io.out(r.summary);
    return 0;
  },
};

const reverse: CliCommand = {
  words: ['claim', 'reverse'],
  usage: 'hubdesk [--data DIR] claim reverse ID --reason TEXT [--version V]   reverse a payment (paid → approved), the reason kept with the claim',
  options: { reason: { type: 'string' }, version: { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['ID'] },
  async run(core, { values, positionals }, io) {
    const r = await core.call('reverseClaimPayment', {
      claimId: claimId(positionals),
      reason: need(values.reason, '--reason TEXT (why the payment is reversed)'),
      ...(str(values.version) !== undefined ? { version: str(values.version) } : {}),
    });
    io.out(r.summary);
    return 0;
  },
};

const lock: CliCommand = {
  words: ['funding', 'lock'],
  usage: 'hubdesk [--data DIR] funding lock --year Y [--hub NAME]   lock the computed allocation of one hub, or of every hub not yet locked',
  options: { year: { type: 'string' }, hub: { type: 'string' } },
  async run(core, { values }, io) {
    const hub = str(values.hub);
    const year = need(values.year, '--year, e.g. --year 2026/27');
    const r = await core.call('lockFunding', { year, ...(hub !== undefined ? { hubId: await hubId(core, hub, year) } : {}) });
    io.out(r.summary + (r.alreadyLocked > 0 && r.locked > 0 ? ` (${r.alreadyLocked} already locked)` : ''));
    return 0;
  },
};

const unlock: CliCommand = {
  words: ['funding', 'unlock'],
  usage: 'hubdesk [--data DIR] funding unlock --hub NAME --year Y --reason TEXT   unlock a hub’s allocation; its figures follow the roll again',
  options: { year: { type: 'string' }, hub: { type: 'string' }, reason: { type: 'string' } },
  async run(core, { values }, io) {
    const year = need(values.year, '--year, e.g. --year 2026/27');
    const r = await core.call('unlockFunding', {
      hubId: await hubId(core, need(values.hub, '--hub NAME'), year),
      year,
      reason: need(values.reason, '--reason TEXT (why the allocation is unlocked)'),
    });
    io.out(r.summary);
    return 0;
  },
};

export const financeCommands: CliCommand[] = [claims, edit, remove, reverse, lock, unlock];
