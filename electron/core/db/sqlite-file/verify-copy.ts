import BetterSqlite3 from 'better-sqlite3';
import { fullCheck } from './health';

/**
 * Written into a backup's header (PRAGMA user_version, bytes 60–63) once it has passed the full
 * integrity check: "HUBV". The live database never carries it (a restore copies rows, not the header).
 */
export const VERIFIED_MARK = 0x48554256;

/**
 * SQLite's full check of a freshly written copy of the store (pages, indexes, constraints, foreign
 * keys); a copy that passes is marked as verified. Returns the problems found ([] when sound). Run
 * on the app's thread for a backup taken on the spot, in a worker for one taken ahead of a commit.
 */
export function checkAndMarkCopy(file: string): string[] {
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    const problems = fullCheck(copy);
    if (problems.length === 0) copy.pragma(`user_version = ${VERIFIED_MARK}`);
    return problems;
  } finally {
    copy.close();
  }
}
