/** Ofsted management-information import: read → map → plan (preview) → commit → undo. */
export { previewOfstedFile, commitOfstedFile, type OfstedFileInput } from './commit';
export { OFSTED_BATCH_KIND } from './store-facts';
export { issueText } from './plan';
