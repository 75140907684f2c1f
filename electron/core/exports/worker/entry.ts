/** The export worker's entry: writes one hub workbook per message and posts its bytes back (moved, not copied). */
import { parentPort } from 'node:worker_threads';
import { writeHubWorkbook, type HubWorkbookJob } from './jobs';

parentPort!.on('message', (message: { id: number; job: HubWorkbookJob }) => {
  writeHubWorkbook(message.job).then(
    (bytes) => {
      const copy = new Uint8Array(bytes);
      parentPort!.postMessage({ id: message.id, ok: true, bytes: copy }, [copy.buffer]);
    },
    (error: unknown) => parentPort!.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
