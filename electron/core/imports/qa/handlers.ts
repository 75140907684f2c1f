import type { qaImportMethods } from '@shared/contract/qa-import';
import type { HandlersFor } from '../../handler-types';
import { commitQaFile, previewQaFile } from './commit';
import { decodeBase64 } from '../ofsted/parse';

/** The QA Review tracker: preview a workbook, then commit it as one import batch. */
export const qaImportHandlers: HandlersFor<typeof qaImportMethods> = {
  previewQaImport: (ctx, { fileName, contentBase64, year }) => previewQaFile(ctx, { fileName, bytes: decodeBase64(contentBase64), year }),
  commitQaImport: (ctx, { fileName, contentBase64, year }) => commitQaFile(ctx, { fileName, bytes: decodeBase64(contentBase64), year }),
};
