/**
 * Files staged for import: a preview sends the file once and gets a staging id; remapping, the
 * error report and the commit name that id, so the file crosses the bridge (IPC, HTTP) once and is
 * decoded and hashed once (the import worker reads it, and keeps the staged file it read for the
 * next plan of it). A few files are kept, each for half an hour after its last use.
 */
import crypto from 'node:crypto';
import { HubdeskError } from '../errors';
import { bytesFromBase64 } from './files/base64';
import { ExpiringLru } from './memo';
import { FILE_LIMITS } from './files/limits';

export type ImportKind = 'roll' | 'ofsted' | 'qa' | 'plan' | 'gias' | 'gias-links';

export interface StagedFile {
  id: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  bytes: Buffer;
}

const STAGING_TTL_MS = 30 * 60_000;
const staged = new ExpiringLru<StagedFile>(4, STAGING_TTL_MS);

/** The base name only: a path a browser or the CLI passes along is not part of the provenance. */
export function baseName(fileName: string): string {
  return fileName.trim().split(/[\\/]/).pop() || fileName.trim();
}

export function stageBytes(kind: ImportKind, fileName: string, bytes: Buffer): StagedFile {
  const file: StagedFile = {
    id: crypto.randomBytes(16).toString('hex'),
    kind,
    fileName: baseName(fileName),
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    bytes,
  };
  staged.set(file.id, file);
  return file;
}

export function stagedFile(kind: ImportKind, id: string): StagedFile {
  const file = staged.get(id);
  if (!file || file.kind !== kind) {
    throw new HubdeskError('conflict', 'The file previewed is no longer held (a previewed file is kept for 30 minutes, and only the last few). Choose the file again to preview it.');
  }
  return file;
}

export interface FileReference {
  fileName?: string;
  contentBase64?: string;
  stagingId?: string;
}

/** The staged file a request names: a new file (name and bytes) is staged; a staging id is looked up. */
export function stagedFrom(kind: ImportKind, request: FileReference): StagedFile {
  if (request.stagingId) return stagedFile(kind, request.stagingId);
  if (request.contentBase64 === undefined || !request.fileName) throw new HubdeskError('validation', 'Send the file (fileName and contentBase64) or the stagingId of its preview.');
  const max = kind === 'gias' || kind === 'gias-links' ? FILE_LIMITS.maxGiasFileBytes : FILE_LIMITS.maxFileBytes;
  return stageBytes(kind, request.fileName, bytesFromBase64(request.contentBase64, baseName(request.fileName), max));
}

/** Forgets a staged file (after its commit: it has been imported). */
export function unstage(id: string): void {
  staged.delete(id);
}
