/**
 * Undoing an Ofsted import: its inspections (and their judgements) are deleted. An Ofsted import only
 * ever inserts (an inspection already stored is skipped, never updated), so deleting what the batch
 * inserted restores the store exactly. The generic undo (imports/batches.ts, undoByKind.ofsted, the
 * `undoImportBatch` contract method) calls undoOfstedBatch for the latest batch still in force, after
 * a backup, and marks the batch undone with its audit entry.
 */
import type { Kysely, Transaction } from 'kysely';
import type { OfstedImportBatchView } from '@shared/contract/ofsted-import';
import type { Database } from '../../db/schema';
import { OFSTED_BATCH_KIND } from './store-facts';

/** Deletes, inside the caller's transaction, what Ofsted batch `batchId` inserted (the caller marks the batch undone). */
export async function undoOfstedBatch(trx: Transaction<Database>, batchId: number): Promise<{ inspections: number; judgements: number }> {
  const ofBatch = trx.selectFrom('ofsted_inspections').where('import_batch_id', '=', batchId).select('id');
  const judgements = await trx.deleteFrom('ofsted_judgements').where('inspection_id', 'in', ofBatch).executeTakeFirst();
  const inspections = await trx.deleteFrom('ofsted_inspections').where('import_batch_id', '=', batchId).executeTakeFirst();
  return { inspections: Number(inspections.numDeletedRows), judgements: Number(judgements.numDeletedRows) };
}

export async function listOfstedImports(db: Kysely<Database>): Promise<OfstedImportBatchView[]> {
  const rows = await db.selectFrom('import_batches').where('kind', '=', OFSTED_BATCH_KIND).selectAll().orderBy('id', 'desc').execute();
  return rows.map((b) => {
    let added = 0;
    try {
      const summary = JSON.parse(b.summary_json) as { inspectionsAdded?: unknown };
      if (typeof summary.inspectionsAdded === 'number') added = summary.inspectionsAdded;
    } catch {
      // A summary that is not JSON shows as 0 added; the batch itself is still listed.
    }
    return {
      batchId: b.id,
      fileName: b.file_name,
      sha256: b.sha256,
      sourceAsAt: b.source_as_at,
      rows: b.row_count,
      inspectionsAdded: added,
      createdAt: b.created_at,
      createdBy: b.created_by,
      undoneAt: b.undone_at,
    };
  });
}
