import { z } from 'zod';
import { mutation } from './define';
import { query } from './define';
import { yearLabel } from './schemas';
import { fileToPreview, oneFile, previewedFile, type StagedPreview } from './staging';

/**
 * The QA tracker: an Excel workbook with a sheet of reviews (one row per review), a
 * sheet of reviewer assignments and optionally a sheet of WWWs/EBIs (one per row). Preview (writes
 * nothing) → commit (backup, one transaction, import batch of kind 'qa' for the given year) → undo
 * with the generic `undoImportBatch`. The layout is documented in README.md ("QA tracker import").
 */

export const QA_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const qaImportFile = z
  .strictObject({
    ...fileToPreview,
    /** The membership year the reviews belong to, e.g. 2025/26. */
    year: yearLabel,
  })
  .superRefine(oneFile)
  .superRefine((r, ctx) => {
    if (r.contentBase64 && r.contentBase64.length > Math.ceil(QA_IMPORT_MAX_BYTES / 3) * 4) {
      ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: `the file is larger than ${QA_IMPORT_MAX_BYTES / 1024 / 1024} MB` });
    }
  });
export type QaImportFile = z.input<typeof qaImportFile>;

/** One problem, located as a person sees it in Excel. */
export interface QaImportIssue {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

export interface QaPreviewReview {
  sheetRow: number;
  urn: string;
  school: string;
  startDate: string;
  endDate: string;
  leadReviewer: string | null;
  estimates: { leadership: string | null; quality: string | null; disadvantaged: string | null };
  aoeTitle: string | null;
  aoeAccredited: boolean;
  www: number;
  ebi: number;
  /** For an update: what changes ("field: before → after"). */
  changes: string[];
}

export interface QaPreviewAssignment {
  sheetRow: number;
  reviewerName: string;
  role: string | null;
  homeUrn: string;
  homeSchool: string;
  hostUrn: string;
  hostSchool: string;
  reviewDate: string;
  /** Stored status: attended | booked | dropped ('replaced' in the file is stored as dropped). */
  status: string;
  replaces: string | null;
  changes: string[];
}

export interface QaImportPreview extends StagedPreview {
  fileName: string;
  year: string;
  sheets: { reviews: string | null; assignments: string | null; points: string | null };
  reviewRows: number;
  assignmentRows: number;
  pointRows: number;
  newReviews: QaPreviewReview[];
  updatedReviews: QaPreviewReview[];
  unchangedReviews: number;
  newAssignments: QaPreviewAssignment[];
  updatedAssignments: QaPreviewAssignment[];
  unchangedAssignments: number;
  pointsAdded: number;
  pointsRemoved: number;
  errors: QaImportIssue[];
  errorCount: number;
  /** Nothing would change: the store already holds this tracker. */
  noChanges: boolean;
  canCommit: boolean;
}

export interface QaCommitResult {
  /** Null when nothing needed changing (nothing was written). */
  batchId: number | null;
  year: string;
  reviewsAdded: number;
  reviewsUpdated: number;
  assignmentsAdded: number;
  assignmentsUpdated: number;
  pointsAdded: number;
  pointsRemoved: number;
  backupFile: string | null;
  message: string;
}

export const qaImportMethods = {
  previewQaImport: query<QaImportPreview>()('Read a QA tracker workbook and show what importing it into a year would change; writes nothing', qaImportFile),
  commitQaImport: mutation<QaCommitResult>()(
    'Import a previewed QA tracker into a year: reviews, estimates, WWWs/EBIs, Areas of Excellence and reviewer assignments, in one transaction after a backup; refused if the data changed since the preview',
    z.strictObject({ year: yearLabel, ...previewedFile }),
  ),
};
