/**
 * Roll import end to end through the contract (preview → commit, the file read in the import worker)
 * and the bare read of the same file: hubdesk's own xlsx reader in this thread, rows only (exceljs's
 * streaming read of it is measured too, for reference).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { dispatch } from '../../../electron/core/dispatch';
import type { RollCommitResult, RollPreview } from '../../../shared/contract/roll-import';
import type { BenchConfig } from '../config';
import { measure, median, type Measurement } from '../measure';
import { openCopy } from './open';
import { lastBackup } from '../../../electron/core/db/backups';
import { readSpreadsheet } from '../../../electron/core/imports/files/read';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

export async function bareXlsxRead(bytes: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let rows = 0;
  for await (const ws of reader) for await (const _row of ws as unknown as AsyncIterable<unknown>) rows += 1;
  return rows;
}

export async function rollSteps(config: BenchConfig): Promise<Measurement[]> {
  let rowsRead = 0;
  const bare = await measure('roll.bare', 'roll: bare read (hubdesk xlsx reader, this thread, rows only)', config.runs, async () => {
    const wb = await readSpreadsheet(fs.readFileSync(config.rollFile), path.basename(config.rollFile), { advice: '', csv: true });
    rowsRead = wb.sheets.reduce((n, s) => n + s.rows.length, 0);
  }, { warmup: 1 });
  bare.detail = { rows: rowsRead, fileMb: Math.round(fs.statSync(config.rollFile).size / 1e5) / 10 };
  const exceljs = await measure('roll.bare.exceljs', 'roll: exceljs streaming read of the same file (reference)', config.runs, async () => {
    await bareXlsxRead(fs.readFileSync(config.rollFile));
  }, { warmup: 1 });

  const phases = { previewMs: [] as number[], commitMs: [] as number[], backupMs: [] as number[], backupMethod: [] as string[] };
  /** Each run's time without its backup (the backup is mandated; its cost grows with the store, not the file). */
  const withoutBackupMs: number[] = [];
  let last: { preview: RollPreview; commit: RollCommitResult } | null = null;
  const e2e = await measure('roll.e2e', 'roll import end to end (preview + commit)', config.runs, async (run) => {
    const copy = await openCopy(config.baseStore, config.workDir, `roll-${run}`);
    try {
      const start = process.hrtime.bigint();
      const request = { fileName: path.basename(config.rollFile), contentBase64: fs.readFileSync(config.rollFile).toString('base64'), year: '2026/27', confirmWarnings: true };
      const preview = (await dispatch(copy.ctx, 'previewRollImport', request)) as Envelope<RollPreview>;
      if (!preview.ok) throw new Error(`roll preview failed: ${preview.error.message}`);
      if (!preview.value.canCommit) throw new Error(`roll preview cannot commit: ${preview.value.errorCount} errors, e.g. ${JSON.stringify(preview.value.errors[0])}`);
      const afterPreview = process.hrtime.bigint();
      const commit = (await dispatch(copy.ctx, 'commitRollImport', { year: request.year, confirmWarnings: true, stagingId: preview.value.stagingId, sha256: preview.value.sha256, diffHash: preview.value.diffHash })) as Envelope<RollCommitResult>;
      if (!commit.ok) throw new Error(`roll commit failed: ${commit.error.message}`);
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
  const l = last as { preview: RollPreview; commit: RollCommitResult } | null;
  e2e.detail = {
    ...phases,
    rowsRead: l?.preview.rowsRead,
    joiners: l?.commit.joiners,
    leavers: l?.commit.leavers,
    moves: l?.commit.moves,
    pupilChanges: l?.commit.pupilChanges,
  };
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const noBackup: Measurement = { key: 'roll.e2e.nobackup', label: 'roll import end to end without its backup (same runs)', runsMs: withoutBackupMs.map(r2), medianMs: r2(median(withoutBackupMs)), peakRssMb: null };
  return [bare, exceljs, e2e, noBackup];
}
