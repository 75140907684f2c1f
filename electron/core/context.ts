import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { Store } from './db/store';
import { fileLog, type CoreLog } from './log';
import { systemClock, ukDateOf, type Clock } from './clock';

/** What every handler is given: the store and who/when for the audit log. */
export interface CoreContext {
  store: Store;
  db: Kysely<Database>;
  /** The operating-system user, recorded in the audit log and on import batches. */
  user: string;
  /** The current instant, injectable for tests. */
  now(): Date;
  /** Today's date (ISO) in the UK, from now(). */
  today(): string;
  /** Where failures that are bugs are written, with their stack (`<dataDir>/logs/hubdesk.log`). */
  log: CoreLog;
}

export function createContext(store: Store, options: { user?: string; now?: Clock; log?: CoreLog } = {}): CoreContext {
  const now = options.now ?? systemClock;
  return {
    store,
    db: store.db,
    user: options.user ?? safeUserName(),
    now,
    today: () => ukDateOf(now()),
    log: options.log ?? fileLog(store.dataDir),
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
