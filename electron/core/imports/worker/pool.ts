import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FileRefused } from '../files/refused';
import { HubdeskError } from '../../errors';
import { workerCode } from '../../worker-code';
import type { JobRequest, JobResult, JobValue } from './jobs';

/**
 * Untrusted files are read in a worker thread with its own memory and time budget: a file that
 * exhausts memory, loops or crashes the parser ends that worker, and the app (whose core runs in the
 * desktop's main process) carries on and says which file it could not read. One worker is kept for
 * the next file a short while, then ended.
 */
export const WORKER_BUDGET = Object.freeze({
  /** The worker's heap (a national Ofsted or GIAS file needs about a third of it). */
  heapMb: 768,
  /**
   * Its young generation (at most a quarter of the heap). Reading a national file makes millions of
   * short-lived strings; a young generation this size lets most die there instead of being copied
   * and promoted, which took a sixth of the Ofsted preview with 64 MB (measured in npm run bench).
   */
  youngMb: 192,
  /** Time to read one file (the national GIAS extract takes a few seconds). */
  timeMs: 120_000,
  /** How long an idle worker is kept for the next file. */
  idleMs: 30_000,
});

let idle: { worker: Worker; timer: ReturnType<typeof setTimeout> } | null = null;
let nextId = 1;

/**
 * What the import workers have done in this process: jobs sent, and files read (each reply says how
 * many files its job read; a plan made on the file a worker kept reads none). Tests show with it
 * that a commit reuses its preview, and that planning again does not read the file again.
 */
const activity = { jobs: 0, reads: 0 };

export function importWorkerActivity(): Readonly<typeof activity> {
  return { ...activity };
}

/** The heap a worker gets: WORKER_BUDGET.heapMb, or HUBDESK_IMPORT_HEAP_MB (32–4096) where a machine needs another. */
export function workerHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.HUBDESK_IMPORT_HEAP_MB);
  return Number.isInteger(n) && n >= 32 && n <= 4096 ? n : WORKER_BUDGET.heapMb;
}

function spawn(): Worker {
  const { code, eval: isCode } = workerCode('import-worker', path.join(__dirname, 'entry.ts'));
  return new Worker(code, {
    eval: isCode,
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(), maxYoungGenerationSizeMb: Math.min(WORKER_BUDGET.youngMb, Math.floor(workerHeapMb() / 4)), stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  });
}

function release(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle = { worker, timer: setTimeout(() => endIdle(), WORKER_BUDGET.idleMs) };
  idle.timer.unref?.();
}

function endIdle(): void {
  if (!idle) return;
  clearTimeout(idle.timer);
  void idle.worker.terminate();
  idle = null;
}

function take(): Worker {
  if (idle) {
    const { worker, timer } = idle;
    clearTimeout(timer);
    idle = null;
    worker.ref();
    return worker;
  }
  return spawn();
}

/**
 * Reads a file in the worker (and plans its import, for a planning job); a refusal of the file comes
 * back as FileRefused, naming it. A worker that runs out of memory or time, or stops, is a refusal
 * of the file too, whether it was reading or planning: the app carries on and nothing was written.
 */
export function runInWorker<K extends JobRequest['kind']>(request: Extract<JobRequest, { kind: K }>): Promise<JobValue<K>> {
  return run(request, null);
}

/** The planning jobs: they carry the store facts the plan is made against. */
type PlanJob = Extract<JobRequest, { facts: unknown }>;

/**
 * A planning job whose store facts are loaded while the worker reads the file: the job is sent
 * first, then `facts()` is called (it reads the store on this thread) and its result sent after it;
 * the worker reads the file, then waits for the facts to plan. A failure to load them ends the job
 * (and that worker, which was waiting for them).
 */
export function runPlanInWorker<K extends PlanJob['kind']>(
  request: { kind: K } & Omit<Extract<PlanJob, { kind: K }>, 'facts'>,
  facts: () => Promise<Extract<PlanJob, { kind: K }>['facts']>,
): Promise<JobValue<K>> {
  return run(request as Extract<JobRequest, { kind: K }>, facts);
}

function run<K extends JobRequest['kind']>(request: Extract<JobRequest, { kind: K }>, factsLater: (() => Promise<unknown>) | null): Promise<JobValue<K>> {
  const worker = take();
  const id = nextId++;
  const fileName = request.names ?? request.fileName;
  const work = { done: 'read and checked', doing: 'reading and checking' };
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: unknown, keep = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) release(worker);
      else void worker.terminate();
      if (error) reject(error);
      else resolve(value as JobValue<K>);
    };
    const onMessage = (message: JobResult & { id: number }) => {
      if (message.id !== id) return;
      activity.reads += message.reads;
      if (message.ok) finish(null, message.value, true);
      else if (message.hubdesk) finish(new HubdeskError(message.hubdesk.kind, message.message, message.hubdesk.details), undefined, true);
      else if (message.refused) finish(new FileRefused(message.message), undefined, true);
      else finish(new Error(`${work.doing} ${fileName} failed: ${message.message}`), undefined, true);
    };
    const onError = (error: Error & { code?: string }) => {
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new FileRefused(`${fileName} could not be ${work.done}: ${work.doing} it needed more than the ${workerHeapMb()} MB of memory hubdesk gives one file. The file may be damaged or built to exhaust memory; nothing was imported.`)
          : new FileRefused(`${fileName} could not be ${work.done}: the import worker stopped (${error.message}). Nothing was imported.`),
      );
    };
    const onExit = (code: number) => finish(new FileRefused(`${fileName} could not be ${work.done}: the import worker stopped unexpectedly (exit ${code}). Nothing was imported.`));
    const timer = setTimeout(
      () => finish(new FileRefused(`${fileName} could not be ${work.done} within ${WORKER_BUDGET.timeMs / 1000} seconds, far longer than any real file takes. The file may be damaged or built to exhaust time; nothing was imported.`)),
      WORKER_BUDGET.timeMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    activity.jobs += 1;
    worker.postMessage({ id, request, factsFollow: factsLater !== null });
    factsLater?.().then(
      (facts) => {
        if (!settled) worker.postMessage({ id, facts });
      },
      (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
    );
  });
}

/** Ends the idle worker now (tests, and a clean shutdown). */
export function endImportWorker(): void {
  endIdle();
}
