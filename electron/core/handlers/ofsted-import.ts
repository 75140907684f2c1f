import type { ofstedImportMethods } from '@shared/contract/ofsted-import';
import type { HandlersFor } from './types';
import { commitOfstedFile, listOfstedImports, previewOfstedFile } from '../imports/ofsted';

export const ofstedImportHandlers: HandlersFor<typeof ofstedImportMethods> = {
  previewOfstedImport: (ctx, request) => previewOfstedFile(ctx, request),
  commitOfstedImport: (ctx, request) => commitOfstedFile(ctx, request),
  async listOfstedImports(ctx) {
    return listOfstedImports(ctx.db);
  },
};
