import type { ofstedImportMethods } from '@shared/contract/ofsted-import';
import type { HandlersFor } from '../../handler-types';
import { commitOfstedFile, previewOfstedFile } from './commit';

/** Ofsted management information: preview a file (staged once), then commit it as one import batch. */
export const ofstedImportHandlers: HandlersFor<typeof ofstedImportMethods> = {
  previewOfstedImport: previewOfstedFile,
  commitOfstedImport: commitOfstedFile,
};
