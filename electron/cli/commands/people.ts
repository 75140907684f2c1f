import type { ApiTokenView, PersonView, PersonWithPassword } from '@shared/contract';
import { ROLE_LABELS } from '@shared/contract';
import type { CliCommand, CliIo } from '../command';
import { UsageError } from '../command';

function rolesText(person: PersonView): string {
  return person.roles.map((r) => ROLE_LABELS[r]).join(', ');
}

function line(person: PersonView): string {
  return `${person.email}  ${person.name}  (${rolesText(person)})${person.disabled ? '  DISABLED' : ''}`;
}

/** The password is shown this once, to the administrator at the terminal; it is never stored or logged. */
function showPassword(io: CliIo, result: PersonWithPassword, what: string): void {
  io.out(`${what} ${line(result.person)}`);
  io.out(`Password (shown once; give it to ${result.person.name} in person or by a separate channel): ${result.password}`);
}

function rolesOption(value: string | boolean | undefined): string[] {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError('--roles needs one or more of memberships_manager, finance, administrator, viewer (comma-separated)');
  return value.split(',').map((r) => r.trim());
}

const add: CliCommand = {
  words: ['people', 'add'],
  usage: 'hubdesk [--data DIR] people add --name NAME --email EMAIL --roles ROLE[,ROLE]  add a person who signs in to the team server (prints their first password)',
  options: { name: { type: 'string' }, email: { type: 'string' }, roles: { type: 'string' }, json: { type: 'boolean' } },
  async run(core, { values }, io) {
    const request = { name: String(values.name ?? ''), email: String(values.email ?? ''), roles: rolesOption(values.roles) as never };
    const result = await core.call('addPerson', request);
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else showPassword(io, result, 'Added');
    return 0;
  },
};

const list: CliCommand = {
  words: ['people', 'list'],
  usage: 'hubdesk [--data DIR] people list [--json]  everyone who may sign in to the team server',
  options: { json: { type: 'boolean' } },
  async run(core, { values }, io) {
    const people = await core.call('listPeople', {});
    if (values.json) io.out(JSON.stringify(people, null, 2));
    else if (people.length === 0) io.out('Nobody yet. Add the first administrator: hubdesk people add --name NAME --email EMAIL --roles administrator');
    else for (const p of people) io.out(line(p));
    return 0;
  },
};

const resetPassword: CliCommand = {
  words: ['people', 'reset-password'],
  usage: 'hubdesk [--data DIR] people reset-password EMAIL  give a person a new password (printed) and sign them out everywhere',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['EMAIL'] },
  async run(core, { values, positionals }, io) {
    const result = await core.call('resetPassword', { email: positionals[0]! });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else showPassword(io, result, 'New password for');
    return 0;
  },
};

const disable: CliCommand = {
  words: ['people', 'disable'],
  usage: 'hubdesk [--data DIR] people disable EMAIL  stop a person signing in and sign them out everywhere',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['EMAIL'] },
  async run(core, { values, positionals }, io) {
    const person = await core.call('disablePerson', { email: positionals[0]! });
    io.out(values.json ? JSON.stringify(person, null, 2) : `Disabled ${line(person)}`);
    return 0;
  },
};

function tokenLine(t: ApiTokenView): string {
  const state = t.state === 'active' ? (t.expiresAt ? `works until ${t.expiresAt}` : 'works until revoked') : t.state === 'expired' ? `EXPIRED ${t.expiresAt}` : `REVOKED ${t.revokedAt}`;
  return `${String(t.id).padStart(4)}  ${t.email}  "${t.label}"  issued ${t.createdAt} by ${t.createdBy}  last used ${t.lastUsedAt ?? 'never'}  ${state}`;
}

function daysOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim())) throw new UsageError('--expires-in-days needs a whole number of days, e.g. --expires-in-days 90');
  return Number(value.trim());
}

/** The secret is shown this once, to the administrator at the terminal; the store keeps only its hash. */
const token: CliCommand = {
  words: ['people', 'token'],
  usage: 'hubdesk [--data DIR] people token EMAIL [--label TEXT] [--expires-in-days N]  issue an API token acting as that person, for scripts and --server (printed once)',
  options: { label: { type: 'string' }, 'expires-in-days': { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['EMAIL'] },
  async run(core, { values, positionals }, io) {
    const label = typeof values.label === 'string' ? values.label : 'command line';
    const issued = await core.call('issueApiToken', { email: positionals[0]!, label, expiresInDays: daysOption(values['expires-in-days']) });
    if (values.json) {
      io.out(JSON.stringify(issued, null, 2));
      return 0;
    }
    io.out(`Issued ${tokenLine(issued.token)}`);
    io.out(`Token (shown once; keep it in a file only its script can read, and give it as HUBDESK_TOKEN or --token-file):`);
    io.out(issued.secret);
    return 0;
  },
};

const tokens: CliCommand = {
  words: ['people', 'tokens'],
  usage: 'hubdesk [--data DIR] people tokens [EMAIL] [--json]  the API tokens issued (never their secrets), with their last use',
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 1, names: ['[EMAIL]'] },
  async run(core, { values, positionals }, io) {
    const list = await core.call('listApiTokens', positionals[0] === undefined ? {} : { email: positionals[0] });
    if (values.json) io.out(JSON.stringify(list, null, 2));
    else if (list.length === 0) io.out('No API tokens. Issue one with: hubdesk people token EMAIL --label TEXT');
    else for (const t of list) io.out(tokenLine(t));
    return 0;
  },
};

const revokeToken: CliCommand = {
  words: ['people', 'revoke-token'],
  usage: 'hubdesk [--data DIR] people revoke-token ID  revoke an API token (its number in people tokens): it stops working at once',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['ID'] },
  async run(core, { values, positionals }, io) {
    const raw = positionals[0]!;
    if (!/^\d+$/.test(raw)) throw new UsageError(`a token is named by its number (as \`people tokens\` lists), got "${raw}"`);
    const revoked = await core.call('revokeApiToken', { id: Number(raw) });
    io.out(values.json ? JSON.stringify(revoked, null, 2) : `Revoked ${tokenLine(revoked)}`);
    return 0;
  },
};

export const peopleCommands: CliCommand[] = [add, list, resetPassword, disable, token, tokens, revokeToken];
