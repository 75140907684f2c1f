import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import type { ImportBatchView } from '@shared/contract/import-batches';
import { HubdeskError } from '../errors';
import { recordAudit } from './audit-entry';
import { restoreChanges } from './restore';
import type { Change, ChangeTable, StoredRow } from './change-set';

/**
 * Import batches: record a batch, list the history, and undo the latest batch of a kind. An importer
 * writes through a ChangeSet made for its batch (change-set.ts), so undo puts back exactly what it
 * changed, updates included; rows it owns by the batch's id (deleteOwnedRows) are deleted by that id.
 */

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The kinds of import that can be undone: the roll, the QA tracker, Ofsted, an action plan (its lines
 * deleted and inserted) and school data from GIAS (schools updated or added, their links).
 */
export const UNDOABLE_KINDS: ReadonlySet<string> = new Set(['roll', 'qa', 'ofsted', 'plan', 'gias']);

export interface NewBatch {
  kind: string;
  fileName: string;
  sha256: string;
  yearId: number | null;
  rowCount: number;
  summary: Record<string, unknown>;
  sourceAsAt?: string | null;
}

export async function recordBatch(trx: Transaction<Database>, ctx: CoreContext, batch: NewBatch): Promise<number> {
  const row = await trx
    .insertInto('import_batches')
    .values({
      kind: batch.kind,
      file_name: batch.fileName,
      sha256: batch.sha256,
      source_as_at: batch.sourceAsAt ?? null,
      year_id: batch.yearId,
      row_count: batch.rowCount,
      summary_json: JSON.stringify(batch.summary),
      created_by: ctx.user,
      created_at: ctx.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { action: 'import', entity: 'import_batch', entityId: row.id, after: { kind: batch.kind, fileName: batch.fileName, sha256: batch.sha256, summary: batch.summary }, importBatchId: row.id });
  return row.id;
}

function describeRow(table: string, row: StoredRow): string {
  if (table === 'schools') return `school ${String(row.name)} (URN ${String(row.urn)})`;
  if (table === 'hubs') return `hub ${String(row.name)}`;
  if (table === 'membership_years') return `membership year ${String(row.label)}`;
  return `${table.replace(/s$/, '')} #${String(row.id)}`;
}

/**
 * Rows an import owns by its batch without a change record each (ChangeSet.insertOwned): deleted on
 * undo, children first. Their count is added to the rows restored.
 */
async function deleteOwnedRows(trx: Transaction<Database>, batchId: number): Promise<number> {
  const inspections = trx.selectFrom('ofsted_inspections').where('import_batch_id', '=', batchId).select('id');
  const judgements = await trx.deleteFrom('ofsted_judgements').where('inspection_id', 'in', inspections).executeTakeFirst();
  const owned = await trx.deleteFrom('ofsted_inspections').where('import_batch_id', '=', batchId).executeTakeFirst();
  return Number(judgements.numDeletedRows) + Number(owned.numDeletedRows);
}

/**
 * Restores every row batch `batchId` changed (newest change first) and deletes the rows it owns.
 * Refuses (conflict) when a row was changed after the import, or when a row it added is now used
 * elsewhere. Returns the number of rows restored.
 */
async function restoreBatch(trx: Transaction<Database>, batchId: number): Promise<number> {
  const stored = await trx.selectFrom('import_changes').selectAll().where('batch_id', '=', batchId).orderBy('seq').execute();
  const changes: Change[] = stored.map((c) => ({
    table: c.table_name as ChangeTable,
    key: { id: c.row_id },
    before: c.before_json === null ? null : (JSON.parse(c.before_json) as StoredRow),
    after: c.after_json === null ? null : (JSON.parse(c.after_json) as StoredRow),
  }));
  const cannot = `Cannot undo import #${batchId}`;
  const restored = await restoreChanges(trx, changes, {
    changed: (table, now) => `${cannot}: ${describeRow(table, now)} was changed after the import. Change it back, or correct the data by importing again.`,
    deleted: (table, expected) => `${cannot}: ${describeRow(table, expected)} was deleted after the import.`,
    addedAgain: (table, now) => `${cannot}: ${describeRow(table, now)} was added again after the import.`,
    inUse: (table) => `${cannot}: rows it added to ${table} are now used by other records (added after the import).`,
  });
  return restored + (await deleteOwnedRows(trx, batchId));
}

/**
 * The newest batch of a kind still in force. Batches are undone newest first within their kind; a
 * batch of another kind never blocks it (each undo checks, row by row, that nothing it restores was
 * changed since, so two kinds that touched the same rows are refused with the row named).
 */
async function latestActiveBatch(db: Db, kind: string) {
  return db.selectFrom('import_batches').selectAll().where('undone_at', 'is', null).where('kind', '=', kind).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function listBatches(db: Db, options: { kind?: string; limit?: number } = {}): Promise<ImportBatchView[]> {
  let q = db
    .selectFrom('import_batches')
    .leftJoin('membership_years', 'membership_years.id', 'import_batches.year_id')
    .selectAll('import_batches')
    .select('membership_years.label as year_label')
    .orderBy('import_batches.id', 'desc')
    .limit(options.limit ?? 100);
  if (options.kind) q = q.where('import_batches.kind', '=', options.kind);
  const rows = await q.execute();
  const latestByKind = new Map<string, number>();
  for (const kind of new Set(rows.map((r) => r.kind))) {
    const latest = await latestActiveBatch(db, kind);
    if (latest) latestByKind.set(kind, latest.id);
  }
  return rows.map((r) => {
    let summary: Record<string, unknown>;
    try {
      summary = JSON.parse(r.summary_json) as Record<string, unknown>;
    } catch {
      summary = {};
    }
    return {
      id: r.id,
      kind: r.kind,
      fileName: r.file_name,
      sha256: r.sha256,
      year: r.year_label ?? null,
      rows: r.row_count,
      summary,
      createdBy: r.created_by,
      createdAt: r.created_at,
      undoneAt: r.undone_at,
      canUndo: latestByKind.get(r.kind) === r.id && UNDOABLE_KINDS.has(r.kind),
    };
  });
}

/** Refuses (with the reason) unless batchId is the latest batch of its kind still in force and its kind can be undone. */
export async function assertUndoable(db: Db, batchId: number): Promise<{ kind: string; fileName: string }> {
  const batch = await db.selectFrom('import_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new HubdeskError('not_found', `There is no import #${batchId}.`);
  if (batch.undone_at) throw new HubdeskError('conflict', `Import #${batchId} (${batch.file_name}) was already undone on ${batch.undone_at.slice(0, 10)}.`);
  const latest = await latestActiveBatch(db, batch.kind);
  if (latest && latest.id !== batchId) {
    throw new HubdeskError('conflict', `Imports of one kind are undone newest first: undo import #${latest.id} (${latest.file_name}) first.`);
  }
  if (!UNDOABLE_KINDS.has(batch.kind)) throw new HubdeskError('conflict', `Imports of kind "${batch.kind}" cannot be undone.`);
  return { kind: batch.kind, fileName: batch.file_name };
}

/**
 * Undoes batch batchId, which must be the latest batch of its kind still in force, in one
 * transaction, and marks it undone. The caller takes a backup first (after assertUndoable).
 */
export async function undoLatestBatch(ctx: CoreContext, batchId: number): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertUndoable(trx, batchId);
    const restored = await restoreBatch(trx, batchId);
    const at = ctx.now().toISOString();
    await trx.updateTable('import_batches').set({ undone_at: at }).where('id', '=', batchId).execute();
    await recordAudit(trx, ctx, { action: 'undo', entity: 'import_batch', entityId: batchId, before: { undoneAt: null }, after: { undoneAt: at, restoredRows: restored }, importBatchId: batchId });
    return restored;
  });
}
