/**
 * One import timed end to end through the contract (preview → commit) on a fresh copy of the store
 * per run, two ways:
 *
 * - **as the person experiences it** (`<key>.e2e`, the figure the goals are read against): the
 *   preview's time plus the commit's time. Between them the person reads the preview; the bench
 *   waits (untimed) until the backup taken ahead while the preview is read is written and checked,
 *   and records how long that was (`readPauseMs`): a person reading a national preview takes longer.
 * - **back to back** (`<key>.e2e.backtoback`): the commit sent the moment the preview answers, so
 *   it waits for the whole backup (as if the preview were not read at all).
 *
 * Each run's backup is reported apart: its own time (copy + full check), whether it was taken ahead,
 * and the part the commit waited for; "without its backup" subtracts that part.
 */
import { dispatch } from '../../../electron/core/dispatch';
import { lastBackup } from '../../../electron/core/db/backups';
import type { MethodName } from '../../../shared/contract';
import type { BenchConfig } from '../config';
import { measure, median, type Measurement } from '../measure';
import { openCopy } from './open';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
interface StagedPreview { canCommit: boolean; errors: readonly unknown[]; stagingId: string; sha256: string; diffHash: string }

export interface TimedImport<P extends StagedPreview> {
  /** The measurement's key and the import's name in labels and errors, e.g. 'roll' and 'roll import'. */
  key: string;
  name: string;
  previewMethod: MethodName;
  commitMethod: MethodName;
  previewRequest(): object;
  commitRequest(preview: P): object;
}

const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
const r2 = (v: number) => Math.round(v * 100) / 100;

/** The measurements as the person experiences them and back to back, the first without its backup's wait, and the last run's answers. */
export async function timeImport<P extends StagedPreview, C extends { backupFile: string | null }>(
  config: BenchConfig,
  spec: TimedImport<P>,
): Promise<{ e2e: Measurement; backToBack: Measurement; noBackup: Measurement; last: { preview: P; commit: C } | null }> {
  let last: { preview: P; commit: C } | null = null;
  const run = async (readsPreview: boolean) => {
    const phases = { previewMs: [] as number[], readPauseMs: [] as number[], commitMs: [] as number[], backupMs: [] as number[], backupAhead: [] as boolean[], commitWaitMs: [] as number[] };
    const withoutBackupMs: number[] = [];
    const key = readsPreview ? `${spec.key}.e2e` : `${spec.key}.e2e.backtoback`;
    const label = readsPreview
      ? `${spec.name} as the person waits: preview + commit (its backup taken while the preview is read)`
      : `${spec.name} back to back: preview + commit sent at once (the commit waits for the whole backup)`;
    const m = await measure(key, label, config.runs, async (n) => {
      const copy = await openCopy(config.baseStore, config.workDir, `${key}-${n}`);
      try {
        const start = process.hrtime.bigint();
        const preview = (await dispatch(copy.ctx, spec.previewMethod, spec.previewRequest() as never)) as Envelope<P>;
        if (!preview.ok) throw new Error(`${spec.name} preview failed: ${preview.error.message}`);
        if (!preview.value.canCommit) throw new Error(`${spec.name} preview cannot commit: ${preview.value.errors.length} errors, e.g. ${JSON.stringify(preview.value.errors[0])}`);
        const afterPreview = process.hrtime.bigint();
        if (readsPreview) await copy.ctx.store.backups?.aheadSettled();
        const beforeCommit = process.hrtime.bigint();
        const commit = (await dispatch(copy.ctx, spec.commitMethod, spec.commitRequest(preview.value) as never)) as Envelope<C>;
        if (!commit.ok) throw new Error(`${spec.name} commit failed: ${commit.error.message}`);
        const end = process.hrtime.bigint();
        const waited = ms(start, afterPreview) + ms(beforeCommit, end);
        if (n >= 0) {
          const backup = commit.value.backupFile ? lastBackup() : null;
          phases.previewMs.push(r2(ms(start, afterPreview)));
          phases.readPauseMs.push(r2(ms(afterPreview, beforeCommit)));
          phases.commitMs.push(r2(ms(beforeCommit, end)));
          phases.backupMs.push(r2(backup?.ms ?? 0));
          phases.backupAhead.push(backup?.ahead ?? false);
          phases.commitWaitMs.push(r2(backup?.commitWaitMs ?? 0));
          withoutBackupMs.push(waited - (backup?.commitWaitMs ?? 0));
        }
        last = { preview: preview.value, commit: commit.value };
        return waited;
      } finally {
        await copy.close();
      }
    }, { warmup: 1 });
    m.detail = { ...phases };
    return { m, withoutBackupMs };
  };
  const person = await run(true);
  const backToBack = await run(false);
  const noBackup: Measurement = {
    key: `${spec.key}.e2e.nobackup`,
    label: `${spec.name} as the person waits, without the commit's wait for its backup (same runs)`,
    runsMs: person.withoutBackupMs.map(r2),
    medianMs: r2(median(person.withoutBackupMs)),
    peakRssMb: null,
  };
  return { e2e: person.m, backToBack: backToBack.m, noBackup, last: last as { preview: P; commit: C } | null };
}
