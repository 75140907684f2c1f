/** Ofsted import end to end through the contract (preview → commit) and a bare csv-parse of the same file. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { dispatch } from '../../../electron/core/dispatch';
import type { OfstedCommitResult, OfstedImportPreview } from '../../../shared/contract/ofsted-import';
import type { BenchConfig } from '../config';
import { measure, median, type Measurement } from '../measure';
import { openCopy } from './open';
import { lastBackup } from '../../../electron/core/db/backups';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

export async function ofstedSteps(config: BenchConfig): Promise<Measurement[]> {
  let rows = 0;
  const bare = await measure('ofsted.bare', 'Ofsted: bare csv-parse', config.runs, () => {
    rows = (parse(fs.readFileSync(config.ofstedFile), { bom: true, relax_column_count: true }) as string[][]).length;
  }, { warmup: 1 });
  bare.detail = { rows, fileMb: Math.round(fs.statSync(config.ofstedFile).size / 1e5) / 10 };

  const phases = { previewMs: [] as number[], commitMs: [] as number[], backupMs: [] as number[], backupMethod: [] as string[] };
  /** Each run's time without its backup (the backup is mandated; its cost grows with the store, not the file). */
  const withoutBackupMs: number[] = [];
  let last: { preview: OfstedImportPreview; commit: OfstedCommitResult } | null = null;
  const e2e = await measure('ofsted.e2e', 'Ofsted import end to end (preview + commit)', config.runs, async (run) => {
    const copy = await openCopy(config.baseStore, config.workDir, `ofsted-${run}`);
    try {
      const start = process.hrtime.bigint();
      const request = { fileName: path.basename(config.ofstedFile), contentBase64: fs.readFileSync(config.ofstedFile).toString('base64') };
      const preview = (await dispatch(copy.ctx, 'previewOfstedImport', request)) as Envelope<OfstedImportPreview>;
      if (!preview.ok) throw new Error(`Ofsted preview failed: ${preview.error.message}`);
      if (!preview.value.canCommit) throw new Error(`Ofsted preview cannot commit: ${preview.value.errorCount} errors, e.g. ${JSON.stringify(preview.value.errors[0])}`);
      const afterPreview = process.hrtime.bigint();
      const commit = (await dispatch(copy.ctx, 'commitOfstedImport', { stagingId: preview.value.stagingId, sha256: preview.value.sha256, diffHash: preview.value.diffHash })) as Envelope<OfstedCommitResult>;
      if (!commit.ok) throw new Error(`Ofsted commit failed: ${commit.error.message}`);
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
  const l = last as { preview: OfstedImportPreview; commit: OfstedCommitResult } | null;
  e2e.detail = {
    ...phases,
    rows: l?.preview.rows,
    rowsKept: l?.preview.rowsKept,
    rowsIgnored: l?.preview.rowsIgnored,
    inspectionsAdded: l?.commit.inspectionsAdded,
    judgementsAdded: l?.commit.judgementsAdded,
    duplicatesSkipped: l?.commit.duplicatesSkipped,
  };
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const noBackup: Measurement = { key: 'ofsted.e2e.nobackup', label: 'Ofsted import end to end without its backup (same runs)', runsMs: withoutBackupMs.map(r2), medianMs: r2(median(withoutBackupMs)), peakRssMb: null };
  return [bare, e2e, noBackup];
}
