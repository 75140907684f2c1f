/**
 * The backup an import's commit needs, taken ahead: as soon as a preview that can be committed is
 * shown, the store is copied (a checkpoint and a file copy under the write lock, a fraction of a
 * second) and the copy gets its full integrity check in a worker thread, while the person reads the
 * preview. The copy records the store's data stamp read under that lock, so it is known to hold
 * exactly the store at that stamp.
 *
 * The commit uses it only when that stamp is the one its plan was made at (and the commit's
 * transaction then checks, under the write lock, that the store is still at that stamp before it
 * writes): so a verified backup of the store exactly as it was before the commit exists before the
 * commit writes, as with a backup taken on the spot. Otherwise (the store changed since the preview,
 * the copy could not be taken or checked, no backup ahead) the commit takes one on the spot, as
 * before. A copy that fails its check refuses the commit as a damaged store, as on the spot.
 *
 * One backup ahead at a time: a preview of the store at the same stamp keeps it (two previews in a
 * row); at another stamp it replaces it. Until a commit names it, it is a `.partial` file in backups/
 * that no listing shows; it is deleted when replaced, when unused for PLAN_TTL_MS (a preview older
 * than that is planned again), when the store closes, and (after a crash) by the lock holder's tidy
 * of the data folder. Only a process that holds the data folder's lock takes one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerCode } from '../worker-code';
import {
  backupDir,
  backupFileName,
  backupRefused,
  copyDatabaseFile,
  createBackup,
  listedAfterPruning,
  recordBackupTiming,
  type BackupInfo,
  type BackupSource,
} from './backups';
import { makePrivateDir } from './sqlite-file/private-files';

/** How long a backup ahead is kept unused: as long as a preview's plan is kept for its commit. */
export const AHEAD_TTL_MS = 5 * 60_000;

/** A copy of the store at `stamp`, checked: [] problems when sound (and marked verified). */
interface CheckedCopy {
  partial: string;
  stamp: string;
  problems: string[];
  ms: number;
}

interface Ahead {
  /** The data stamp of the copy, once taken (null until then). */
  stamp: string | null;
  /** The checked copy, or null when none could be taken or checked (the commit then takes its own). */
  done: Promise<CheckedCopy | null>;
  /** Drops it; resolves once any check under way has finished and the copy is deleted. */
  discard(): Promise<void>;
}

let nextId = 1;

function removePartial(partial: string): void {
  fs.rmSync(partial, { force: true });
  fs.rmSync(`${partial}-journal`, { force: true });
}

/** The full check of a written copy in a worker thread: its problems, or null when the worker could not run it. */
function checkInWorker(partial: string, onWorker: (worker: Worker) => void): Promise<string[] | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const { code, eval: isCode } = workerCode('backup-check-worker', path.join(__dirname, 'sqlite-file', 'check-worker.ts'));
      worker = new Worker(code, { eval: isCode, workerData: { file: partial }, stdout: false, stderr: false });
    } catch {
      return resolve(null); // no worker: the commit takes its backup on the spot
    }
    onWorker(worker);
    let settled = false;
    const finish = (problems: string[] | null) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(problems);
    };
    worker.on('message', (m: { ok: true; problems: string[] } | { ok: false; message: string }) => finish(m.ok ? m.problems : null));
    worker.on('error', () => finish(null));
    worker.on('exit', () => finish(null));
  });
}

/** Starts a copy of the store and its check, after the current request has answered. */
function startAhead(source: BackupSource, stampNow: () => string): Ahead {
  const partial = path.join(backupDir(source), `hubdesk-ahead-${process.pid}-${nextId++}.db.partial`);
  let discarded = false;
  let worker: Worker | null = null;
  const ahead: Ahead = {
    stamp: null,
    done: new Promise<CheckedCopy | null>((resolve) => {
      setImmediate(() => {
        if (discarded) return resolve(null);
        const started = process.hrtime.bigint();
        let stamp = '';
        try {
          makePrivateDir(backupDir(source));
          if (!copyDatabaseFile(source.sqlite, partial, () => (stamp = stampNow()))) {
            removePartial(partial);
            return resolve(null);
          }
        } catch {
          // A copy that cannot be written now (a full disk): the commit takes its own and reports why.
          removePartial(partial);
          return resolve(null);
        }
        ahead.stamp = stamp;
        void checkInWorker(partial, (w) => (worker = w)).then((problems) => {
          if (discarded || problems === null) {
            removePartial(partial);
            return resolve(null);
          }
          resolve({ partial, stamp, problems, ms: Number(process.hrtime.bigint() - started) / 1e6 });
        });
      });
    }),
    discard() {
      discarded = true;
      // A check under way is never stopped: terminating a worker inside a native SQLite call (and
      // deleting the file under it) can take the whole process down. It finishes, then its copy goes.
      if (!worker) removePartial(partial);
      return ahead.done.then((copy) => {
        if (copy) removePartial(copy.partial);
      });
    },
  };
  return ahead;
}

/** The backups ahead of one store connection's commits. */
export class BackupsAhead {
  private current: Ahead | null = null;
  private expiry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly source: BackupSource,
    /** The store's data stamp now (store.dataStamp() of this connection). */
    private readonly stampNow: () => string,
    /** Whether this process may write (holds the data folder's lock). */
    private readonly mayWrite: () => boolean,
  ) {}

  /** Starts a backup of the store as it is now, unless one of this state is already under way. */
  start(): void {
    if (!this.mayWrite() || this.source.sqlite.memory) return;
    const current = this.current;
    if (current && (current.stamp === null || current.stamp === this.stampNow())) {
      this.keepFor(AHEAD_TTL_MS);
      return;
    }
    void this.discard();
    this.current = startAhead(this.source, this.stampNow);
    this.keepFor(AHEAD_TTL_MS);
  }

  /**
   * The backup before a commit of the store at `stamp`: the backup ahead when it holds exactly that
   * state (waiting for its check if it is still running), otherwise one taken now.
   */
  async take(stamp: string, reason: string, now: Date): Promise<BackupInfo> {
    const started = process.hrtime.bigint();
    const ahead = this.current;
    this.current = null;
    this.clearExpiry();
    if (ahead && stamp !== '' && (ahead.stamp === null || ahead.stamp === stamp)) {
      const copy = await ahead.done;
      if (copy && copy.stamp === stamp) {
        if (copy.problems.length > 0) {
          removePartial(copy.partial);
          throw backupRefused(this.source, copy.problems);
        }
        const file = backupFileName(this.source, reason, now);
        fs.renameSync(copy.partial, file);
        recordBackupTiming({ method: 'copy', ms: copy.ms, ahead: true, commitWaitMs: Number(process.hrtime.bigint() - started) / 1e6 });
        return listedAfterPruning(this.source, file);
      }
    }
    // Of another state of the store, or none could be taken: not this commit's backup.
    void ahead?.discard();
    return createBackup(this.source, reason, now);
  }

  /** Resolves once the backup ahead, if any, is written and checked (or has failed). */
  async settled(): Promise<void> {
    await this.current?.done;
  }

  /** Drops the backup ahead, if any; resolves once its check has finished and its file is deleted. */
  discard(): Promise<void> {
    this.clearExpiry();
    const current = this.current;
    this.current = null;
    return current ? current.discard() : Promise.resolve();
  }

  private keepFor(ms: number): void {
    this.clearExpiry();
    this.expiry = setTimeout(() => void this.discard(), ms);
    this.expiry.unref?.();
  }

  private clearExpiry(): void {
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
  }
}
