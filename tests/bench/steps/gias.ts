/** GIAS school data import end to end through the contract (preview → commit) and a bare parse of the same extract. */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import type { GiasCommitResult, GiasImportPreview } from '../../../shared/contract/gias-import';
import type { BenchConfig } from '../config';
import { measure, type Measurement } from '../measure';
import { timeImport } from './timed-import';

export async function giasSteps(config: BenchConfig): Promise<Measurement[]> {
  let rows = 0;
  // The least any reader does: decode Windows-1252 and split the CSV into fields.
  const bare = await measure('gias.bare', 'GIAS: bare decode (Windows-1252) + csv-parse', config.runs, () => {
    rows = (parse(iconv.decode(fs.readFileSync(config.giasFile), 'win1252'), { relax_column_count: true }) as string[][]).length;
  }, { warmup: 1 });
  bare.detail = { rows, fileMb: Math.round(fs.statSync(config.giasFile).size / 1e5) / 10 };

  const { e2e, backToBack, noBackup, last: l } = await timeImport<GiasImportPreview, GiasCommitResult>(config, {
    key: 'gias',
    name: 'GIAS import',
    previewMethod: 'previewGiasImport',
    commitMethod: 'commitGiasImport',
    previewRequest: () => ({ fileName: path.basename(config.giasFile), contentBase64: fs.readFileSync(config.giasFile).toString('base64') }),
    commitRequest: (p) => ({ stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash }),
  });
  e2e.detail = { ...e2e.detail, rowsRead: l?.preview.rowsRead, membersInFile: l?.preview.membersInFile, schoolsUpdated: l?.commit.schoolsUpdated, closed: l?.preview.closed.length };
  return [bare, e2e, backToBack, noBackup];
}
