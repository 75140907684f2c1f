import type { Store } from './store';
import { openStore, type OpenStoreOptions } from './connection';
import { openPostgresStore } from './postgres/connection';

/** The environment variable naming a shared PostgreSQL store (the desktop app, browser mode and the CLI). */
export const DATABASE_URL_VARIABLE = 'HUBDESK_DATABASE_URL';

/** The database URL from `--database-url` or HUBDESK_DATABASE_URL; undefined for the embedded SQLite store. */
export function databaseUrlFrom(argUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = argUrl ?? env[DATABASE_URL_VARIABLE];
  return url && url.trim() !== '' ? url.trim() : undefined;
}

/**
 * The store to use: PostgreSQL when a database URL is given (the data folder then holds only the
 * error log), else the SQLite file in the data folder.
 */
export function openChosenStore(dataDir: string, databaseUrl: string | undefined, options: OpenStoreOptions = {}): Promise<Store> {
  if (databaseUrl) return openPostgresStore({ url: databaseUrl, dataDir });
  return openStore(dataDir, options);
}
