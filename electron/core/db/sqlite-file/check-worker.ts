/**
 * The backup check's worker: the full integrity check of one copy of the store (named in
 * workerData), off the app's thread, so a backup taken ahead of a commit is checked while the person
 * reads the preview. Posts the problems found ([] when the copy is sound and now marked verified).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkAndMarkCopy } from './verify-copy';

const { file } = workerData as { file: string };
try {
  parentPort!.postMessage({ ok: true, problems: checkAndMarkCopy(file) });
} catch (error) {
  parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
