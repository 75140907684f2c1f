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

/** Jobs whose store facts follow them (sent while the file is read), by id: what receives them. */
const awaitingFacts = new Map<number, (facts: unknown) => void>();

type Message = { id: number; request: JobRequest; factsFollow: boolean } | { id: number; facts: unknown };

parentPort!.on('message', (message: Message) => {
  if (!('request' in message)) {
    awaitingFacts.get(message.id)?.(message.facts);
    awaitingFacts.delete(message.id);
    return;
  }
  const { id } = message;
  const facts = message.factsFollow ? new Promise<unknown>((resolve) => awaitingFacts.set(id, resolve)) : null;
  runJob(message.request, facts)
    .then(
      (value) => parentPort!.postMessage({ id, ok: true, value, reads: takeReadCount() }),
      (error: unknown) => parentPort!.postMessage({ id, ...failure(error), reads: takeReadCount() }),
    )
    .finally(() => awaitingFacts.delete(id));
});
