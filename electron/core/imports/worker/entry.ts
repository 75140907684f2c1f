/** The import worker's entry: reads one file per message with runJob and posts the result back. */
import { parentPort } from 'node:worker_threads';
import { runJob, type JobRequest } from './jobs';
import { FileRefused } from '../files/refused';

parentPort!.on('message', (message: { id: number; request: JobRequest }) => {
  runJob(message.request).then(
    (value) => parentPort!.postMessage({ id: message.id, ok: true, value }),
    (error: unknown) =>
      parentPort!.postMessage({ id: message.id, ok: false, refused: error instanceof FileRefused, message: error instanceof Error ? error.message : String(error) }),
  );
});
