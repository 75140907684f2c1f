import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A new empty folder in the system's temporary folder (also for Playwright's helpers, which cannot load vitest). */
export function tempDir(prefix = 'hubdesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
