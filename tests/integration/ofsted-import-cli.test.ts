import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/connection';
import type { OfstedCommitResult, OfstedImportPreview } from '../../shared/contract/ofsted-import';
import { tempDir } from '../helpers/store';
import { SAMPLE_FILE, buildCsv, buildXlsx } from '../fixtures/ofsted/generate';
import { cli, hashOf } from '../helpers/cli';

/** A data folder holding two member schools of the sample file. */
async function dataDir(): Promise<string> {
  const dir = tempDir();
  const s = await openStore(dir);
  const now = '2026-11-01T09:00:00.000Z';
  await s.db
    .insertInto('schools')
    .values(
      ['100000', '100022'].map((urn) => ({
        urn, name: `Member ${urn}`, phase: 'Primary', school_type: null, local_authority: null, trust: null, postcode: null, headteacher: null,
        headteacher_since: null, email: null, phone: null, merged_into_school_id: null, import_batch_id: null, created_at: now, updated_at: now,
      })),
    )
    .execute();
  await s.close();
  return dir;
}

async function inspectionCount(dir: string): Promise<number> {
  const s = await openStore(dir);
  try {
    const r = await s.db.selectFrom('ofsted_inspections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await s.close();
  }
}

describe('hubdesk import ofsted', () => {
  it('--dry-run --json prints the preview and writes nothing', async () => {
    const dir = await dataDir();
    const before = await hashOf(dir);
    const r = await cli(['--data', dir, 'import', 'ofsted', SAMPLE_FILE, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const p = JSON.parse(r.out) as OfstedImportPreview;
    expect(p).toMatchObject({ fileName: 'ofsted-mi-2026-sample.csv', rowsKept: 2, rowsIgnored: 1, newInspections: 3, canCommit: true });
    expect(await hashOf(dir)).toBe(before);
  });

  it('--dry-run prints a readable summary', async () => {
    const dir = await dataDir();
    const r = await cli(['--data', dir, 'import', 'ofsted', SAMPLE_FILE, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('As at 2025-01-29 (from the latest publication date)');
    expect(r.out).toContain('Rows: 3 rows; 2 member schools kept, 1 row of other schools ignored');
    expect(r.out).toContain('New inspections: 3 (oeif 2, ungraded 1), with 16 judgements');
    expect(r.out).toContain('Dry run: nothing was written.');
  });

  it('commits with --json, then finds everything stored on a second run', async () => {
    const dir = await dataDir();
    const r = await cli(['--data', dir, 'import', 'ofsted', SAMPLE_FILE, '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as OfstedCommitResult;
    expect(result).toMatchObject({ inspectionsAdded: 3, judgementsAdded: 16, schools: 2, sourceAsAt: '2025-01-29' });
    expect(result.batchId).toBeGreaterThan(0);
    expect(await inspectionCount(dir)).toBe(3);

    const before = await hashOf(dir);
    const again = await cli(['--data', dir, 'import', 'ofsted', SAMPLE_FILE]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/no inspection that is not already stored \(3 already stored\); nothing was written/);
    expect(await hashOf(dir)).toBe(before);
  });

  it('--all imports every school, from an XLSX file too', async () => {
    const dir = await dataDir();
    const xlsx = path.join(tempDir(), 'Ofsted MI as at 30 Sep 2026.xlsx');
    fs.writeFileSync(
      xlsx,
      await buildXlsx('2026', [
        { urn: '100000', oeif: { start: '12/06/2024', overall: '1', quality: '1' } },
        { urn: '700001', reportCard: { start: '02/03/2026', grades: { safeguarding: 'Met', inclusion: 'Strong standard' } } },
      ]),
    );
    const r = await cli(['--data', dir, 'import', 'ofsted', xlsx, '--all', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ inspectionsAdded: 2, schools: 2, sourceAsAt: '2026-09-30' });
    const empty = await cli(['--data', tempDir(), 'import', 'ofsted', xlsx]);
    expect(empty.out).toMatch(/has no row of a member school \(2 rows of other schools ignored; import every school with allSchools \/ --all\); nothing was written/);
    const text = await cli(['--data', await dataDir(), 'import', 'ofsted', xlsx]);
    expect(text.out).toMatch(/^Imported 1 new inspection of 1 school from Ofsted MI as at 30 Sep 2026\.xlsx \(as at 2026-09-30, from the file name\); 0 already stored were skipped\./);
    expect(text.out).toMatch(/Backup taken first: hubdesk-.*-before-import-ofsted\.db/);
  });

  it('exits 1 for a bad file, listing every problem with its row and column, and writes nothing', async () => {
    const dir = await dataDir();
    const bad = path.join(tempDir(), 'bad.csv');
    fs.writeFileSync(
      bad,
      buildCsv('2026', [
        { urn: '100000', oeif: { start: '12/06/2024', overall: '5' } },
        { urn: '100022', oeif: { start: '2019-13-01', overall: '2' } },
      ]),
    );
    const before = await hashOf(dir);
    const dry = await cli(['--data', dir, 'import', 'ofsted', bad, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.err).toContain('2 problems: the file would be refused.');
    expect(dry.err).toContain('row 2, "Latest OEIF overall effectiveness" (column BP), URN 100000: "5" is not a grade');
    expect(dry.err).toContain('row 3, "Inspection start date of latest OEIF graded inspection" (column BH), URN 100022: "2019-13-01" is not a real calendar date.');

    const dryJson = await cli(['--data', dir, 'import', 'ofsted', bad, '--dry-run', '--json']);
    expect(dryJson.code).toBe(1);
    expect((JSON.parse(dryJson.out) as OfstedImportPreview).errorCount).toBe(2);

    const commit = await cli(['--data', dir, 'import', 'ofsted', bad, '--json']);
    expect(commit.code).toBe(1);
    expect(commit.out).toBe('');
    expect(commit.err.split('\n')).toEqual([
      'bad.csv: 2 problems; nothing was imported. row 2, "Latest OEIF overall effectiveness" (column BP), URN 100000: "5" is not a grade (expected 1, 2, 3, 4, 9 or NULL).',
      '  row 3, "Inspection start date of latest OEIF graded inspection" (column BH), URN 100022: "2019-13-01" is not a real calendar date.',
    ]);
    expect(await hashOf(dir)).toBe(before);
  });

  it('exits 1 for a missing file and 2 for usage mistakes', async () => {
    const dir = await dataDir();
    const missing = await cli(['--data', dir, 'import', 'ofsted', path.join(dir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Cannot read .*nope\.csv: there is no such file/);
    for (const args of [
      ['--data', dir, 'import', 'ofsted'],
      ['--data', dir, 'import', 'ofsted', 'a.csv', 'b.csv'],
      ['--data', dir, 'import', 'ofsted', SAMPLE_FILE, '--year', '2025/26'],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/usage: hubdesk \[--data DIR\] import ofsted FILE/);
    }
  });
});
