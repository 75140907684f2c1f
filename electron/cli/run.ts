import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliArgs, CliCommand, CliIo } from './command';
import { UsageError } from './command';
import { commands } from './commands';
import { CliCallError, localCore } from './call';
import { readCa, readToken, remoteCore, RemoteError } from './remote';
import { databaseUrlFrom, openChosenStore } from '../core/db/open';
import { createContext } from '../core/context';
import { clockFromEnvironment } from '../core/clock';
import { defaultDataDir } from '../core/data-dir';
import { HubdeskError } from '../core/errors';
import { isDamagedStoreError } from '../core/db/sqlite-file/damaged';
import { plainStoreError } from '../core/db/sqlite-file/plain-errors';
import { restoreOverDamagedStore } from '../core/maintenance/restore-damaged';

export function usageText(): string {
  return [
    'usage:',
    ...commands.map((c) => `  ${c.usage}`),
    '',
    'Options for every command:',
    '  --data DIR   the folder holding hubdesk.db (default: HUBDESK_DATA or the app’s data folder)',
    '  --database-url URL   a shared PostgreSQL store instead (default: HUBDESK_DATABASE_URL)',
    '  --server URL   a team server instead (https://…; default: HUBDESK_SERVER), with an API token from',
    '                 HUBDESK_TOKEN or --token-file FILE (never on the command line); --ca FILE trusts a private CA',
  ].join('\n');
}

function findCommand(words: string[]): { command: CliCommand; rest: string[] } | null {
  const sorted = [...commands].sort((a, b) => b.words.length - a.words.length);
  for (const command of sorted) {
    if (command.words.every((w, i) => words[i] === w)) return { command, rest: words.slice(command.words.length) };
  }
  return null;
}

/** Options for every command, which may stand before the command words: taken out of `args`. */
const GLOBAL_OPTIONS = { '--data': 'a folder', '--database-url': 'a URL (postgres://…)', '--server': 'a URL (https://…)', '--token-file': 'a file', '--ca': 'a PEM file' } as const;
type GlobalOption = keyof typeof GLOBAL_OPTIONS;

function takeGlobalOptions(args: string[]): Partial<Record<GlobalOption, string>> | string {
  const taken: Partial<Record<GlobalOption, string>> = {};
  for (const option of Object.keys(GLOBAL_OPTIONS) as GlobalOption[]) {
    const index = args.indexOf(option);
    if (index < 0) continue;
    const value = args[index + 1];
    if (!value || value.startsWith('--')) return `${option} needs ${GLOBAL_OPTIONS[option]}`;
    taken[option] = value;
    args.splice(index, 2);
  }
  return taken;
}

/** Runs the CLI; returns the exit code (0 ok, 1 validation or data error, 2 usage). */
export async function runCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = [...argv];
  if (args.some((a) => a === '--token' || a.startsWith('--token='))) {
    io.err('An API token is never given on the command line (other people on this computer could read it from the process list): set HUBDESK_TOKEN, or give --token-file FILE.');
    return 2;
  }
  const global = takeGlobalOptions(args);
  if (typeof global === 'string') {
    io.err(`${global}\n${usageText()}`);
    return 2;
  }
  if (args.length === 0 || args[0] === '--help' || args[0] === 'help') {
    (args.length === 0 ? io.err : io.out)(usageText());
    return args.length === 0 ? 2 : 0;
  }
  const words = args.filter((a) => !a.startsWith('-'));
  const found = findCommand(words);
  if (!found) {
    io.err(`Unknown command "${args.join(' ')}".\n${usageText()}`);
    return 2;
  }
  const { command } = found;
  let parsed: CliArgs;
  try {
    const result = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
    parsed = { values: result.values as Record<string, string | boolean | undefined>, positionals: result.positionals.slice(command.words.length) };
    const p = command.positionals ?? { min: 0, max: 0, names: [] };
    if (parsed.positionals.length < p.min || parsed.positionals.length > p.max) {
      throw new UsageError(p.max === 0 ? `"${command.words.join(' ')}" takes no further arguments` : `"${command.words.join(' ')}" needs ${p.names.join(' ')}`);
    }
  } catch (error) {
    io.err(`${(error as Error).message}\nusage: ${command.usage}`);
    return 2;
  }

  // A team server when asked for (--server, or HUBDESK_SERVER unless a store is named); this computer's store otherwise.
  const local = global['--data'] !== undefined || global['--database-url'] !== undefined;
  const server = global['--server'] ?? (local ? undefined : env.HUBDESK_SERVER?.trim() || undefined);
  if (server !== undefined) return runAgainstServer(command, parsed, io, env, { server, tokenFile: global['--token-file'], ca: global['--ca'], local });
  if (global['--token-file'] !== undefined || global['--ca'] !== undefined) {
    io.err(`--token-file and --ca are for --server URL (a team server).\nusage: ${command.usage}`);
    return 2;
  }

  const folder = path.resolve(global['--data'] ?? defaultDataDir(env));
  const databaseUrlArg = global['--database-url'];
  if (command.runOnStore) {
    try {
      return await command.runOnStore({ dataDir: folder, databaseUrl: databaseUrlFrom(databaseUrlArg, env) }, parsed, io);
    } catch (error) {
      io.err(error instanceof UsageError ? `${error.message}\nusage: ${command.usage}` : (error as Error).message);
      return error instanceof UsageError ? 2 : 1;
    }
  }
  let store;
  let now;
  try {
    now = clockFromEnvironment(env);
    // Reading needs no lock (SQLite lets readers work beside the app's writes); a change takes it first.
    store = await openChosenStore(folder, databaseUrlFrom(databaseUrlArg, env), { lockAs: 'command line', lockWhen: 'first-write' });
  } catch (error) {
    if (isDamagedStoreError(error) && command.words[0] === 'restore') return restoreDamaged(folder, parsed.positionals[0]!, io, now?.() ?? new Date());
    io.err((error as Error).message);
    return 1;
  }
  try {
    const ctx = createContext(store, { now, person: env.HUBDESK_PERSON });
    return await (command.runLocal ? command.runLocal(ctx, parsed, io) : command.run!(localCore(ctx), parsed, io));
  } catch (error) {
    const plain = plainStoreError(error, folder);
    return reportFailure(error, command, io, plain ? plain.message : null);
  } finally {
    await store.close();
  }
}

