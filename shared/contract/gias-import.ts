import { z } from 'zod';
import { mutation, query } from './define';
import { yearLabel } from './schemas';
import { oneFile, previewedFile, stagingId, textEncoding, type EncodingChoice, type StagedPreview } from './staging';
import type { FieldChange, RollFundingEffect } from './roll-import';

/**
 * School data from GIAS (DfE's "Get Information About Schools"): the all-establishment extract
 * refreshes member schools' name, phase, type, local authority, trust, headteacher, postcode,
 * status and GIAS's pupil count with its census date; the optional links file names each closed
 * school's successor. Preview (writes nothing) → commit (backup, one transaction, import batch of kind
 * 'gias') → undo with the generic `undoImportBatch`. The roll's pupils, which fund the hubs, change only
 * when the person asks (pupilsForYear), and the preview then shows the funding effect.
 */

/** GIAS's national extract is about 60 MB. */
export const GIAS_IMPORT_MAX_BYTES = 80 * 1024 * 1024;
const giasBase64 = z
  .string()
  .min(1, 'the file is empty')
  .max(Math.ceil(GIAS_IMPORT_MAX_BYTES / 3) * 4, `the file is larger than ${GIAS_IMPORT_MAX_BYTES / 1024 / 1024} MB`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be the file’s bytes in base64');
const fileName = z.string().trim().min(1, 'needs a file name').max(260);

const giasOptions = {
  /** Also set each member's roll pupils in this membership year to GIAS's count (funding follows the roll). */
  pupilsForYear: yearLabel.optional(),
  /** For an extract (CSV) whose encoding the bytes do not tell: the one the person chose. */
  encoding: textEncoding.optional(),
  /** The same for the links file. */
  linksEncoding: textEncoding.optional(),
};

export const giasPreviewRequest = z
  .strictObject({
    fileName: fileName.optional(),
    contentBase64: giasBase64.optional(),
    stagingId: stagingId.optional(),
    /** GIAS's links file (URN, LinkURN, LinkName, LinkType, LinkEstablishedDate), sent or staged. */
    linksFileName: fileName.optional(),
    linksContentBase64: giasBase64.optional(),
    linksStagingId: stagingId.optional(),
    ...giasOptions,
  })
  .superRefine(oneFile)
  .superRefine((r, ctx) => {
    if (r.linksContentBase64 !== undefined && r.linksStagingId !== undefined) ctx.addIssue({ code: 'custom', path: ['linksStagingId'], message: 'send either the links file or its stagingId, not both' });
    if (r.linksContentBase64 !== undefined && !r.linksFileName) ctx.addIssue({ code: 'custom', path: ['linksFileName'], message: 'needs a file name' });
  });

export interface GiasIssueView {
  row: number | null;
  column: string | null;
  urn: string | null;
  message: string;
}

export interface GiasSchoolChanges {
  urn: string;
  name: string;
  changes: FieldChange[];
}

export interface GiasSuccessor {
  urn: string;
  name: string | null;
  /** The successor's record in hubdesk (null until the import adds it). */
  schoolId: number | null;
  version: string | null;
}

export interface GiasClosedSchool {
  urn: string;
  name: string;
  schoolId: number;
  version: string;
  status: string;
  closedOn: string | null;
  reason: string | null;
  successor: GiasSuccessor | null;
}

export interface GiasPupilChange {
  urn: string;
  name: string;
  hub: string;
  before: number;
  after: number;
  censusDate: string | null;
}

export interface GiasImportPreview extends StagedPreview {
  fileName: string;
  linksStagingId: string | null;
  linksFileName: string | null;
  format: string;
  /** CSV only: the text encoding the extract was read in. */
  encoding: string | null;
  /** Set when the extract's bytes did not tell its encoding: the likely ones, each with a sample row of the extract; choose one (request.encoding). Until then the import is refused. */
  encodingChoice: EncodingChoice | null;
  /** The same for the links file (request.linksEncoding). */
  linksEncoding: string | null;
  linksEncodingChoice: EncodingChoice | null;
  rowsRead: number;
  /** Rows of schools hubdesk does not hold (not read further). */
  rowsIgnored: number;
  /** Member schools found in the file. */
  membersInFile: number;
  changes: GiasSchoolChanges[];
  unchangedSchools: number;
  membersNotInFile: { urn: string; name: string }[];
  /** Member schools GIAS shows as closed, with their successor when the links file names one. */
  closed: GiasClosedSchool[];
  /** Successors of closed members that hubdesk does not hold yet: added from the extract, so they can be merged into. */
  successorsAdded: { urn: string; name: string }[];
  linksAdded: number;
  /** The membership year whose roll pupils would follow GIAS (null: the roll is left alone). */
  pupilsYear: string | null;
  pupilChanges: GiasPupilChange[];
  funding: RollFundingEffect[];
  errors: GiasIssueView[];
  errorCount: number;
  noChanges: boolean;
  canCommit: boolean;
}

export interface GiasCommitResult {
  batchId: number | null;
  schoolsUpdated: number;
  successorsAdded: number;
  linksAdded: number;
  pupilChanges: number;
  backupFile: string | null;
  message: string;
}

export const giasImportMethods = {
  previewGiasImport: query<GiasImportPreview>()(
    "Read GIAS's establishment extract (and its links file) and show, per member school, what importing it would change; writes nothing",
    giasPreviewRequest,
  ),
  commitGiasImport: mutation<GiasCommitResult>()(
    'Import previewed GIAS school data in one transaction (backup first); refused if the data changed since the preview',
    z.strictObject({ ...previewedFile, linksStagingId: stagingId.optional(), ...giasOptions }),
  ),
  listGiasClosedSchools: query<GiasClosedSchool[]>()(
    'Member schools GIAS shows as closed, each with its successor (merge with mergeSchools)',
    z.strictObject({}),
  ),
};
