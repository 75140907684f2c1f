/** Ofsted import end to end through the contract (preview → commit) and a bare csv-parse of the same file. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { OfstedCommitResult, OfstedImportPreview } from '../../../shared/contract/ofsted-import';
import type { BenchConfig } from '../config';
import { measure, type Measurement } from '../measure';
import { timeImport } from './timed-import';

export async function ofstedSteps(config: BenchConfig): Promise<Measurement[]> {
  let rows = 0;
  const bare = await measure('ofsted.bare', 'Ofsted: bare csv-parse', config.runs, () => {
    rows = (parse(fs.readFileSync(config.ofstedFile), { bom: true, relax_column_count: true }) as string[][]).length;
  }, { warmup: 1 });
  bare.detail = { rows, fileMb: Math.round(fs.statSync(config.ofstedFile).size / 1e5) / 10 };

  const { e2e, backToBack, noBackup, last: l } = await timeImport<OfstedImportPreview, OfstedCommitResult>(config, {
    key: 'ofsted',
    name: 'Ofsted import',
    previewMethod: 'previewOfstedImport',
    commitMethod: 'commitOfstedImport',
    previewRequest: () => ({ fileName: path.basename(config.ofstedFile), contentBase64: fs.readFileSync(config.ofstedFile).toString('base64') }),
    commitRequest: (p) => ({ stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash }),
  });
  e2e.detail = { ...e2e.detail, rows: l?.preview.rows, rowsKept: l?.preview.rowsKept, rowsIgnored: l?.preview.rowsIgnored, inspectionsAdded: l?.commit.inspectionsAdded, judgementsAdded: l?.commit.judgementsAdded, duplicatesSkipped: l?.commit.duplicatesSkipped };
  return [bare, e2e, backToBack, noBackup];
}
