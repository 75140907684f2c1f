/** QA tracker import: read → plan (preview) → commit; undo is the undo of any import batch (changes/import-batches.ts). */
export { previewQaFile, commitQaFile } from './commit';
export { issueText } from './plan';
export { QA_BATCH_KIND } from './store-facts';
