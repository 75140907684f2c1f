/** GIAS school data import end to end through the contract (preview → commit) and a bare parse of the same extract. */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { dispatch } from '../../../electron/core/dispatch';
import type { GiasCommitResult, GiasImportPreview } from '../../../shared/contract/gias-import';
import type { BenchConfig } from '../config';
import { measure, median, type Measurement } from '../measure';
import { openCopy } from './open';
import { lastBackup } from '../../../electron/core/db/backups';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

export async function giasSteps(config: BenchConfig): Promise<Measurement[]> {
  let rows = 0;
  // The least any reader does: decode Windows-1252 and split the CSV into fields.
  const bare = await measure('gias.bare', 'GIAS: bare decode (Windows-1252) + csv-parse', config.runs, () => {
    rows = (parse(iconv.decode(fs.readFileSync(config.giasFile), 'win1252'), { relax_column_count: true }) as string[][]).length;
  }, { warmup: 1 });
  bare.detail = { rows, fileMb: Math.round(fs.statSync(config.giasFile).size / 1e5) / 10 };

  const phases = { previewMs: [] as number[], commitMs: [] as number[], backupMs: [] as number[] };
  const withoutBackupMs: number[] = [];
  let last: { preview: GiasImportPreview; commit: GiasCommitResult } | null = null;
  const e2e = await measure('gias.e2e', 'GIAS import end to end (preview + commit)', config.runs, async (run) => {
    const copy = await openCopy(config.baseStore, config.workDir, `gias-${run}`);
    try {
      const start = process.hrtime.bigint();
      const preview = (await dispatch(copy.ctx, 'previewGiasImport', { fileName: path.basename(config.giasFile), contentBase64: fs.readFileSync(config.giasFile).toString('base64') })) as Envelope<GiasImportPreview>;
      if (!preview.ok) throw new Error(`GIAS preview failed: ${preview.error.message}`);
      if (!preview.value.canCommit) throw new Error(`GIAS preview cannot commit: ${JSON.stringify(preview.value.errors[0])}`);
      const afterPreview = process.hrtime.bigint();
      const commit = (await dispatch(copy.ctx, 'commitGiasImport', { stagingId: preview.value.stagingId, sha256: preview.value.sha256, diffHash: preview.value.diffHash })) as Envelope<GiasCommitResult>;
      if (!commit.ok) throw new Error(`GIAS commit failed: ${commit.error.message}`);
      const end = process.hrtime.bigint();
      if (run >= 0) {
        phases.previewMs.push(Number(afterPreview - start) / 1e6);
        phases.commitMs.push(Number(end - afterPreview) / 1e6);
        const backup = commit.value.backupFile ? lastBackup() : null;
        phases.backupMs.push(backup?.ms ?? 0);
        withoutBackupMs.push(Number(end - start) / 1e6 - (backup?.ms ?? 0));
      }
      last = { preview: preview.value, commit: commit.value };
      return Number(end - start) / 1e6;
    } finally {
      await copy.close();
    }
  }, { warmup: 1 });
  const l = last as { preview: GiasImportPreview; commit: GiasCommitResult } | null;
  e2e.detail = { ...phases, rowsRead: l?.preview.rowsRead, membersInFile: l?.preview.membersInFile, schoolsUpdated: l?.commit.schoolsUpdated, closed: l?.preview.closed.length };
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const noBackup: Measurement = { key: 'gias.e2e.nobackup', label: 'GIAS import end to end without its backup (same runs)', runsMs: withoutBackupMs.map(r2), medianMs: r2(median(withoutBackupMs)), peakRssMb: null };
  return [bare, e2e, noBackup];
}
