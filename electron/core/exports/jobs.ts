import { randomUUID } from 'node:crypto';
import type { ExportFile, ExportJobStatus } from '@shared/contract/exports';
import { HubdeskError } from '../errors';

/**
 * Long exports run as jobs the app polls (networkExportStatus), so it can show a progress bar while
 * the core writes. A job lives in memory: at most MAX_RUNNING at once; a finished job is kept until
 * its file is collected, or KEEP_MS after it finished.
 */
const MAX_RUNNING = 2;
const KEEP_MS = 10 * 60 * 1000;

interface Job {
  status: ExportJobStatus;
  finishedAt: number | null;
}

const jobs = new Map<string, Job>();

export interface Progress {
  (done: number, total: number, stage: string): void;
}

function sweep(now: number): void {
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}

/** Starts `run` in the background and returns its first status. */
export function startJob(total: number, run: (progress: Progress) => Promise<ExportFile>): ExportJobStatus {
  sweep(Date.now());
  const running = [...jobs.values()].filter((j) => j.status.state === 'running').length;
  if (running >= MAX_RUNNING) throw new HubdeskError('conflict', `${running} exports are already being written; wait for one to finish.`);
  const status: ExportJobStatus = { jobId: randomUUID(), state: 'running', done: 0, total, stage: 'Starting', file: null, error: null };
  const job: Job = { status, finishedAt: null };
  jobs.set(status.jobId, job);
  const progress: Progress = (done, t, stage) => {
    Object.assign(job.status, { done, total: t, stage });
  };
  run(progress).then(
    (file) => {
      Object.assign(job.status, { state: 'done', done: job.status.total, stage: 'Done', file });
      job.finishedAt = Date.now();
    },
    (error: unknown) => {
      Object.assign(job.status, { state: 'failed', stage: 'Failed', error: error instanceof Error ? error.message : String(error) });
      job.finishedAt = Date.now();
    },
  );
  return { ...status };
}

/** Where a job stands. A finished job's file is handed over once, then the job is forgotten. */
export function jobStatus(jobId: string): ExportJobStatus {
  sweep(Date.now());
  const job = jobs.get(jobId);
  if (!job) throw new HubdeskError('not_found', 'There is no such export (it finished and was collected, or the app restarted). Start it again.');
  if (job.status.state !== 'running') jobs.delete(jobId);
  return { ...job.status };
}
