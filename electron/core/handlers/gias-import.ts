import type { giasImportMethods } from '@shared/contract/gias-import';
import type { HandlersFor } from './types';
import { commitGias, previewGias } from '../imports/gias/commit';
import { closedSchools } from '../imports/gias/closed';

export const giasImportHandlers: HandlersFor<typeof giasImportMethods> = {
  previewGiasImport: (ctx, request) => previewGias(ctx, request),
  commitGiasImport: (ctx, request) => commitGias(ctx, request),
  listGiasClosedSchools: (ctx) => closedSchools(ctx.db),
};
