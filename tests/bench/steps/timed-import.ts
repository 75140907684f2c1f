/** One import timed end to end through the contract (preview → commit) on a fresh copy of the store per run, its phases and backup apart. */
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

/** The end-to-end measurement, the same runs without their backups (mandated, and growing with the store, not the file), and the last run's answers. */
export async function timeImport<P extends StagedPreview, C extends { backupFile: string | null }>(config: BenchConfig, spec: TimedImport<P>): Promise<{ e2e: Measurement; noBackup: Measurement; last: { preview: P; commit: C } | null }> {
  const phases = { previewMs: [] as number[], commitMs: [] as number[], backupMs: [] as number[], backupMethod: [] as string[] };
  const withoutBackupMs: number[] = [];
  let last: { preview: P; commit: C } | null = null;
  const e2e = await measure(`${spec.key}.e2e`, `${spec.name} end to end (preview + commit)`, config.runs, async (run) => {
    const copy = await openCopy(config.baseStore, config.workDir, `${spec.key}-${run}`);
    try {
      const start = process.hrtime.bigint();
      const preview = (await dispatch(copy.ctx, spec.previewMethod, spec.previewRequest() as never)) as Envelope<P>;
      if (!preview.ok) throw new Error(`${spec.name} preview failed: ${preview.error.message}`);
      if (!preview.value.canCommit) throw new Error(`${spec.name} preview cannot commit: ${preview.value.errors.length} errors, e.g. ${JSON.stringify(preview.value.errors[0])}`);
      const afterPreview = process.hrtime.bigint();
      const commit = (await dispatch(copy.ctx, spec.commitMethod, spec.commitRequest(preview.value) as never)) as Envelope<C>;
      if (!commit.ok) throw new Error(`${spec.name} commit failed: ${commit.error.message}`);
      const end = process.hrtime.bigint();
      if (run >= 0) {
        phases.previewMs.push(Number(afterPreview - start) / 1e6);
        phases.commitMs.push(Number(end - afterPreview) / 1e6);
        const backup = commit.value.backupFile ? lastBackup() : null;
        phases.backupMs.push(backup?.ms ?? 0);
        phases.backupMethod.push(backup?.method ?? 'none');
        withoutBackupMs.push(Number(end - start) / 1e6 - (backup?.ms ?? 0));
      }
      last = { preview: preview.value, commit: commit.value };
      return Number(end - start) / 1e6;
    } finally {
      await copy.close();
    }
  }, { warmup: 1 });
  e2e.detail = { ...phases };
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const noBackup: Measurement = { key: `${spec.key}.e2e.nobackup`, label: `${spec.name} end to end without its backup (same runs)`, runsMs: withoutBackupMs.map(r2), medianMs: r2(median(withoutBackupMs)), peakRssMb: null };
  return { e2e, noBackup, last: last as { preview: P; commit: C } | null };
}
