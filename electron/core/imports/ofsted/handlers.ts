import type { ofstedImportMethods } from '@shared/contract/ofsted-import';
import type { HandlersFor } from '../../handler-types';
import { commitOfstedFile, listOfstedImports, previewOfstedFile } from './';
import { decodeBase64 } from './parse';

export const ofstedImportHandlers: HandlersFor<typeof ofstedImportMethods> = {
  async previewOfstedImport(ctx, { fileName, contentBase64, allSchools }) {
    return previewOfstedFile(ctx, { fileName, bytes: decodeBase64(contentBase64), allSchools });
  },
  async commitOfstedImport(ctx, { fileName, contentBase64, allSchools }) {
    return commitOfstedFile(ctx, { fileName, bytes: decodeBase64(contentBase64), allSchools });
  },
  async listOfstedImports(ctx) {
    return listOfstedImports(ctx.db);
  },
};
