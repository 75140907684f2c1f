import { z } from 'zod';

/**
 * How a file reaches an import: its preview sends the file once (name and bytes in base64) and
 * gets a staging id; a preview with other options (another sheet, mapping, encoding), the error
 * report and the commit name that id instead, so the file crosses the bridge once. A commit also
 * names what it previewed (the file's SHA-256 and the preview's diff hash) and is refused when the
 * data changed since.
 */

/** The largest file accepted (decoded); its base64 text stays under browser mode's 64 MB request limit. */
export const MAX_IMPORT_FILE_BYTES = 40 * 1024 * 1024;

export const base64File = z
  .string()
  .min(1, 'the file is empty')
  .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, `the file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be the file’s bytes in base64');

export const stagingId = z.string().regex(/^[0-9a-f]{32}$/, 'must be the stagingId a preview returned');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be the sha256 the preview returned');
const diffHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be the diffHash the preview returned');

/** A preview's file: new bytes, or the staging id of an earlier preview of the same file. */
export const fileToPreview = {
  fileName: z.string().trim().min(1, 'needs a file name').max(260).optional(),
  contentBase64: base64File.optional(),
  stagingId: stagingId.optional(),
};

/** Exactly one of: a new file (fileName and contentBase64), or a stagingId. */
export function oneFile(r: { fileName?: string; contentBase64?: string; stagingId?: string }, ctx: z.RefinementCtx): void {
  const sent = r.contentBase64 !== undefined;
  if (sent && r.stagingId !== undefined) ctx.addIssue({ code: 'custom', path: ['stagingId'], message: 'send either the file (contentBase64) or a stagingId, not both' });
  else if (!sent && r.stagingId === undefined) ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: 'the file is missing: send its bytes (contentBase64) or the stagingId of its preview' });
  else if (sent && !r.fileName) ctx.addIssue({ code: 'custom', path: ['fileName'], message: 'needs a file name' });
}

/** What a commit names: the staged file and what its preview showed. */
export const previewedFile = { stagingId, sha256, diffHash };

/** Text encodings a person can choose for a CSV whose bytes do not tell. */
export const TEXT_ENCODING_CHOICES = ['UTF-8', 'UTF-16LE', 'UTF-16BE', 'Windows-1252', 'Mac Roman', 'DOS Latin (850)'] as const;
export const textEncoding = z.enum(TEXT_ENCODING_CHOICES);

export interface EncodingChoice {
  /** Why the encoding could not be told. */
  reason: string;
  /** The likely encodings, likeliest first, each with the file's first non-ASCII row read in it. */
  options: { encoding: (typeof TEXT_ENCODING_CHOICES)[number]; sample: string }[];
}

/** What every preview returns besides its own content. */
export interface StagedPreview {
  stagingId: string;
  sha256: string;
  diffHash: string;
}
