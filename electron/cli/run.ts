import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from './command';
import { UsageError } from './command';
import { commands } from './commands';
import { CliCallError } from './call';
import { databaseUrlFrom, openChosenStore } from '../core/db/open';
import { createContext } from '../core/context';
import { clockFromEnvironment } from '../core/clock';
import { defaultDataDir } from '../core/data-dir';
import { HubdeskError } from '../core/errors';
import { isDamagedStoreError } from '../core/db/sqlite-file/damaged';
import { plainStoreError } from '../core/db/sqlite-file/plain-errors';
import { restoreOverDamagedStore } from '../core/maintenance/restore-damaged';

export function usageText(): string {
  return ['usage:', ...commands.map((c) => `  ${c.usage}`), '', 'Options for every command:', '  --data DIR   the folder holding hubdesk.db (default: HUBDESK_DATA or the app’s data folder)', '  --database-url URL   a shared PostgreSQL store instead (default: HUBDESK_DATABASE_URL)'].join('\n');
}

function findCommand(words: string[]): { command: CliCommand; rest: string[] } | null {
  const sorted = [...commands].sort((a, b) => b.words.length - a.words.length);
  for (const command of sorted) {
    if (command.words.every((w, i) => words[i] === w)) return { command, rest: words.slice(command.words.length) };
  }
  return null;
}

/** Runs the CLI; returns the exit code (0 ok, 1 validation or data error, 2 usage). */
export async function runCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // --data may stand before the command words; pull it out first.
  const args = [...argv];
  let dataDir: string | undefined;
  const dataIndex = args.indexOf('--data');
  if (dataIndex >= 0) {
    dataDir = args[dataIndex + 1];
    if (!dataDir || dataDir.startsWith('--')) {
      io.err(`--data needs a folder\n${usageText()}`);
      return 2;
    }
    args.splice(dataIndex, 2);
  }
  let databaseUrlArg: string | undefined;
  const urlIndex = args.indexOf('--database-url');
  if (urlIndex >= 0) {
    databaseUrlArg = args[urlIndex + 1];
    if (!databaseUrlArg || databaseUrlArg.startsWith('--')) {
      io.err(`--database-url needs a URL (postgres://…)\n${usageText()}`);
      return 2;
    }
    args.splice(urlIndex, 2);
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
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
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

  const folder = path.resolve(dataDir ?? defaultDataDir(env));
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
    return await command.run(createContext(store, { now, person: env.HUBDESK_PERSON }), parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nusage: ${command.usage}`);
      return 2;
    }
    if (error instanceof CliCallError || error instanceof HubdeskError) {
      io.err(error.message);
      const issues = error instanceof CliCallError ? error.issues : [];
      for (const issue of issues.slice(1)) io.err(`  ${issue.path}: ${issue.message}`);
      return 1;
    }
    const plain = plainStoreError(error, folder);
    io.err(plain ? plain.message : `hubdesk failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await store.close();
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
