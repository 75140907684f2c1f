import type { rollImportMethods } from '@shared/contract/roll-import';
import type { HandlersFor } from '../../handler-types';
import { previewRoll } from './planned';
import { commitRoll } from './commit';
import { buildErrorReport } from './error-report';
import { rememberMapping } from './mappings';
import { mappingProblems } from './fields';
import { HubdeskError } from '../../errors';
import { backUpAhead } from '../commit-flow';

/** The membership roll: preview (with its error report), commit, and remembered column mappings. */
export const rollImportHandlers: HandlersFor<typeof rollImportMethods> = {
  previewRollImport: async (ctx, request) => {
    const { preview } = await previewRoll(ctx, request);
    backUpAhead(ctx, preview.canCommit && !preview.noChanges);
    return preview;
  },
  rollImportErrorReport: async (ctx, request) => buildErrorReport(await previewRoll(ctx, request)),
  commitRollImport: commitRoll,
  async saveRollMapping(ctx, { headers, mapping }) {
    const problems = mappingProblems(mapping, headers.length);
    if (problems.length > 0) throw new HubdeskError('validation', `The column mapping cannot be saved: ${problems.join('; ')}.`);
    await rememberMapping(ctx.db, ctx, headers, mapping);
    return { saved: true };
  },
};
