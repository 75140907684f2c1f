/**
 * Putting back what a change set wrote: the one path behind undo by change (a hand edit or merge)
 * and undo by batch (an import). The changes are restored newest first, in runs of one table and one
 * kind of write, each run set-based: inserted rows are deleted, deleted rows are put back with their
 * keys, changed rows get their earlier values back. Before a run writes anything, every row in it
 * must still be as the change left it; otherwise the undo is refused (a conflict, in the caller's
 * words) and, the caller's transaction rolling back, nothing is changed.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { HubdeskError } from '../errors';
import { actionOf, keyOf, ROW_KEYS, rowRef, type Change, type ChangeTable, type StoredKey, type StoredRow } from './change-set';

/** What to say when a row is no longer as the change left it. */
export interface ConflictWords {
  /** The row is there but differs from the change's result. */
  changed(table: ChangeTable, now: StoredRow): string | Promise<string>;
  /** The change wrote the row; it has been deleted since. */
  deleted(table: ChangeTable, expected: StoredRow): string | Promise<string>;
  /** The change deleted the row; it is there again. */
  addedAgain(table: ChangeTable, now: StoredRow): string | Promise<string>;
  /** Rows the change added are now used by rows added since (a foreign key refuses their deletion). */
  inUse(table: ChangeTable): string;
}

const PARAMETERS_PER_STATEMENT = 3000;

/** Any table by name, any column by name: values are unknown until read. */
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/** Same values, a column missing on one side counting as null (a column added by a later migration). */
export function sameRow(a: StoredRow, b: StoredRow): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}

function chunks<R>(rows: readonly R[], size: number): R[][] {
  const out: R[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The rows of `table` with these keys as they are now, by reference. */
async function currentRows(db: AnyDb, table: ChangeTable, keys: StoredKey[]): Promise<Map<string, StoredRow>> {
  const out = new Map<string, StoredRow>();
  const cols = ROW_KEYS[table] as readonly string[];
  if (cols.length === 1) {
    const [col] = cols as [string];
    for (const chunk of chunks(keys, PARAMETERS_PER_STATEMENT)) {
      const rows = (await db.selectFrom(table).selectAll().where(col, 'in', chunk.map((k) => k[col])).execute()) as StoredRow[];
      for (const r of rows) out.set(rowRef(table, keyOf(table, r)), r);
    }
    return out;
  }
  // A table with a composite key: only hand changes write one (meeting attendance, a few rows).
  for (const key of keys) {
    let q = db.selectFrom(table).selectAll();
    for (const c of cols) q = q.where(c, '=', key[c]);
    const row = (await q.executeTakeFirst()) as StoredRow | undefined;
    if (row) out.set(rowRef(table, key), row);
  }
  return out;
}

/** Consecutive changes of the same table and kind of write, newest first. */
function runsNewestFirst(changes: readonly Change[]): Change[][] {
  const runs: Change[][] = [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i]!;
    if (c.before === null && c.after === null) continue;
    const last = runs[runs.length - 1];
    if (last && last[0]!.table === c.table && actionOf(last[0]!) === actionOf(c)) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/**
 * Restores the rows `changes` wrote (given oldest first) to their state before, inside the caller's
 * transaction. Returns the number of changes restored.
 */
export async function restoreChanges(trx: Transaction<Database>, changes: readonly Change[], words: ConflictWords): Promise<number> {
  const db = trx as unknown as AnyDb;
  let restored = 0;
  for (const run of runsNewestFirst(changes)) {
    const table = run[0]!.table;
    const action = actionOf(run[0]!);
    const now = await currentRows(db, table, run.map((c) => c.key));
    for (const c of run) {
      const current = now.get(rowRef(table, c.key));
      if (c.after === null) {
        if (current) throw new HubdeskError('conflict', await words.addedAgain(table, current));
      } else if (!current) {
        throw new HubdeskError('conflict', await words.deleted(table, c.after));
      } else if (!sameRow(current, c.after)) {
        throw new HubdeskError('conflict', await words.changed(table, current));
      }
    }
    const cols = ROW_KEYS[table] as readonly string[];
    try {
      if (action === 'insert') {
        if (cols.length === 1) {
          const [col] = cols as [string];
          for (const chunk of chunks(run, PARAMETERS_PER_STATEMENT)) await db.deleteFrom(table).where(col, 'in', chunk.map((c) => c.key[col])).execute();
        } else {
          for (const c of run) {
            let q = db.deleteFrom(table);
            for (const k of cols) q = q.where(k, '=', c.key[k]);
            await q.execute();
          }
        }
      } else {
        // Deleted rows come back with their keys; changed rows are written whole over what is there.
        const rows = run.map((c) => c.before!);
        const columns = Object.keys(rows[0]!).filter((c) => !cols.includes(c));
        const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Object.keys(rows[0]!).length));
        for (const chunk of chunks(rows, perStatement)) {
          const insert = db.insertInto(table).values(chunk);
          await (action === 'delete' ? insert : insert.onConflict((oc) => oc.columns(cols).doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))).execute();
        }
      }
    } catch (error) {
      if (/FOREIGN KEY/i.test(String((error as Error).message))) throw new HubdeskError('conflict', words.inUse(table));
      throw error;
    }
    restored += run.length;
  }
  return restored;
}
