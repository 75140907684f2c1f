import type { qaImportMethods } from '@shared/contract/qa-import';
import type { HandlersFor } from '../../handler-types';
import { commitQaFile, previewQaFile } from './commit';

/** The QA Review tracker: preview a workbook (staged once), then commit it as one import batch. */
export const qaImportHandlers: HandlersFor<typeof qaImportMethods> = {
  previewQaImport: previewQaFile,
  commitQaImport: commitQaFile,
};
