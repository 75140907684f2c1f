/**
 * Refusing a change made on a stale copy: when a form sends back a version that is no longer the
 * row's, the change is refused naming who changed the row last and when (UK time), from the audit
 * log — the one record of every change and its author (on a team server, the signed-in person's
 * name). Every conflict over a record a form loaded is worded here.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { londonDayTime } from '@shared/uk-date';
import { longDate } from '@shared/domain/reconciliation';
import { HubdeskError } from '../errors';
import { keyOf, RECORDS_ACTION, ROW_KEYS, type ChangeTable, type StoredRow } from './change-set';
import { versionOf } from './version';

type Db = Kysely<Database> | Transaction<Database>;

/** A stored row as the audit log names it: its table and key values (composite keys in key order). */
export interface RowName {
  table: string;
  key: readonly number[];
}

export interface LastWrite {
  by: string;
  at: string;
}

/**
 * The latest audit entry that wrote the row: an import's entry names the row itself; a hand change or
 * merge names its main record and lists every row it wrote (by "table:key" in its JSON), so a row
 * written as part of another record's change is found too.
 */
export async function lastWriteOf(db: Db, row: RowName): Promise<LastWrite | null> {
  const ref = `${row.table}:${row.key.join('/')}`;
  const named = row.key.length === 1 ? db.selectFrom('audit_log').select(['id', 'os_user', 'at']).where('entity', '=', row.table).where('entity_id', '=', String(row.key[0])) : null;
  const listed = db
    .selectFrom('audit_log')
    .select(['id', 'os_user', 'at'])
    .where('action', 'like', `${RECORDS_ACTION}%`)
    .where(sql<boolean>`(after_json like ${`%"${ref}"%`} or before_json like ${`%"${ref}"%`})`);
  const found = await Promise.all([named?.orderBy('id', 'desc').limit(1).executeTakeFirst(), listed.orderBy('id', 'desc').limit(1).executeTakeFirst()]);
  const latest = found.filter((r) => r !== undefined).sort((a, b) => b.id - a.id)[0];
  return latest ? { by: latest.os_user, at: latest.at } : null;
}

/** An instant as the UK reads it: "14:02 on 5 December 2026" (Europe/London, GMT or BST). */
export function ukTimeAndDay(instant: string): string {
  const { day, time } = londonDayTime(instant);
  return `${time} on ${longDate(day)}`;
}

/**
 * "Fin Ance changed Hove Park School at 14:02 on 5 December 2026; reload to see their change." The
 * person's own earlier change (another window, the command line) says "You"; a row whose author the
 * log does not know says when it was changed, if the row keeps that.
 */
export async function staleMessage(db: Db, user: string, row: RowName, what: string, updatedAt?: string | null): Promise<string> {
  const write = await lastWriteOf(db, row);
  if (write) {
    const who = write.by === user ? 'You' : write.by;
    return `${who} changed ${what} at ${ukTimeAndDay(write.at)}; reload to see ${who === 'You' ? 'that' : 'their'} change.`;
  }
  const at = updatedAt && !Number.isNaN(Date.parse(updatedAt)) ? ` at ${ukTimeAndDay(updatedAt)}` : '';
  return `Someone else changed ${what}${at}; reload to see their change.`;
}

/** The conflict refused: a stale copy of `what`, named as staleMessage says. */
export async function staleRecord(db: Db, user: string, row: RowName, what: string, updatedAt?: string | null): Promise<HubdeskError> {
  return new HubdeskError('conflict', await staleMessage(db, user, row, what, updatedAt));
}

/** A stored row's name for lastWriteOf. */
export function rowName(table: ChangeTable, stored: object): RowName {
  const key = keyOf(table, stored as StoredRow);
  return { table, key: ROW_KEYS[table].map((c) => key[c]!) };
}

/** Refuses a change to a row that is no longer what the form loaded (its version differs). */
export async function assertVersion(db: Db, user: string, table: ChangeTable, stored: object & { updated_at?: string | null }, expected: string, what: string): Promise<void> {
  if (versionOf(stored) === expected) return;
  throw await staleRecord(db, user, rowName(table, stored), what, stored.updated_at);
}
