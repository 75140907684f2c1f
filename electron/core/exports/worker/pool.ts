import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerCode } from '../../worker-code';
import type { HubWorkbookJob } from './jobs';

/**
 * Hub workbooks are written in worker threads, several at once: exceljs writing them is nearly all of
 * a network export's time, and each workbook is independent of the others. The app's thread only
 * reads each hub's figures from the store (SQLite stays on its one connection) and hands them over.
 *
 * As many workers as the machine has cores, at most MAX_WORKERS (each holds its own exceljs, some
 * tens of MB) and never more than there are workbooks: the app's thread is mostly waiting while they
 * write, so keeping a core back for it would leave a two-core laptop writing on one.
 */
const MAX_WORKERS = 4;

export function poolSize(workbooks: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(MAX_WORKERS, cores, workbooks));
}

export interface WorkbookPool {
  /** Writes one hub's workbook; `name` says which in an error. */
  write(name: string, job: HubWorkbookJob): Promise<Buffer>;
  /** Ends every worker (a job still waiting is refused). */
  close(): Promise<void>;
}

interface Waiting {
  id: number;
  name: string;
  job: HubWorkbookJob;
  resolve(bytes: Buffer): void;
  reject(error: Error): void;
}

/**
 * Opens `size` workers. A worker that fails (its code throws, it runs out of memory, it exits) fails
 * the workbook it was writing with an error naming the hub, and the pool refuses every later write:
 * the export stops and returns no file rather than a zip missing a hub.
 */
export function openWorkbookPool(size: number): WorkbookPool {
  const { code, eval: isCode } = workerCode('export-worker', path.join(__dirname, 'entry.ts'));
  const queue: Waiting[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Waiting>();
  let broken: Error | null = null;
  let nextId = 1;

  const fail = (error: Error) => {
    broken ??= error;
    for (const w of queue.splice(0)) w.reject(broken);
  };

  const next = (worker: Worker) => {
    const waiting = queue.shift();
    if (!waiting) {
      idle.push(worker);
      return;
    }
    busy.set(worker, waiting);
    worker.postMessage({ id: waiting.id, job: waiting.job });
  };

  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(code, { eval: isCode, stdout: false, stderr: false });
    worker.on('message', (message: { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string }) => {
      const waiting = busy.get(worker);
      if (!waiting || waiting.id !== message.id) return;
      busy.delete(worker);
      if (message.ok) {
        waiting.resolve(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
        if (broken) idle.push(worker);
        else next(worker);
      } else {
        const error = new Error(`Writing the workbook of ${waiting.name} failed: ${message.message}. No file was written.`);
        waiting.reject(error);
        fail(error);
        idle.push(worker);
      }
    });
    const lost = (why: string) => {
      const waiting = busy.get(worker);
      busy.delete(worker);
      const error = new Error(`Writing the workbook of ${waiting?.name ?? 'a hub'} failed: ${why}. No file was written.`);
      waiting?.reject(error);
      fail(error);
    };
    worker.on('error', (error) => lost(`the worker writing it stopped (${error.message})`));
    worker.on('exit', (code) => {
      if (!closing) lost(`the worker writing it ended unexpectedly (exit ${code})`);
    });
    return worker;
  });
  idle.push(...workers);
  let closing = false;

  return {
    write(name, job) {
      return new Promise<Buffer>((resolve, reject) => {
        if (broken) return reject(broken);
        queue.push({ id: nextId++, name, job, resolve, reject });
        const worker = idle.shift();
        if (worker) next(worker);
      });
    },
    async close() {
      closing = true;
      fail(new Error('The export stopped before every workbook was written. No file was written.'));
      for (const w of busy.values()) w.reject(broken!);
      busy.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
