/**
 * School data from GIAS: a generated extract in the real layout and encoding (120 columns,
 * Windows-1252, dd-mm-yyyy), with a closed member school and the links file naming its successor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, TEST_TODAY, type TestStore, storeHash, storeRows, expectBackupTaken } from '../helpers/store';
import { giasExtract, giasHeader, giasLinks, GIAS_SAMPLE_FILE, type GiasSchool } from '../fixtures/gias/generate';
import fs from 'node:fs';

let t: TestStore;

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

async function refusal<M extends MethodName>(method: M, request: RequestOf<M>): Promise<string> {
  const before = (await storeHash(t.store));
  const r = await dispatch(t.ctx, method, request);
  expect((await storeHash(t.store))).toBe(before);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r.error.message;
}

const b64 = (b: Buffer) => b.toString('base64');

/** Every row of the tables an import or a merge touches, in a fixed order (undo may put a row back under another id). */
async function snapshot(): Promise<Record<string, string[]>> {
  const all = await storeRows(t.store);
  return Object.fromEntries(['schools', 'memberships', 'school_links', 'contacts', 'qa_reviews', 'reviewer_assignments', 'reviewer_trainings', 'meeting_attendance', 'support_requests'].map((table) => [table, all[table]!]));
}

/** Demo members (Aspire Hub, 2026/27) as GIAS would list them, one with a new head, trust and name. */
const schools: GiasSchool[] = [
  { urn: '104829', name: 'Cowley International College', phase: 'Secondary', la: 'St. Helens', headFirst: 'Martin', headLast: 'Novak', postcode: 'WA10 6PN', pupils: 1602, type: 'Voluntary aided school' },
  { urn: '104834', name: 'De La Salle School', phase: 'Secondary', la: 'St. Helens', headFirst: 'Siobhán', headLast: 'O’Neill', postcode: 'WA10 4QH', pupils: 1118, trust: 'Emmaus Catholic Multi Academy Company' },
  { urn: '111430', name: 'Culcheth High School', phase: 'Secondary', la: 'Warrington', trust: 'Wade Deacon Trust', headFirst: 'Rebecca', headLast: 'Gibson', postcode: 'WA3 5HH', pupils: 1210 },
  // Closed: it converted and has a new URN (the successor, not yet in hubdesk).
  { urn: '111457', name: 'Saints Peter and Paul Catholic High School', phase: 'Secondary', la: 'Halton', status: 'Closed', closeDate: '31-08-2024', closeReason: 'Academy converter', headFirst: 'Imran', headLast: 'Quinn', postcode: 'WA8 7DW', pupils: 1491 },
  { urn: '149001', name: 'Saints Peter and Paul Catholic College', phase: 'Secondary', la: 'Halton', status: 'Open', type: 'Academy converter', trust: 'Emmaus Catholic Multi Academy Company', headFirst: 'Imran', headLast: 'Quinn', postcode: 'WA8 7DW', pupils: 1502 },
  // Not members: read past.
  { urn: '400001', name: 'Somewhere Else Primary', pupils: 200 },
  { urn: '400002', name: 'Another School', pupils: 300 },
];
const links = [
  { urn: '111457', linkUrn: '149001', linkName: 'Saints Peter and Paul Catholic College', linkType: 'Successor', established: '01-09-2024' },
  { urn: '149001', linkUrn: '111457', linkName: 'Saints Peter and Paul Catholic High School', linkType: 'Predecessor', established: '01-09-2024' },
];

beforeAll(async () => {
  t = await openTestStore();
  await call('loadDemo', { confirm: true });
});
afterAll(async () => {
  await t?.close();
});

