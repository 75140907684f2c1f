/**
 * Roll import end to end through the contract (preview → commit, the file read in the import worker)
 * and the bare read of the same file: hubdesk's own xlsx reader in this thread, rows only (exceljs's
 * streaming read of it is measured too, for reference).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RollCommitResult, RollPreview } from '../../../shared/contract/roll-import';
import type { BenchConfig } from '../config';
import { measure, type Measurement } from '../measure';
import { timeImport } from './timed-import';
import { readSpreadsheet } from '../../../electron/core/imports/files/read';

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

  const year = '2026/27';
  const { e2e, backToBack, noBackup, last: l } = await timeImport<RollPreview, RollCommitResult>(config, {
    key: 'roll',
    name: 'roll import',
    previewMethod: 'previewRollImport',
    commitMethod: 'commitRollImport',
    previewRequest: () => ({ fileName: path.basename(config.rollFile), contentBase64: fs.readFileSync(config.rollFile).toString('base64'), year, confirmWarnings: true }),
    commitRequest: (p) => ({ year, confirmWarnings: true, stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash }),
  });
  e2e.detail = { ...e2e.detail, rowsRead: l?.preview.rowsRead, joiners: l?.commit.joiners, leavers: l?.commit.leavers, moves: l?.commit.moves, pupilChanges: l?.commit.pupilChanges };
  return [bare, exceljs, e2e, backToBack, noBackup];
}
