/**
 * Undoing an Ofsted import: its inspections (and their judgements) are deleted. An Ofsted import only
 * ever inserts (an inspection already stored is skipped, never updated), so deleting what the batch
 * inserted restores the store exactly. The generic undo (imports/batches.ts, undoByKind.ofsted, the
 * `undoImportBatch` contract method) calls undoOfstedBatch for the latest batch still in force, after
 * a backup, and marks the batch undone with its audit entry.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';

/** Deletes, inside the caller's transaction, what Ofsted batch `batchId` inserted (the caller marks the batch undone). */
export async function undoOfstedBatch(trx: Transaction<Database>, batchId: number): Promise<{ inspections: number; judgements: number }> {
  const ofBatch = trx.selectFrom('ofsted_inspections').where('import_batch_id', '=', batchId).select('id');
  const judgements = await trx.deleteFrom('ofsted_judgements').where('inspection_id', 'in', ofBatch).executeTakeFirst();
  const inspections = await trx.deleteFrom('ofsted_inspections').where('import_batch_id', '=', batchId).executeTakeFirst();
  return { inspections: Number(inspections.numDeletedRows), judgements: Number(judgements.numDeletedRows) };
}
