/**
 * The file layer's decisions that the writer corpus does not show: day/month order asked when every
 * date could be either (and remembered with the mapping), the encoding question when the bytes fit
 * no encoding, the worker's memory budget (a file that needs more is refused; the app carries on),
 * and the main thread answering while a large file is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { RollPreview } from '../../shared/contract';
import BetterSqlite3 from 'better-sqlite3';
import { testClockEnv } from '../helpers/clock';
import { contentHash, openTestStore, tempDir, type TestStore } from '../helpers/store';
import { commitFile, mustPreview, previewFile } from '../fixtures/roll/request';
import { buildCsv, nationalSchools } from '../fixtures/ofsted/generate';
import { dateOrderOf } from '../../electron/core/imports/files/dates';

let t: TestStore;
let dir: string;
beforeAll(async () => {
  t = await openTestStore();
  await dispatch(t.ctx, 'loadDemo', { confirm: true });
  dir = tempDir('hubdesk-files-');
});
afterAll(async () => {
  await t?.close();
});

const HEADER = 'URN,School name,Hub,Pupils,Fee paid';
const roll = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, [HEADER, ...lines].join('\n'));
  return file;
};
const stored = async (urn: string) =>
  t.ctx.db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .innerJoin('membership_years', 'membership_years.id', 'memberships.year_id')
    .where('schools.urn', '=', urn)
    .where('membership_years.label', '=', '2027/28')
    .select(['memberships.fee_paid_on'])
    .executeTakeFirst();

describe('dates whose day and month could be either way', () => {
  it('decides the order per column from a value over 12', () => {
    expect(dateOrderOf(['01/02/2026', '25/09/2026'])).toEqual({ order: 'dmy', decidedBy: '25/09/2026' });
    expect(dateOrderOf(['01/02/26', '09/25/26'])).toEqual({ order: 'mdy', decidedBy: '09/25/26' });
    expect(dateOrderOf(['01/02/2026', '03/04/2026'])).toEqual({ order: 'ambiguous', decidedBy: null });
    expect(dateOrderOf(['2026-09-01', 'yes'])).toBeNull();
  });

  it('asks when every date is ambiguous (day first by default), reads the chosen order, and remembers it with the mapping', async () => {
    const file = roll('ambiguous.csv', ['104829,Cowley International College,Aspire Hub,1511,03/04/2027', '104834,De La Salle School,Aspire Hub,1118,05/06/2027']);
    const p = await mustPreview(t.ctx, file, { year: '2027/28' });
    expect(p.dateOrder).toEqual({ column: 'Fee paid', order: 'dmy', how: 'default', decidedBy: null });
    expect(p.needsConfirmation).toBe(true);
    expect(p.canCommit).toBe(false);
    expect(p.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/every date in this column could be day first or month first/));
    // The person says month first: no question, and 03/04/2027 is 4 March.
    const chosen = await mustPreview(t.ctx, file, { year: '2027/28', dateOrder: 'mdy' });
    expect(chosen.dateOrder).toMatchObject({ order: 'mdy', how: 'chosen' });
    expect(chosen.needsConfirmation).toBe(false);
    const c = await commitFile(t.ctx, file, chosen, { year: '2027/28', dateOrder: 'mdy' });
    expect(c.ok).toBe(true);
    expect(await stored('104829')).toEqual({ fee_paid_on: '2027-03-04' });
    // The same headers next time: the remembered order, without asking.
    const again = await mustPreview(t.ctx, roll('ambiguous-again.csv', ['104829,Cowley International College,Aspire Hub,1511,03/04/2027']), { year: '2027/28' });
    expect(again.dateOrder).toMatchObject({ order: 'mdy', how: 'remembered' });
    if (c.ok) await dispatch(t.ctx, 'undoImportBatch', { batchId: c.value.batchId!, confirm: true });
  });

  it('refuses a value that contradicts the column’s order, naming the order', async () => {
    const p = await mustPreview(t.ctx, roll('mixed.csv', ['104829,Cowley International College,Aspire Hub,1511,25/09/2027', '104834,De La Salle School,Aspire Hub,1118,09/25/2027']), { year: '2027/28' });
    expect(p.dateOrder).toMatchObject({ order: 'dmy', how: 'values', decidedBy: '25/09/2027' });
    expect(p.errors).toContainEqual(expect.objectContaining({ row: 3, column: 'Fee paid', message: expect.stringMatching(/"09\/25\/2027" is not a real date \(dates in this column are read day\/month\/year\)/) }));
  });
});

describe('a CSV whose encoding cannot be told', () => {
  const bytes = Buffer.concat([Buffer.from(`${HEADER}\n104829,St Anne`), Buffer.from([0x81, 0xd5]), Buffer.from('s College,Aspire Hub,1511,\n')]);

  it('says so in the preview with a sample row in each likely encoding, and nothing can be committed until one is chosen', async () => {
    const file = path.join(dir, 'unknown.csv');
    fs.writeFileSync(file, bytes);
    const p = await mustPreview(t.ctx, file, { year: '2027/28' });
    expect(p.canCommit).toBe(false);
    expect(p.encodingChoice?.reason).toMatch(/no other encoding reads its accented letters and punctuation plausibly/);
    expect(p.encodingChoice?.options.map((o) => o.encoding).sort()).toEqual(['DOS Latin (850)', 'Mac Roman', 'Windows-1252']);
    for (const o of p.encodingChoice!.options) expect(o.sample).toMatch(/^104829,St Anne.{2}s College,Aspire Hub,1511,$/);
    const chosen = (await previewFile(t.ctx, file, { year: '2027/28', encoding: 'Mac Roman' })) as { ok: true; value: RollPreview };
    expect(chosen.value.encodingChoice).toBeNull();
    expect(chosen.value.encoding).toBe('Mac Roman');
    expect(chosen.value.errors.filter((e) => /encoding/.test(e.message))).toEqual([]);
  });
});

describe('the import worker', () => {
  it('refuses a file that needs more memory than its budget, naming it; the CLI exits cleanly and the database is unchanged', () => {
    const cli = path.resolve('out/cli/index.js');
    if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does).`);
    const data = tempDir('hubdesk-oom-');
    expect(spawnSync(process.execPath, [cli, '--data', data, 'demo'], { encoding: 'utf8', env: testClockEnv() }).status).toBe(0);
    const file = path.join(data, 'national.csv');
    fs.writeFileSync(file, buildCsv('2026', nationalSchools(22_000)));
    const hashOf = () => {
      const db = new BetterSqlite3(path.join(data, 'hubdesk.db'), { readonly: true });
      const h = contentHash(db);
      db.close();
      return h;
    };
    const before = hashOf();
    const r = spawnSync(process.execPath, [cli, '--data', data, 'import', 'ofsted', file, '--dry-run'], { encoding: 'utf8', env: { ...testClockEnv(), HUBDESK_IMPORT_HEAP_MB: '48' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/national\.csv could not be read and checked: reading and checking it needed more than the 48 MB of memory hubdesk gives one file/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(hashOf()).toBe(before);
    // With the usual budget the same file reads.
    const ok = spawnSync(process.execPath, [cli, '--data', data, 'import', 'ofsted', file, '--dry-run'], { encoding: 'utf8', env: testClockEnv() });
    expect(ok.status, ok.stderr).toBe(0);
  }, 180_000);

  it('reads a large file off the main thread: a request made meanwhile is answered before the file is', async () => {
    const csv = buildCsv('2026', nationalSchools(22_000));
    const order: string[] = [];
    const preview = dispatch(t.ctx, 'previewOfstedImport', { fileName: 'national.csv', contentBase64: csv.toString('base64') }).then((r) => {
      order.push('preview');
      return r;
    });
    // Let the preview reach the worker, then ask something else.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const status = await dispatch(t.ctx, 'listHubs', { year: '2026/27' });
    order.push('hubs');
    expect(status.ok).toBe(true);
    expect((await preview).ok).toBe(true);
    expect(order).toEqual(['hubs', 'preview']);
  }, 120_000);
});
