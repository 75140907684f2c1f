import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { recordAudit } from './audit-entry';
import { HubdeskError } from '../errors';
import { keyOf, parseRef, RECORDS_ACTION, rowRef, UNDO_ACTION, type Change, type ChangeTable, type StoredRow } from './change-set';
import { restoreChanges } from './restore';
import { lastWriteOf, rowName, ukTimeAndDay } from './stale';

export interface LastChange {
  auditId: number;
  action: string;
  summary: string;
  at: string;
  user: string;
}

interface Stored {
  id: number;
  action: string;
  at: string;
  os_user: string;
  before_json: string | null;
  after_json: string | null;
}

/**
 * The most recent records change that has not been undone, or null. On a team server, the signed-in
 * person's own (the audit log keeps each change's author by person id, names being not unique): undo
 * never takes back a colleague's change. On the desktop and the command line there is one person,
 * and the store's latest is theirs.
 */
async function findLast(ctx: CoreContext): Promise<Stored | null> {
  const undone = ctx.db.selectFrom('audit_log').where('action', '=', UNDO_ACTION).select('entity_id');
  let q = ctx.db
    .selectFrom('audit_log')
    .where('action', 'like', `${RECORDS_ACTION}%`)
    .where('action', '!=', UNDO_ACTION);
  if (ctx.caller.id !== null) q = q.where('person_id', '=', ctx.caller.id);
  const row = await q
    .where((eb) => eb(eb.cast('id', 'text'), 'not in', undone))
    .select(['id', 'action', 'at', 'os_user', 'before_json', 'after_json'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

function parse(row: Stored): { summary: string; before: Record<string, StoredRow | null>; after: Record<string, StoredRow | null> } {
  const before = JSON.parse(row.before_json ?? '{}') as { rows?: Record<string, StoredRow | null> };
  const after = JSON.parse(row.after_json ?? '{}') as { summary?: string; rows?: Record<string, StoredRow | null> };
  return { summary: after.summary ?? row.action, before: before.rows ?? {}, after: after.rows ?? {} };
}

export async function lastChange(ctx: CoreContext): Promise<LastChange | null> {
  const row = await findLast(ctx);
  if (!row) return null;
  return { auditId: row.id, action: row.action, summary: parse(row).summary, at: row.at, user: row.os_user };
}

/**
 * Reverses the most recent records change, if every row it wrote is still as that change left it.
 * Otherwise refuses, naming the row that changed since, and writes nothing.
 */
export async function undoLastChange(ctx: CoreContext, expectedAuditId?: number): Promise<{ undone: LastChange }> {
  const row = await findLast(ctx);
  if (!row) throw new HubdeskError('not_found', ctx.caller.id !== null ? 'You have made no change by hand to undo.' : 'There is no change made by hand to undo.');
  if (expectedAuditId !== undefined && expectedAuditId !== row.id) {
    throw new HubdeskError('conflict', 'Your last change is no longer the one you saw (you made another change since, perhaps in another window); reload to see it.');
  }
  const { summary, before, after } = parse(row);
  ctx.store.backups?.take(`before-undo-change-${row.id}`, ctx.now());
  // The rows in the order the change wrote them; restoreChanges puts them back newest first.
  const changes: Change[] = Object.keys(after).map((ref) => ({ ...parseRef(ref), before: before[ref] ?? null, after: after[ref] ?? null }));
  // Who changed the row since, from the audit log, when it knows: "Fin Ance changed schools 12 at 14:02 on 5 December 2026".
  const changedSince = async (db: Transaction<Database>, table: ChangeTable, row: StoredRow) => {
    const where = rowRef(table, keyOf(table, row)).replace(':', ' ');
    const write = await lastWriteOf(db, rowName(table, row));
    const since = write ? `${write.by === ctx.user ? 'you' : write.by} changed ${where} since, at ${ukTimeAndDay(write.at)}` : `${where} has been changed since`;
    return `Cannot undo "${summary}": ${since}. Nothing was changed.`;
  };
  await ctx.db.transaction().execute(async (trx) => {
    await restoreChanges(trx, changes, {
      changed: (table, now) => changedSince(trx, table, now),
      deleted: (table, expected) => changedSince(trx, table, expected),
      addedAgain: (table, now) => changedSince(trx, table, now),
      inUse: (table) => `Cannot undo "${summary}": rows it added to ${table} are now used by other records. Nothing was changed.`,
    });
    await recordAudit(trx, ctx, {
      action: UNDO_ACTION,
      entity: 'audit_log',
      entityId: row.id,
      before: { rows: after },
      after: { summary: `Undid: ${summary}`, rows: before },
    });
  });
  return { undone: { auditId: row.id, action: row.action, summary, at: row.at, user: row.os_user } };
}
