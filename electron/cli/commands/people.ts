import type { PersonView, PersonWithPassword } from '@shared/contract';
import { ROLE_LABELS } from '@shared/contract';
import type { CliCommand, CliIo } from '../command';
import { UsageError } from '../command';
import { callCore } from '../call';

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
  async run(ctx, { values }, io) {
    const request = { name: String(values.name ?? ''), email: String(values.email ?? ''), roles: rolesOption(values.roles) as never };
    const result = await callCore(ctx, 'addPerson', request);
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else showPassword(io, result, 'Added');
    return 0;
  },
};

const list: CliCommand = {
  words: ['people', 'list'],
  usage: 'hubdesk [--data DIR] people list [--json]  everyone who may sign in to the team server',
  options: { json: { type: 'boolean' } },
  async run(ctx, { values }, io) {
    const people = await callCore(ctx, 'listPeople', {});
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
  async run(ctx, { values, positionals }, io) {
    const result = await callCore(ctx, 'resetPassword', { email: positionals[0]! });
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
  async run(ctx, { values, positionals }, io) {
    const person = await callCore(ctx, 'disablePerson', { email: positionals[0]! });
    io.out(values.json ? JSON.stringify(person, null, 2) : `Disabled ${line(person)}`);
    return 0;
  },
};

export const peopleCommands: CliCommand[] = [add, list, resetPassword, disable];
