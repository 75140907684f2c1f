/** QA tracker import: read → plan (preview) → commit; undo is the generic restoreBatchChanges (batches.ts, undoByKind.qa). */
export { previewQaFile, commitQaFile } from './commit';
export { issueText } from './plan';
export { QA_BATCH_KIND } from './store-facts';
