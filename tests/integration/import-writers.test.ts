/**
 * Every importer reads what any conforming writer produces: one logical roll written by every writer
 * available here (exceljs, LibreOffice, openpyxl, XlsxWriter, hand-made workbooks, CSVs in each
 * encoding, separator and date order) imports to the same stored schools, field by field, and the
 * same funding; the one format hubdesk does not read (.xls) is refused by name, writing nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubFunding } from '../../shared/domain/funding';
import { openStore, databaseFile } from '../../electron/core/db/connection';
import { createContext } from '../../electron/core/context';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import type { FundingOverview, RollCommitResult, RollPreview } from '../../shared/contract';
import { contentHash, tempDir, TEST_NOW } from '../helpers/store';
import { LOGICAL_ROLL, WRITER_YEAR, writeWriterCorpus, type WriterFile } from '../fixtures/writers/generate';

let template: string;
let corpus: { files: WriterFile[]; missing: string[] };

beforeAll(async () => {
  template = tempDir('hubdesk-writers-');
  const store = await openStore(template);
  await loadDemoNetwork(createContext(store, { now: () => TEST_NOW, user: 'tester' }));
  await store.close();
  corpus = await writeWriterCorpus(tempDir('hubdesk-writer-files-'));
  if (corpus.missing.length > 0) console.warn(`Writers not installed here, left out of the corpus: ${corpus.missing.join(', ')} (.ci/run installs them).`);
}, 300_000);

afterAll(() => fs.rmSync(template, { recursive: true, force: true }));

/** The stored facts the roll sets, for the logical roll's schools. */
async function stored(dir: string) {
  const store = await openStore(dir);
  try {
    const rows = await store.db
      .selectFrom('memberships')
      .innerJoin('schools', 'schools.id', 'memberships.school_id')
      .innerJoin('hubs', 'hubs.id', 'memberships.hub_id')
      .innerJoin('membership_years', 'membership_years.id', 'memberships.year_id')
      .where('membership_years.label', '=', WRITER_YEAR)
      .select(['schools.urn', 'schools.name', 'schools.phase', 'schools.local_authority', 'schools.trust', 'schools.headteacher', 'schools.postcode', 'hubs.name as hub', 'memberships.pupils', 'memberships.status', 'memberships.fee_paid_on'])
      .orderBy('schools.urn')
      .execute();
    const ctx = createContext(store, { now: () => TEST_NOW, user: 'tester' });
    const funding = (await dispatch(ctx, 'listFunding', { year: WRITER_YEAR })) as { ok: true; value: FundingOverview };
    const hubs = await store.db.selectFrom('hubs').select('name').orderBy('name').execute();
    return { rows, aspire: funding.value.hubs.find((h) => h.hub === 'Aspire Hub')?.fundingPence, hubs: hubs.map((h) => h.name) };
  } finally {
    await store.close();
  }
}

async function importInto(dir: string, file: string): Promise<{ preview: RollPreview | null; commit: RollCommitResult | null; error: string | null }> {
  const store = await openStore(dir);
  try {
    const ctx = createContext(store, { now: () => TEST_NOW, user: 'tester' });
    const request = { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64'), year: WRITER_YEAR, confirmWarnings: true };
    const p = await dispatch(ctx, 'previewRollImport', request);
    if (!p.ok) return { preview: null, commit: null, error: p.error.message };
    const preview = p.value as RollPreview;
    if (!preview.canCommit) return { preview, commit: null, error: `cannot commit: ${JSON.stringify(preview.errors.slice(0, 3))}` };
    const c = await dispatch(ctx, 'commitRollImport', { year: WRITER_YEAR, confirmWarnings: true, stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash });
    if (!c.ok) return { preview, commit: null, error: c.error.message };
    return { preview, commit: c.value as RollCommitResult, error: null };
  } finally {
    await store.close();
  }
}

describe('one roll, every writer', () => {
  it('covers exceljs (normal and streaming), hand-made workbooks and CSVs in every encoding, separator and date order', () => {
    const writers = corpus.files.map((f) => f.writer);
    expect(writers).toEqual(expect.arrayContaining(['exceljs', 'exceljs (streaming)', 'hand-assembled minimal xlsx', 'hand-assembled Strict Open XML, 1904 dates']));
    expect(writers.filter((w) => w.startsWith('CSV'))).toHaveLength(7);
  });

  it('imports every file to the same stored schools and funding, or refuses it by its format with nothing written', async () => {
    const expected = LOGICAL_ROLL.map((s) => ({
      urn: s.urn,
      name: s.name,
      phase: s.phase,
      local_authority: s.la,
      trust: s.trust,
      headteacher: s.head,
      postcode: s.postcode,
      hub: s.hub,
      pupils: s.pupils,
      status: s.status.toLowerCase(),
      fee_paid_on: s.feePaid,
    }));
    const funding = hubFunding(LOGICAL_ROLL.map((s) => ({ urn: s.urn, pupils: s.pupils }))).fundingPence;
    const failures: string[] = [];
    let imported = 0;
    for (const w of corpus.files) {
      const dir = tempDir('hubdesk-writer-');
      fs.copyFileSync(databaseFile(template), databaseFile(dir));
      const before = await (async () => {
        const s = await openStore(dir);
        const h = contentHash(s.sqlite);
        await s.close();
        return h;
      })();
      const r = await importInto(dir, w.file);
      if (w.refused) {
        if (r.error === null || !w.refused.test(r.error)) failures.push(`${w.writer}: expected a refusal matching ${w.refused}, got ${r.error ?? 'an import'}`);
        const s = await openStore(dir);
        if (contentHash(s.sqlite) !== before) failures.push(`${w.writer}: the store changed`);
        await s.close();
        continue;
      }
      if (r.error) {
        failures.push(`${w.writer}: ${r.error}`);
        continue;
      }
      const got = await stored(dir);
      try {
        expect(got.rows, w.writer).toEqual(expected);
        expect(got.aspire, `${w.writer}: Aspire Hub's funding`).toBe(funding);
        expect(got.hubs.filter((h) => /aspire/i.test(h)), `${w.writer}: no hub was made from a rich-text name`).toEqual(['Aspire Hub']);
        imported += 1;
      } catch (error) {
        failures.push(`${w.writer}: ${(error as Error).message.slice(0, 1500)}`);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
    expect(imported).toBe(corpus.files.filter((f) => !f.refused).length);
  }, 600_000);
});
