import type { ofstedImportMethods } from '@shared/contract/ofsted-import';
import type { HandlersFor } from '../../handler-types';
import { commitOfstedFile, previewOfstedFile } from './commit';
import { decodeBase64 } from './parse';

/** Ofsted management information: preview a file, then commit it as one import batch. */
export const ofstedImportHandlers: HandlersFor<typeof ofstedImportMethods> = {
  previewOfstedImport: (ctx, { fileName, contentBase64, allSchools }) => previewOfstedFile(ctx, { fileName, bytes: decodeBase64(contentBase64), allSchools }),
  commitOfstedImport: (ctx, { fileName, contentBase64, allSchools }) => commitOfstedFile(ctx, { fileName, bytes: decodeBase64(contentBase64), allSchools }),
};
