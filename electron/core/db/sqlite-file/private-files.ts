import fs from 'node:fs';

/**
 * The data folder holds personal data (headteachers' names, emails, phones): it and everything
 * hubdesk writes in it are readable by their owner only, whatever the umask. Modes are set
 * explicitly after every create, because the umask can only narrow the mode asked for at open.
 * (On Windows these modes only toggle the read-only bit; the per-user profile folder keeps the data
 * private there.)
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

function chmodIfOwned(target: string, mode: number): void {
  try {
    fs.chmodSync(target, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Gone already, or a file of another user that this process may read but not change: nothing to fix here.
    if (code !== 'ENOENT' && code !== 'EPERM') throw error;
  }
}

/** Creates a folder (and its parents) and makes it private. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodIfOwned(dir, PRIVATE_DIR_MODE);
}

/** Makes an existing file private (a file from before this rule, or one SQLite created). */
export function makePrivate(file: string): void {
  chmodIfOwned(file, PRIVATE_FILE_MODE);
}

/** Creates a new empty private file; fails if it exists. */
export function createPrivateFile(file: string): void {
  const fd = fs.openSync(file, 'wx', PRIVATE_FILE_MODE);
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a new private file with the given content, flushed to disk; fails if it exists. */
export function writePrivateFile(file: string, content: string): void {
  const fd = fs.openSync(file, 'wx', PRIVATE_FILE_MODE);
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies a file to a new private file (copyFile would give it the source's mode). */
export function copyPrivately(source: string, target: string): void {
  createPrivateFile(target);
  fs.copyFileSync(source, target);
  makePrivate(target);
}

/** The permission bits of a file or folder (for tests and diagnostics). */
export function modeOf(target: string): number {
  return fs.statSync(target).mode & 0o777;
}
