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
  /**
   * Who is acting, as the audit log, import batches, locks and calls record it: for a change, the
   * person (see person.ts); the computer's user name only where no person's name is known.
   */
  user: string;
  /** The person acting, when whoever started the core knows them (a signed-in person, HUBDESK_PERSON). */
  person?: string;
  /** The current instant, injectable for tests. */
  now(): Date;
  /** Today's date (ISO) in the UK, from now(). */
  today(): string;
  /** Where failures that are bugs are written, with their stack (`<dataDir>/logs/hubdesk.log`). */
  log: CoreLog;
}

export function createContext(store: Store, options: { user?: string; person?: string; now?: Clock; log?: CoreLog } = {}): CoreContext {
  const now = options.now ?? systemClock;
  const person = options.person?.trim();
  return {
    store,
    db: store.db,
    user: options.user ?? safeUserName(),
    ...(person ? { person } : {}),
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
