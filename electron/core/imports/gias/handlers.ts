import type { giasImportMethods } from '@shared/contract/gias-import';
import type { HandlersFor } from '../../handler-types';
import { commitGias, previewGias } from './commit';
import { closedSchools } from './closed';

/** School data from GIAS: preview an extract (staged once), commit it as one import batch, and list closed member schools. */
export const giasImportHandlers: HandlersFor<typeof giasImportMethods> = {
  previewGiasImport: previewGias,
  commitGiasImport: commitGias,
  listGiasClosedSchools: (ctx) => closedSchools(ctx.db),
};
