/** Ofsted management-information import: read → map → plan (preview) → commit; undo deletes the rows its batch owns (changes/import-batches.ts). */
export { previewOfstedFile, commitOfstedFile } from './commit';
export { OFSTED_BATCH_KIND } from './store-facts';
export { issueText } from './plan';
