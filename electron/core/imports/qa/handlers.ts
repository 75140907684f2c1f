import type { qaImportMethods } from '@shared/contract/qa-import';
import type { HandlersFor } from '../../handler-types';
import { commitQaFile, previewQaFile } from './';
import { decodeBase64 } from '../ofsted/parse';

export const qaImportHandlers: HandlersFor<typeof qaImportMethods> = {
  async previewQaImport(ctx, { fileName, contentBase64, year }) {
    return previewQaFile(ctx, { fileName, bytes: decodeBase64(contentBase64), year });
  },
  async commitQaImport(ctx, { fileName, contentBase64, year }) {
    return commitQaFile(ctx, { fileName, bytes: decodeBase64(contentBase64), year });
  },
};
