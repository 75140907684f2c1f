import type { importMethods } from '@shared/contract/roll-import';
import type { HandlersFor } from '../../handler-types';
import { previewRoll } from './analyse';
import { commitRoll } from './commit';
import { buildErrorReport } from './error-report';
import { rememberMapping } from './mappings';
import { mappingProblems } from './fields';
import { assertUndoable, listBatches, undoLatestBatch } from '../../changes/import-batches';
import { createBackup } from '../../db/backups';
import { HubdeskError } from '../../errors';

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
