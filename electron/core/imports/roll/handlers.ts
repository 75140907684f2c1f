import type { importMethods } from '@shared/contract/imports';
import type { HandlersFor } from './types';
import { previewRoll } from '../imports/roll/analyse';
import { commitRoll } from '../imports/roll/commit';
import { buildErrorReport } from '../imports/roll/error-report';
import { rememberMapping } from '../imports/roll/mappings';
import { mappingProblems } from '../imports/roll/fields';
import { assertUndoable, listBatches, undoLatestBatch } from '../imports/batches';
import { createBackup } from '../backups';
import { HubdeskError } from '../errors';

export const importHandlers: HandlersFor<typeof importMethods> = {
  async previewRollImport(ctx, request) {
    return (await previewRoll(ctx, request)).preview;
  },

  async rollImportErrorReport(ctx, request) {
    return buildErrorReport(await previewRoll(ctx, request));
  },

  async commitRollImport(ctx, request) {
    return commitRoll(ctx, request);
  },

  async saveRollMapping(ctx, { headers, mapping }) {
    const problems = mappingProblems(mapping, headers.length);
    if (problems.length > 0) throw new HubdeskError('validation', `The column mapping cannot be saved: ${problems.join('; ')}.`);
    await rememberMapping(ctx.db, ctx, headers, mapping);
    return { saved: true };
  },

  async listImportBatches(ctx, { kind, limit }) {
    return listBatches(ctx.db, { kind, limit });
  },

  async undoImportBatch(ctx, { batchId }) {
    await assertUndoable(ctx.db, batchId);
    const backup = createBackup(ctx.store, `before-undo-import-${batchId}`, ctx.now());
    const restoredRows = await undoLatestBatch(ctx, batchId);
    return { batchId, restoredRows, backupFile: backup.file };
  },
};
