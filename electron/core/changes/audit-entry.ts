import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  importBatchId?: number | null;
}

/** Records one change in the audit log, inside the caller's transaction; returns the entry's id. */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, ctx: CoreContext, entry: AuditEntry): Promise<number> {
  const row = await db
    .insertInto('audit_log')
    .values({
      at: ctx.now().toISOString(),
      os_user: ctx.user,
      person_id: ctx.caller.id,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      import_batch_id: entry.importBatchId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
