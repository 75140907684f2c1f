import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { HEADER_2026, buildCsv, buildXlsx, nationalSchools } from '../fixtures/ofsted/generate';

/**
 * National size: Ofsted's file has ~21,900 rows × 85 columns. The importer loads member URNs and
 * stored inspection keys once and inserts in chunks, so the time is reading the file, not queries.
 */
const ROWS = 22_000;
const MEMBERS = 450;

let t: TestStore;
let csv: Buffer;

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

/** A preview then the commit of what it staged, as the screens and the CLI do. */
async function importFile(file: RequestOf<'previewOfstedImport'>): Promise<ResponseOf<'commitOfstedImport'>> {
  const p = await call('previewOfstedImport', file);
  return call('commitOfstedImport', { stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash, allSchools: file.allSchools });
}

/** Runs a step, reporting its time for whoever reads the log (speed is measured by `npm run bench`, not asserted). */
async function timed<T>(what: string, f: () => Promise<T>): Promise<{ value: T }> {
  const start = performance.now();
  const value = await f();
  console.log(`${what}: ${Math.round(performance.now() - start)} ms`);
  return { value };
}

beforeAll(async () => {
  t = await openTestStore();
  const now = '2026-11-01T09:00:00.000Z';
  // Every 47th school of the file is a member (spread over the file and over the four kinds of row).
  const urns = Array.from({ length: MEMBERS }, (_, k) => String(100000 + k * 47));
  for (let i = 0; i < urns.length; i += 100) {
    await t.ctx.db
      .insertInto('schools')
      .values(
        urns.slice(i, i + 100).map((urn) => ({
          urn, name: `Member ${urn}`, phase: 'Primary', school_type: null, local_authority: null, trust: null, postcode: null, headteacher: null,
          headteacher_since: null, email: null, phone: null, merged_into_school_id: null, import_batch_id: null, created_at: now, updated_at: now,
        })),
      )
      .execute();
  }
  csv = buildCsv('2026', nationalSchools(ROWS), { bom: true });
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe(`a national file: ${ROWS.toLocaleString('en-GB')} rows × 85 columns`, () => {
  it('previews and commits the member schools, then re-imports nothing', async () => {
    expect(HEADER_2026).toHaveLength(85);
    const file = { fileName: 'ofsted_as_at_31_Oct_2026.csv', contentBase64: csv.toString('base64') };
    const before = (await storeHash(t.store));
    const preview = await timed('preview, members only', () => call('previewOfstedImport', file));
    expect((await storeHash(t.store))).toBe(before);
    expect(preview.value).toMatchObject({ rows: ROWS, rowsKept: MEMBERS, rowsIgnored: ROWS - MEMBERS, errorCount: 0 });

    const commit = await timed('commit, members only', () => call('commitOfstedImport', { stagingId: preview.value.stagingId, sha256: preview.value.sha256, diffHash: preview.value.diffHash }));
    expect(commit.value.inspectionsAdded).toBe(preview.value.newInspections);

    const again = await timed('re-import, members only', () => importFile(file));
    expect(again.value).toMatchObject({ batchId: null, inspectionsAdded: 0, duplicatesSkipped: preview.value.newInspections });
  });

  it('imports every school with allSchools in one transaction', async () => {
    const file = { fileName: 'ofsted_as_at_31_Oct_2026.csv', contentBase64: csv.toString('base64'), allSchools: true };
    const commit = await timed('preview and commit, all schools', () => importFile(file));
    // Every row: 1 OEIF / interim inspection, a quarter with a report card, a quarter with an ungraded one;
    // the members' inspections are already stored.
    expect(commit.value.inspectionsAdded + commit.value.duplicatesSkipped).toBe(ROWS * 1.5);
    const n = await t.ctx.db.selectFrom('ofsted_inspections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(ROWS * 1.5);
  });

  it('reads the same rows from an XLSX workbook with the streaming reader', async () => {
    const xlsx = await timed('build xlsx', () => buildXlsx('2026', nationalSchools(ROWS)));
    const preview = await timed('preview xlsx, members only', () => call('previewOfstedImport', { fileName: 'ofsted.xlsx', contentBase64: xlsx.value.toString('base64') }));
    expect(preview.value).toMatchObject({ format: 'xlsx', rows: ROWS, rowsKept: MEMBERS, errorCount: 0, newInspections: 0 });
  });
});
