/**
 * The commit guard every import shares: the commit names the file it previewed (its staging id and
 * SHA-256) and what the preview showed (its diff hash). The commit plans again against the store as
 * it is now (or reuses the preview's plan while nothing was written); if the plan differs from the
 * preview, nothing is written and the person is asked to look at the new preview.
 */
import crypto from 'node:crypto';
import { HubdeskError } from '../errors';
import type { StagedFile } from './staging';

export interface PreviewedFile {
  sha256: string;
  diffHash: string;
}

/** A stable hash of what a commit would write. */
export function diffHashOf(plan: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(plan)).digest('hex');
}

export function refuseUnlessPreviewed(file: StagedFile, diffHash: string, request: PreviewedFile): void {
  if (file.sha256 !== request.sha256) {
    throw new HubdeskError('conflict', `${file.fileName} is not the file that was previewed (its content differs). Preview it again.`);
  }
  if (diffHash !== request.diffHash) {
    throw new HubdeskError('conflict', `The data changed since ${file.fileName} was previewed (or the import options did), so the preview no longer holds; nothing was written. Preview the file again to see what importing it would do now.`);
  }
}