describe('GIAS school data', () => {
  it('previews changes per member school, reads Windows-1252, leaves the roll pupils and funding alone, and lists the closed school with its successor', async () => {
    const before = (await storeHash(t.store));
    const p = await call('previewGiasImport', { fileName: 'edubasealldata.csv', contentBase64: b64(giasExtract(schools)), linksFileName: 'links.csv', linksContentBase64: b64(giasLinks(links)) });
    expect((await storeHash(t.store))).toBe(before);
    expect(p).toMatchObject({ format: 'csv', encoding: 'Windows-1252', rowsRead: 7, membersInFile: 4, errorCount: 0, canCommit: true, pupilsYear: null, pupilChanges: [], funding: [] });
    const byUrn = new Map(p.changes.map((c) => [c.urn, c.changes]));
    expect(byUrn.get('104834')).toEqual(
      expect.arrayContaining([
        { field: 'headteacher', before: 'Tariq Hussain', after: 'Siobhán O’Neill' },
        { field: 'trust', before: null, after: 'Emmaus Catholic Multi Academy Company' },
        { field: 'pupils (GIAS)', before: null, after: 1118 },
        { field: 'census date', before: null, after: '2025-01-16' },
        { field: 'status', before: null, after: 'Open' },
      ]),
    );
    expect(byUrn.get('104829')).toEqual(expect.arrayContaining([{ field: 'type', before: 'Foundation school', after: 'Voluntary aided school' }, { field: 'pupils (GIAS)', before: null, after: 1602 }]));
    expect(p.closed).toEqual([
      expect.objectContaining({ urn: '111457', status: 'Closed', closedOn: '2024-08-31', reason: 'Academy converter', successor: { urn: '149001', name: 'Saints Peter and Paul Catholic College', schoolId: null, version: null } }),
    ]);
    expect(p.successorsAdded).toEqual([{ urn: '149001', name: 'Saints Peter and Paul Catholic College' }]);
    expect(p.linksAdded).toBe(1);
  });

  it('commits all or nothing after a backup, keeps the roll pupils, and the closed school merges into its successor in one call; undo restores the store', async () => {
    const funding = await call('listFunding', { year: '2026/27' });
    const beforeRows = await snapshot();
    const p = await call('previewGiasImport', { fileName: 'edubasealldata.csv', contentBase64: b64(giasExtract(schools)), linksFileName: 'links.csv', linksContentBase64: b64(giasLinks(links)) });
    const r = await call('commitGiasImport', { stagingId: p.stagingId, linksStagingId: p.linksStagingId!, sha256: p.sha256, diffHash: p.diffHash });
    expect(r).toMatchObject({ successorsAdded: 1, linksAdded: 1 });
    expect(r.batchId).toBeGreaterThan(0);
    expectBackupTaken(t.store, r.backupFile, /before-import-gias/);
    const school = await t.ctx.db.selectFrom('schools').selectAll().where('urn', '=', '104834').executeTakeFirstOrThrow();
    expect(school).toMatchObject({ headteacher: 'Siobhán O’Neill', headteacher_since: TEST_TODAY, trust: 'Emmaus Catholic Multi Academy Company', gias_pupils: 1118, gias_census_date: '2025-01-16', establishment_status: 'Open' });
    // Funding follows the roll, which the import left alone.
    expect(await call('listFunding', { year: '2026/27' })).toEqual(funding);

    const closed = await call('listGiasClosedSchools', {});
    expect(closed).toHaveLength(1);
    const c = closed[0]!;
    expect(c.successor).toMatchObject({ urn: '149001', schoolId: expect.any(Number) });
    const merged = await call('mergeSchools', { fromSchoolId: c.schoolId, intoSchoolId: c.successor!.schoolId!, fromVersion: c.version, intoVersion: c.successor!.version! });
    expect(merged).toBeTruthy();
    expect(await call('listGiasClosedSchools', {})).toEqual([]);
    // The merge is undone as a change by hand, then the GIAS import like any import: the store is as before.
    await call('undoLastChange', {});
    await call('undoImportBatch', { batchId: r.batchId!, confirm: true });
    expect(await snapshot()).toEqual(beforeRows);
    const restored = await t.ctx.db.selectFrom('schools').selectAll().where('urn', '=', '104834').executeTakeFirstOrThrow();
    expect(restored).toMatchObject({ headteacher: 'Tariq Hussain', trust: null, gias_pupils: null, establishment_status: null });
    expect(await t.ctx.db.selectFrom('schools').select('id').where('urn', '=', '149001').executeTakeFirst()).toBeUndefined();
  });

  it('changes the roll pupils only for the year the person names, showing the funding effect', async () => {
    const p = await call('previewGiasImport', { fileName: 'edubasealldata.csv', contentBase64: b64(giasExtract(schools)), pupilsForYear: '2026/27' });
    expect(p.pupilsYear).toBe('2026/27');
    expect(p.pupilChanges).toEqual([
      { urn: '104829', name: 'Cowley International College', hub: 'Aspire Hub', before: 1550, after: 1602, censusDate: '2025-01-16' },
      { urn: '111457', name: 'Saints Peter and Paul Catholic High School', hub: 'Aspire Hub', before: 1491, after: 1491, censusDate: '2025-01-16' },
    ].filter((c) => c.before !== c.after));
    expect(p.funding).toHaveLength(1);
    expect(p.funding[0]).toMatchObject({ hub: 'Aspire Hub' });
    // 1550 → 1602 pupils: both over the 1,215 cap, so the hub's funding does not move.
    expect(p.funding[0]!.afterPence - p.funding[0]!.beforePence).toBe(0);
    const r = await call('commitGiasImport', { stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash, pupilsForYear: '2026/27' });
    expect(r.pupilChanges).toBe(1);
    await call('undoImportBatch', { batchId: r.batchId!, confirm: true });
  });

  it('reads GIAS’s own published sample (real rows, UTF-8)', async () => {
    const p = await call('previewGiasImport', { fileName: 'gias-sample.csv', contentBase64: b64(fs.readFileSync(GIAS_SAMPLE_FILE)) });
    expect(p).toMatchObject({ format: 'csv', encoding: 'UTF-8', rowsRead: 19, errorCount: 0 });
  });

  it('refuses a file without its URN column, or that is not GIAS’s, with the database unchanged', async () => {
    const header = giasHeader().filter((h) => h !== 'URN');
    expect(await refusal('previewGiasImport', { fileName: 'no-urn.csv', contentBase64: b64(giasExtract(schools, { header })) })).toMatch(/no-urn\.csv is not GIAS's establishment extract: it has no "URN" column/);
    const noStatus = giasHeader().filter((h) => h !== 'EstablishmentStatus (name)');
    expect(await refusal('previewGiasImport', { fileName: 'old.csv', contentBase64: b64(giasExtract(schools, { header: noStatus })) })).toMatch(/has no "EstablishmentStatus \(name\)" column/);
    expect(await refusal('previewGiasImport', { fileName: 'links.csv', contentBase64: b64(Buffer.from('URN,LinkURN\n100000,100001\n')) })).toMatch(/is not GIAS's establishment extract/);
  });

  it('refuses a member school’s unreadable row, naming it, and the commit writes nothing', async () => {
    const bad = schools.map((s) => (s.urn === '104829' ? { ...s, censusDate: '32-13-2025' } : s));
    const p = await call('previewGiasImport', { fileName: 'bad.csv', contentBase64: b64(giasExtract(bad)) });
    expect(p.canCommit).toBe(false);
    expect(p.errors[0]).toMatchObject({ column: 'CensusDate', message: '"32-13-2025" is not a date (GIAS writes dd-mm-yyyy)' });
    expect(await refusal('commitGiasImport', { stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash })).toMatch(/1 problem in member schools' rows; nothing was imported/);
    // The same problem in a school that is not a member does not stop the import.
    const other = schools.map((s) => (s.urn === '400001' ? { ...s, censusDate: '32-13-2025' } : s));
    expect((await call('previewGiasImport', { fileName: 'ok.csv', contentBase64: b64(giasExtract(other)) })).canCommit).toBe(true);
  });
});

/**
 * Files saved by Excel on a Mac as "CSV (Macintosh)": Mac Roman's ’ is a capital Õ inside a word in
 * Windows-1252 and its á a ‡, and its ™ after a letter is plausible in no encoding, so nothing is
 * guessed: the preview asks, naming the file, with a row of that file read in each likely encoding.
 */
describe('a GIAS file whose encoding cannot be told', () => {
  const macSchools = schools.map((s) => (s.urn === '104834' ? { ...s, trust: 'St Anne’s ThinkWell™ Learning Trust' } : s));

  it('asks the extract’s encoding with sample rows, refuses to commit until it is chosen, then stores the names right', async () => {
    const extract = b64(giasExtract(macSchools, { encoding: 'macintosh' }));
    const p = await call('previewGiasImport', { fileName: 'edubase-mac.csv', contentBase64: extract, linksFileName: 'links.csv', linksContentBase64: b64(giasLinks(links)) });
    expect(p).toMatchObject({ canCommit: false, linksEncodingChoice: null });
    expect(p.encodingChoice?.reason).toMatch(/its bytes are not UTF-8, and no other encoding reads its accented letters and punctuation plausibly/);
    const samples = new Map(p.encodingChoice!.options.map((o) => [o.encoding, o.sample]));
    expect([...samples.keys()].sort()).toEqual(['DOS Latin (850)', 'Mac Roman', 'Windows-1252']);
    // The row is 1 KB: the sample starts at the field of its first accented letter (the trust), so the name in question shows.
    expect(samples.get('Mac Roman')).toMatch(/^…"St Anne’s ThinkWell™ Learning Trust",.*…$/);
    expect(samples.get('Windows-1252')).toMatch(/^…"St AnneÕs ThinkWellª Learning Trust",.*…$/);
    expect(p.errors[0]).toMatchObject({ row: null, message: expect.stringMatching(/^edubase-mac\.csv: the text encoding cannot be told/) });

    expect(await refusal('commitGiasImport', { stagingId: p.stagingId, linksStagingId: p.linksStagingId!, sha256: p.sha256, diffHash: p.diffHash })).toMatch(
      /edubase-mac\.csv: 1 problem; nothing was imported\. First: edubase-mac\.csv: the text encoding cannot be told/,
    );

    const chosen = await call('previewGiasImport', { stagingId: p.stagingId, linksStagingId: p.linksStagingId!, encoding: 'Mac Roman' });
    expect(chosen).toMatchObject({ encoding: 'Mac Roman', encodingChoice: null, errorCount: 0, canCommit: true });
    expect(chosen.changes.find((c) => c.urn === '104834')?.changes).toEqual(
      expect.arrayContaining([
        { field: 'headteacher', before: 'Tariq Hussain', after: 'Siobhán O’Neill' },
        { field: 'trust', before: null, after: 'St Anne’s ThinkWell™ Learning Trust' },
      ]),
    );
    const r = await call('commitGiasImport', { stagingId: chosen.stagingId, linksStagingId: chosen.linksStagingId!, sha256: chosen.sha256, diffHash: chosen.diffHash, encoding: 'Mac Roman' });
    const school = await t.ctx.db.selectFrom('schools').selectAll().where('urn', '=', '104834').executeTakeFirstOrThrow();
    expect(school).toMatchObject({ headteacher: 'Siobhán O’Neill', trust: 'St Anne’s ThinkWell™ Learning Trust' });
    // The import's record keeps how each file was read, as Ofsted's does.
    const record = (await call('listImportBatches', { kind: 'gias' })).find((batch) => batch.id === r.batchId)!;
    expect(record.summary).toMatchObject({ format: 'csv', encoding: 'Mac Roman', links: 'links.csv', linksEncoding: 'UTF-8' });
    await call('undoImportBatch', { batchId: r.batchId!, confirm: true });
  });

  it('asks the links file’s encoding on its own, naming that file, and reads its names right once chosen', async () => {
    const macLinks = [{ urn: '111457', linkUrn: '149999', linkName: 'St Anne’s ThinkWell™ Academy', linkType: 'Successor', established: '01-09-2024' }];
    const p = await call('previewGiasImport', {
      fileName: 'edubasealldata.csv',
      contentBase64: b64(giasExtract(schools)),
      linksFileName: 'links-mac.csv',
      linksContentBase64: b64(giasLinks(macLinks, { encoding: 'macintosh' })),
    });
    expect(p).toMatchObject({ canCommit: false, encoding: 'Windows-1252', encodingChoice: null });
    const samples = new Map(p.linksEncodingChoice!.options.map((o) => [o.encoding, o.sample]));
    expect(samples.get('Mac Roman')).toBe('111457,149999,"St Anne’s ThinkWell™ Academy","Successor","01-09-2024"');
    expect(samples.get('Windows-1252')).toBe('111457,149999,"St AnneÕs ThinkWellª Academy","Successor","01-09-2024"');
    expect(p.errors[0]!.message).toMatch(/^links-mac\.csv: the text encoding cannot be told/);
    expect(await refusal('commitGiasImport', { stagingId: p.stagingId, linksStagingId: p.linksStagingId!, sha256: p.sha256, diffHash: p.diffHash })).toMatch(/links-mac\.csv: the text encoding cannot be told/);

    // The extract's encoding is not the links file's: choosing it leaves the question about the links file open.
    const wrongFile = await call('previewGiasImport', { stagingId: p.stagingId, linksStagingId: p.linksStagingId!, encoding: 'Mac Roman' });
    expect(wrongFile.linksEncodingChoice).not.toBeNull();
    const chosen = await call('previewGiasImport', { stagingId: p.stagingId, linksStagingId: p.linksStagingId!, linksEncoding: 'Mac Roman' });
    expect(chosen).toMatchObject({ linksEncoding: 'Mac Roman', linksEncodingChoice: null, errorCount: 0, canCommit: true });
    expect(chosen.closed.find((c) => c.urn === '111457')?.successor?.name).toBe('St Anne’s ThinkWell™ Academy');
    const r = await call('commitGiasImport', { stagingId: chosen.stagingId, linksStagingId: chosen.linksStagingId!, sha256: chosen.sha256, diffHash: chosen.diffHash, linksEncoding: 'Mac Roman' });
    const link = await t.ctx.db.selectFrom('school_links').select(['link_name']).where('link_urn', '=', '149999').executeTakeFirstOrThrow();
    expect(link.link_name).toBe('St Anne’s ThinkWell™ Academy');
    const record = (await call('listImportBatches', { kind: 'gias' })).find((batch) => batch.id === r.batchId)!;
    expect(record.summary).toMatchObject({ encoding: 'Windows-1252', links: 'links-mac.csv', linksEncoding: 'Mac Roman' });
    await call('undoImportBatch', { batchId: r.batchId!, confirm: true });
  });
});
