import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { AuditPage } from '@shared/contract/maintenance';
import type { Database } from '../db/schema';
import { dialectSql } from '../db/dialect-sql';

/** One page of the audit log, newest first, optionally filtered by text in what changed. */
export async function auditPage(db: Kysely<Database>, request: { limit: number; offset: number; search?: string }): Promise<AuditPage> {
  let q = db.selectFrom('audit_log');
  const term = request.search?.trim();
  if (term) {
    // Matched literally (not LIKE): % and _ in the person's text are searched for as they are.
    const columns = ['entity', 'action', 'os_user', 'entity_id', 'before_json', 'after_json'] as const;
    q = q.where((eb) => eb.or(columns.map((c) => dialectSql(db).containsLiteral(c, term))));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('id', 'desc').limit(request.limit).offset(request.offset).execute();
  return {
    total: Number(total.n),
    entries: rows.map((r) => ({
      id: r.id, at: r.at, osUser: r.os_user, action: r.action, entity: r.entity, entityId: r.entity_id,
      before: r.before_json, after: r.after_json, importBatchId: r.import_batch_id,
    })),
  };
}

/** A cell a spreadsheet would evaluate as a formula is written as text. */
function safeCell(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export async function auditCsv(db: Kysely<Database>): Promise<string> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  return stringify(
    rows.map((r) => [r.id, r.at, r.os_user, r.action, r.entity, r.entity_id, r.before_json, r.after_json, r.import_batch_id].map(safeCell)),
    { header: true, columns: ['id', 'at', 'user', 'action', 'entity', 'entity id', 'before', 'after', 'import batch'] },
  );
}
