import type { qaImportMethods } from '@shared/contract/qa-import';
import type { HandlersFor } from './types';
import { commitQaFile, previewQaFile } from '../imports/qa';

export const qaImportHandlers: HandlersFor<typeof qaImportMethods> = {
  previewQaImport: (ctx, request) => previewQaFile(ctx, request),
  commitQaImport: (ctx, request) => commitQaFile(ctx, request),
};