/** A failed command: a usage mistake exits 2 with the usage, a refused call or a data error 1 with its message. */
function reportFailure(error: unknown, command: CliCommand, io: CliIo, plainMessage: string | null): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\nusage: ${command.usage}`);
    return 2;
  }
  if (error instanceof CliCallError || error instanceof HubdeskError || error instanceof RemoteError) {
    io.err(error.message);
    const issues = error instanceof CliCallError ? error.issues : [];
    for (const issue of issues.slice(1)) io.err(`  ${issue.path}: ${issue.message}`);
    return 1;
  }
  io.err(plainMessage ?? `hubdesk failed: ${(error as Error).message}`);
  return 1;
}

/** `--server URL`: the command's contract calls go to the team server over HTTPS, as the token's person. */
async function runAgainstServer(command: CliCommand, parsed: CliArgs, io: CliIo, env: NodeJS.ProcessEnv, options: { server: string; tokenFile?: string; ca?: string; local: boolean }): Promise<number> {
  const usage = (message: string) => {
    io.err(`${message}\nusage: ${command.usage}`);
    return 2;
  };
  if (options.local) return usage('Give --server URL (a team server) or --data / --database-url (a store on this computer), not both.');
  if (!command.run) return usage(`"${command.words.join(' ')}" works on a store on this computer only, not against a team server: ${command.localOnly ?? 'it needs the store itself'}.`);
  let server: URL;
  try {
    server = new URL(options.server);
  } catch {
    return usage(`--server needs the team server's address, like https://hubdesk.example.org (got "${options.server}")`);
  }
  if (server.protocol !== 'https:') return usage(`--server needs an https:// address (got ${server.protocol}//): the API token must not cross the network in the clear`);
  try {
    const token = readToken(options.tokenFile, env);
    if (!token) return usage('--server needs an API token: set HUBDESK_TOKEN, or give --token-file FILE (an administrator issues one with: hubdesk people token EMAIL)');
    const ca = options.ca === undefined ? undefined : readCa(options.ca);
    return await command.run(remoteCore({ server, token, ca }), parsed, io);
  } catch (error) {
    return reportFailure(error, command, io, null);
  }
}

/** `restore FILE` when the database is damaged: the file is replaced whole by the checked backup. */
async function restoreDamaged(dataDir: string, file: string, io: CliIo, now: Date): Promise<number> {
  try {
    const r = await restoreOverDamagedStore(dataDir, path.resolve(file), 'command line', now);
    io.out(`Restored ${path.resolve(file)}. The damaged database is kept as ${r.damagedKeptAs}.`);
    return 0;
  } catch (error) {
    io.err((plainStoreError(error, dataDir) ?? (error as Error)).message);
    return 1;
  }
}
