/** Ofsted management-information import: read → map → plan (preview) → commit → undo. */
export { previewOfstedFile, commitOfstedFile } from './commit';
export { undoOfstedBatch, listOfstedImports } from './undo';
export { OFSTED_BATCH_KIND } from './store-facts';
export { issueText } from './plan';
