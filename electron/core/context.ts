import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { Store } from './db/store';
import { fileLog, type CoreLog } from './log';
import { systemClock, ukDateOf, type Clock } from './clock';
import { ROLES, type Role } from '@shared/contract';

/** Who is calling: checked against each method's roles at dispatch. */
export interface Person {
  /** The signed-in person's row in `people`; null for the local person of the desktop app and CLI. */
  id: number | null;
  name: string;
  email: string | null;
  roles: readonly Role[];
}

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
  /** Who is calling, with their roles (the desktop app and CLI: the local person, with every role). */
  caller: Person;
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
  const user = options.user ?? safeUserName();
  return {
    store,
    db: store.db,
    user,
    ...(person ? { person } : {}),
    caller: localPerson(person || user),
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

/**
 * The one person of the desktop app and the command line: whoever can open the data folder holds
 * every role, as before there were people and roles.
 */
export function localPerson(user: string): Person {
  return { id: null, name: user, email: null, roles: ROLES };
}

/** The context of one request on a team server: the signed-in person, whose name every change records. */
export function signedInAs(ctx: CoreContext, person: Person & { email: string }): CoreContext {
  return { ...ctx, user: person.name, person: person.name, caller: person };
}
