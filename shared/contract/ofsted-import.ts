import { z } from 'zod';
import { mutation, query } from './define';
import { fileToPreview, MAX_IMPORT_FILE_BYTES, oneFile, previewedFile, textEncoding, type EncodingChoice, type StagedPreview } from './staging';

/**
 * Ofsted's monthly management-information file: preview (writes nothing) → commit
 * (one transaction, one import batch of kind 'ofsted') → undo with the generic `undoImportBatch`
 * (imports.ts). The preview sends the file once and returns a staging id the commit names.
 */

/** Largest file accepted (the national file is ~15 MB as CSV); its base64 must fit an HTTP call. */
export const OFSTED_IMPORT_MAX_BYTES = MAX_IMPORT_FILE_BYTES;

const ofstedOptions = {
  /** Import every school in the file, not only member schools. */
  allSchools: z.boolean().optional(),
  /** For a CSV whose encoding the bytes do not tell: the one the person chose. */
  encoding: textEncoding.optional(),
};
export const ofstedImportFile = z.strictObject({ ...fileToPreview, ...ofstedOptions }).superRefine(oneFile);
export type OfstedImportFile = z.input<typeof ofstedImportFile>;

export type OfstedFileFormat = 'csv' | 'xlsx' | 'ods';
export type OfstedAsAtSource = 'file name' | 'latest publication date';

/** One problem, located: the sheet row a person sees, the column (header and letter), the URN. */
export interface OfstedImportIssue {
  row: number | null;
  column: string | null;
  urn: string | null;
  message: string;
}

export interface OfstedJudgementView {
  area: string;
  grade: string;
  gradeDate: string | null;
}

export interface OfstedInspectionView {
  startDate: string;
  publicationDate: string | null;
  /** oeif | interim_2024 | report_card | ungraded */
  framework: string;
  inspectionType: string | null;
  inspectionNumber: string | null;
  categoryOfConcern: string | null;
  outcomeText: string | null;
  /** The URN at the time, when the inspection was of a predecessor school. */
  urnAtInspection: string | null;
  judgements: OfstedJudgementView[];
}

export interface OfstedPreviewSchool {
  urn: string;
  /** The name in Ofsted's file (else the name hubdesk knows). */
  name: string | null;
  member: boolean;
  row: number;
  newInspections: OfstedInspectionView[];
  /** Inspections of this school in the file that are already stored (skipped). */
  duplicates: number;
}

export interface OfstedImportPreview extends StagedPreview {
  fileName: string;
  format: OfstedFileFormat;
  /** CSV only: the text encoding it was read in. */
  encoding: string | null;
  /** Set when the CSV's bytes did not tell its encoding: the likely ones, each with a sample row; choose one (request.encoding). Until then the file is refused. */
  encodingChoice: EncodingChoice | null;
  sheetName: string | null;
  headerRow: number;
  sourceAsAt: string | null;
  sourceAsAtFrom: OfstedAsAtSource | null;
  allSchools: boolean;
  /** Data rows below the header (blank rows included). */
  rows: number;
  rowsKept: number;
  /** Rows of schools that are not members (kept only with allSchools). */
  rowsIgnored: number;
  blankRows: number;
  newInspections: number;
  newJudgements: number;
  duplicatesSkipped: number;
  newByFramework: Record<string, number>;
  /** Kept schools with something new or already stored, file order; capped for very large imports. */
  schools: OfstedPreviewSchool[];
  schoolsOmitted: number;
  /** Member schools whose URN is not in the file (not yet inspected, closed or a new URN). */
  membersNotInFile: { urn: string; name: string }[];
  errors: OfstedImportIssue[];
  errorCount: number;
  warnings: OfstedImportIssue[];
  warningCount: number;
  /** The same file (same SHA-256) was imported before and not undone. */
  previousImport: { batchId: number; createdAt: string } | null;
  /** No errors: commit would succeed (possibly adding nothing). */
  canCommit: boolean;
}

export interface OfstedCommitResult {
  /** Null when the file held nothing new: nothing was written. */
  batchId: number | null;
  sourceAsAt: string | null;
  inspectionsAdded: number;
  judgementsAdded: number;
  schools: number;
  duplicatesSkipped: number;
  rowsIgnored: number;
  warningCount: number;
  backupFile: string | null;
  message: string;
}

export const ofstedImportMethods = {
  previewOfstedImport: query<OfstedImportPreview>()(
    "Read an Ofsted management-information file (CSV or XLSX) and show what importing it would add; writes nothing",
    ofstedImportFile,
  ),
  commitOfstedImport: mutation<OfstedCommitResult>()(
    'Import a previewed Ofsted management-information file: new inspections of member schools (or all), in one transaction, after a backup; refused if the data changed since the preview',
    z.strictObject({ ...ofstedOptions, ...previewedFile }),
  ),
};
