/**
 * The import worker's entry: reads (and plans) one file per message with runJob and posts the result
 * back. A refusal of the file, or of the request (HubdeskError: no such sheet, a mapping that cannot
 * be used), crosses back as itself; anything else is a failure of the reader.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, takeReadCount, type JobOutcome, type JobRequest } from './jobs';
import { FileRefused } from '../files/refused';
import { HubdeskError } from '../../errors';

function failure(error: unknown): JobOutcome {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof HubdeskError) return { ok: false, refused: false, message, hubdesk: { kind: error.kind, details: error.details } };
  return { ok: false, refused: error instanceof FileRefused, message };
}

parentPort!.on('message', (message: { id: number; request: JobRequest }) => {
  runJob(message.request).then(
    (value) => parentPort!.postMessage({ id: message.id, ok: true, value, reads: takeReadCount() }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, ...failure(error), reads: takeReadCount() }),
  );
});
