import type { importBatchMethods } from '@shared/contract/import-batches';
import type { HandlersFor } from '../handler-types';
import { assertUndoable, listBatches, undoLatestBatch } from './import-batches';
import { importRoles, ROLE_LABELS } from '@shared/contract/roles';
import { HubdeskError } from '../errors';

/** The history of import batches, and undoing the latest batch of a kind. */
export const importBatchHandlers: HandlersFor<typeof importBatchMethods> = {
  listImportBatches: (ctx, { kind, limit }) => listBatches(ctx.db, { kind, limit }),
  async undoImportBatch(ctx, { batchId }) {
    const { kind } = await assertUndoable(ctx.db, batchId);
    const allowed = importRoles(kind);
    if (!allowed.some((role) => ctx.caller.roles.includes(role))) {
      throw new HubdeskError('forbidden', `Undoing an import of kind "${kind}" is for ${allowed.map((role) => ROLE_LABELS[role]).join(' or ')}.`);
    }
    const backup = ctx.store.backups?.take(`before-undo-import-${batchId}`, ctx.now()) ?? null;
    const restoredRows = await undoLatestBatch(ctx, batchId);
    return { batchId, restoredRows, backupFile: backup?.file ?? null };
  },
};
