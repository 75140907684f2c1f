import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';

/** The log folder inside the data folder, and the file the current log is written to. */
export const LOG_FOLDER = 'logs';
export const LOG_FILE_NAME = 'hubdesk.log';
/** A log file is rotated once it reaches this size; the rotated ones are hubdesk.1.log (newest) … hubdesk.3.log. */
export const MAX_LOG_BYTES = 5 * 1024 * 1024;
export const ROTATED_LOGS_KEPT = 3;

/** Where the core writes what a person cannot act on: failures that are bugs, with their stack. */
export interface CoreLog {
  readonly file: string;
  /**
   * Records an unexpected failure of a contract method: its name, the error's message and stack.
   * Never the request (it can hold personal data) and nothing else the caller sent.
   */
  internalError(method: string, error: unknown): void;
}

export function logFile(dataDir: string): string {
  return path.join(dataDir, LOG_FOLDER, LOG_FILE_NAME);
}

function rotated(file: string, n: number): string {
  return file.replace(/\.log$/, `.${n}.log`);
}

/** Shifts hubdesk.log to hubdesk.1.log (and .1 to .2, …, dropping the oldest) once it is full. */
function rotateIfFull(file: string): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return;
  }
  if (size < MAX_LOG_BYTES) return;
  fs.rmSync(rotated(file, ROTATED_LOGS_KEPT), { force: true });
  for (let n = ROTATED_LOGS_KEPT - 1; n >= 1; n--) {
    if (fs.existsSync(rotated(file, n))) fs.renameSync(rotated(file, n), rotated(file, n + 1));
  }
  fs.renameSync(file, rotated(file, 1));
}

/**
 * A pino log in `<dataDir>/logs/hubdesk.log`, readable by its owner only (0600, in a 0700 folder),
 * rotated by size. The file is opened for each entry and closed after it: entries are rare (a bug,
 * not a refusal), every entry is on disk before the request answers, and no open handle stops the
 * rotation from renaming the file (Windows cannot rename an open file). Hand-rolled rotation rather
 * than pino-roll because pino-roll numbers every file, so the current log has no fixed name to show
 * in Settings without a symlink, which Windows refuses to ordinary users.
 */
export function fileLog(dataDir: string): CoreLog {
  const file = logFile(dataDir);
  return {
    file,
    internalError(method, error) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      rotateIfFull(file);
      const destination = pino.destination({ dest: file, sync: true, append: true, mode: 0o600 });
      try {
        const logger = pino({ base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, serializers: { err: pino.stdSerializers.err } }, destination);
        logger.error({ method, err: error instanceof Error ? error : new Error(String(error)) }, `${method} failed`);
      } finally {
        destination.flushSync();
        destination.destroy();
      }
      if (process.platform !== 'win32') fs.chmodSync(file, 0o600);
    },
  };
}
