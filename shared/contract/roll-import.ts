import { z } from 'zod';
import { mutation, query } from './define';
import { yearLabel } from './schemas';
import { fileToPreview, oneFile, previewedFile, textEncoding, type EncodingChoice, type StagedPreview } from './staging';

export { MAX_IMPORT_FILE_BYTES } from './staging';

/** The fields of a membership roll, in the order the screens list them. */
export const ROLL_FIELDS = [
  'urn',
  'name',
  'hub',
  'pupils',
  'phase',
  'localAuthority',
  'trust',
  'headteacher',
  'email',
  'phone',
  'postcode',
  'status',
  'feePaid',
] as const;
export type RollField = (typeof ROLL_FIELDS)[number];

/** Fields every roll must map: without them a row cannot be placed in a hub or funded. */
export const REQUIRED_ROLL_FIELDS: readonly RollField[] = ['urn', 'name', 'hub', 'pupils'];

export const ROLL_FIELD_LABELS: Record<RollField, string> = {
  urn: 'URN',
  name: 'School name',
  hub: 'Hub',
  pupils: 'Pupils',
  phase: 'Phase',
  localAuthority: 'Local authority',
  trust: 'Trust',
  headteacher: 'Headteacher',
  email: 'Email',
  phone: 'Phone',
  postcode: 'Postcode',
  status: 'Membership status',
  feePaid: 'Fee paid',
};

/** Field → 1-based column number in the sheet. */
export type RollMapping = Partial<Record<RollField, number>>;

const column = z.number().int().min(1).max(16_384);
export const rollMappingSchema = z.strictObject(
  Object.fromEntries(ROLL_FIELDS.map((f) => [f, column.optional()])) as Record<RollField, z.ZodOptional<typeof column>>,
);

export const dateOrder = z.enum(['dmy', 'mdy']);

const rollOptions = {
  year: yearLabel,
  sheet: z.string().max(255).optional(),
  mapping: rollMappingSchema.optional(),
  createHubs: z.boolean().optional(),
  confirmWarnings: z.boolean().optional(),
  /** For a CSV whose encoding the bytes do not tell: the one the person chose. */
  encoding: textEncoding.optional(),
  /** For dates that could be day or month first: the order the person chose (remembered with the mapping). */
  dateOrder: dateOrder.optional(),
};

export const rollFileRequest = { ...fileToPreview, ...rollOptions };

export interface ImportProblem {
  sheet: string;
  /** Row number as the spreadsheet shows it (1-based); null for a problem with the whole file. */
  row: number | null;
  /** The column's header (or letter when it has none); null when the problem is the whole row. */
  column: string | null;
  message: string;
  /** A warning shown for information that does not need confirming before the import (e.g. a status label the history contradicts). */
  informational?: true;
}

export interface RollHeader {
  column: number;
  letter: string;
  header: string;
  field: RollField | null;
}

export interface FieldChange {
  field: string;
  before: string | number | null;
  after: string | number | null;
}

export interface RollJoiner {
  row: number;
  urn: string;
  name: string;
  hub: string;
  pupils: number;
  /** True when the school is not in hubdesk yet (it will be created). */
  newSchool: boolean;
}

export interface RollLeaver {
  urn: string;
  name: string;
  hub: string;
  pupils: number;
}

export interface RollMove {
  row: number;
  urn: string;
  name: string;
  fromHub: string;
  toHub: string;
}

export interface RollPupilChange {
  row: number;
  urn: string;
  name: string;
  hub: string;
  before: number;
  after: number;
}

export interface RollFieldChanges {
  row: number;
  urn: string;
  name: string;
  changes: FieldChange[];
}

export interface RollFundingEffect {
  hub: string;
  schoolsBefore: number;
  schoolsAfter: number;
  beforePence: number;
  afterPence: number;
  /** How the figure after the import is reached (from the funding rules). */
  explanation: string;
}

export interface RollPreview extends StagedPreview {
  fileName: string;
  format: 'xlsx' | 'ods' | 'csv';
  /** CSV only: the text encoding and separator found. */
  encoding: string | null;
  delimiter: string | null;
  /** Set when the CSV's bytes did not tell its encoding: the likely ones, each with a sample row; choose one (request.encoding). */
  encodingChoice: EncodingChoice | null;
  /** The file's date column and how its day/month order was decided ('default': every date was ambiguous, so it is asked). */
  dateOrder: { column: string; order: 'dmy' | 'mdy'; how: 'values' | 'chosen' | 'remembered' | 'default'; decidedBy: string | null } | null;
  year: string;
  /** False when the import would create the membership year. */
  yearExists: boolean;
  sheets: { name: string; hasHeader: boolean }[];
  sheet: string;
  headerRow: number;
  headers: RollHeader[];
  mapping: RollMapping;
  mappingSource: 'automatic' | 'remembered' | 'given';
  /** Required fields no column is mapped to: rows cannot be checked until they are. */
  missingFields: RollField[];
  /** School rows in the file (blank rows excluded). */
  rowsRead: number;
  /** Rows without an error. */
  validRows: number;
  blankRowsSkipped: number;
  errorCount: number;
  /** The first 500 errors; the error report has them all. */
  errors: ImportProblem[];
  warnings: ImportProblem[];
  joiners: RollJoiner[];
  leavers: RollLeaver[];
  moves: RollMove[];
  pupilChanges: RollPupilChange[];
  contactChanges: RollFieldChanges[];
  detailChanges: RollFieldChanges[];
  newHubs: string[];
  /** Hubs whose schools or funding change, before → after. */
  funding: RollFundingEffect[];
  unchangedRows: number;
  noChanges: boolean;
  /** True when a commit would go through (no errors, mapping complete, warnings confirmed or none). */
  canCommit: boolean;
  needsConfirmation: boolean;
}

export interface RollCommitResult {
  /** Null when the file changes nothing (nothing is written). */
  batchId: number | null;
  noChanges: boolean;
  backupFile: string | null;
  joiners: number;
  leavers: number;
  moves: number;
  pupilChanges: number;
  contactChanges: number;
  detailChanges: number;
  rows: number;
}

export interface ErrorReportFile {
  fileName: string;
  contentBase64: string;
  rows: number;
}

export const rollImportMethods = {
  previewRollImport: query<RollPreview>()(
    'Read a membership roll, map and check every row, and show what would change (writes nothing)',
    z.strictObject(rollFileRequest).superRefine(oneFile),
  ),
  rollImportErrorReport: query<ErrorReportFile>()(
    'The rows of a previewed roll that have problems, as an .xlsx with a Problem column',
    z.strictObject({ ...rollOptions, stagingId: previewedFile.stagingId }),
  ),
  commitRollImport: mutation<RollCommitResult>()(
    'Import a previewed roll in one transaction (backup first); refuses if the file or data changed since the preview',
    z.strictObject({ ...rollOptions, ...previewedFile }),
  ),
  saveRollMapping: mutation<{ saved: true }>()(
    'Remember a confirmed column mapping for files with the same headers',
    z.strictObject({ headers: z.array(z.string().max(500)).min(1).max(500), mapping: rollMappingSchema }),
  ),
};
