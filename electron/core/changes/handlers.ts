import type { importBatchMethods } from '@shared/contract/import-batches';
import type { HandlersFor } from '../handler-types';
import { assertUndoable, listBatches, undoLatestBatch } from './import-batches';

/** The history of import batches, and undoing the latest batch of a kind. */
export const importBatchHandlers: HandlersFor<typeof importBatchMethods> = {
  listImportBatches: (ctx, { kind, limit }) => listBatches(ctx.db, { kind, limit }),
  async undoImportBatch(ctx, { batchId }) {
    await assertUndoable(ctx.db, batchId);
    const backup = ctx.store.backups?.take(`before-undo-import-${batchId}`, ctx.now()) ?? null;
    const restoredRows = await undoLatestBatch(ctx, batchId);
    return { batchId, restoredRows, backupFile: backup?.file ?? null };
  },
};
