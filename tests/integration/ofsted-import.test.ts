import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { listBackups } from '../../electron/core/db/backups';
import { vulnerableFlag } from '../../shared/domain/vulnerable';
import type { OfstedInspection } from '../../shared/domain/ofsted';
import type { OfstedFramework } from '../../shared/domain/vocabulary';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import type { OfstedImportPreview } from '../../shared/contract/ofsted-import';
import { openTestStore, tempDir, type TestStore, storeHash, expectBackupTaken } from '../helpers/store';
import iconv from 'iconv-lite';
import { SAMPLE_FILE, buildCsv, buildXlsx, convertWithLibreOffice, csvText, type FixtureSchool } from '../fixtures/ofsted/generate';

let t: TestStore;

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

/** Imports a file as the screens do: a preview sends it, the commit names what the preview staged. */
async function commitEnvelope(request: RequestOf<'previewOfstedImport'>) {
  const p = await dispatch(t.ctx, 'previewOfstedImport', request);
  if (!p.ok) return p;
  const v = p.value as ResponseOf<'previewOfstedImport'>;
  return dispatch(t.ctx, 'commitOfstedImport', { stagingId: v.stagingId, sha256: v.sha256, diffHash: v.diffHash, allSchools: request.allSchools });
}

async function imported(request: RequestOf<'previewOfstedImport'>): Promise<ResponseOf<'commitOfstedImport'>> {
  const r = await commitEnvelope(request);
  if (!r.ok) throw new Error(`commitOfstedImport: ${r.error.message}`);
  return r.value as ResponseOf<'commitOfstedImport'>;
}

async function addMembers(...urns: string[]): Promise<void> {
  const now = '2026-11-01T09:00:00.000Z';
  await t.ctx.db
    .insertInto('schools')
    .values(
      urns.map((urn) => ({
        urn, name: `Member ${urn}`, phase: 'Primary', school_type: null, local_authority: null, trust: null, postcode: null, headteacher: null,
        headteacher_since: null, email: null, phone: null, merged_into_school_id: null, import_batch_id: null, created_at: now, updated_at: now,
      })),
    )
    .execute();
}

const file = (bytes: Buffer, fileName = 'ofsted.csv', allSchools?: boolean) => ({
  fileName,
  contentBase64: bytes.toString('base64'),
  ...(allSchools === undefined ? {} : { allSchools }),
});

/** Every stored inspection of a URN with its judgements, oldest first. */
async function stored(urn: string) {
  const rows = await t.ctx.db.selectFrom('ofsted_inspections').where('urn', '=', urn).selectAll().orderBy('start_date').orderBy('framework').execute();
  const out = [];
  for (const r of rows) {
    const judgements = await t.ctx.db
      .selectFrom('ofsted_judgements')
      .where('inspection_id', '=', r.id)
      .select(['area', 'grade', 'grade_date'])
      .orderBy('id')
      .execute();
    out.push({ ...r, judgements: judgements.map((j) => [j.area, j.grade, j.grade_date]) });
  }
  return out;
}

function asDomain(rows: Awaited<ReturnType<typeof stored>>): OfstedInspection[] {
  return rows.map((r) => ({
    startDate: r.start_date,
    publicationDate: r.publication_date,
    framework: r.framework as OfstedFramework,
    inspectionType: r.inspection_type,
    categoryOfConcern: r.category_of_concern,
    outcomeText: r.outcome_text,
    judgements: r.judgements.map(([area, grade, gradeDate]) => ({ area: area!, grade: grade!, gradeDate: gradeDate ?? null })),
  }));
}

async function counts() {
  const n = async (table: 'ofsted_inspections' | 'ofsted_judgements' | 'import_batches') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { inspections: await n('ofsted_inspections'), judgements: await n('ofsted_judgements'), batches: await n('import_batches') };
}

beforeEach(async () => {
  t = await openTestStore();
});
afterEach(async () => {
  await t.close();
});

/* ------------------------------------------------------------------ the real sample */

describe('the real published sample (3 rows, 85 columns)', () => {
  const sample = () => fs.readFileSync(SAMPLE_FILE);

  it('previews member schools only, writes nothing, and dates the file by its latest publication date', async () => {
    await addMembers('100000', '100022', '999999');
    const before = (await storeHash(t.store));
    const p = await call('previewOfstedImport', file(sample(), path.basename(SAMPLE_FILE)));
    expect((await storeHash(t.store))).toBe(before);
    expect(p).toMatchObject({
      format: 'csv', encoding: 'UTF-8', headerRow: 1, rows: 3, rowsKept: 2, rowsIgnored: 1, blankRows: 0,
      newInspections: 3, newJudgements: 16, duplicatesSkipped: 0, newByFramework: { oeif: 2, ungraded: 1 },
      sourceAsAt: '2025-01-29', sourceAsAtFrom: 'latest publication date', errorCount: 0, warningCount: 0, canCommit: true, previousImport: null,
    });
    expect(p.membersNotInFile).toEqual([{ urn: '999999', name: 'Member 999999' }]);
    expect(p.schools.map((s) => [s.urn, s.name, s.row, s.newInspections.map((i) => `${i.framework} ${i.startDate}`)])).toEqual([
      ['100000', 'The Aldgate School', 2, ['oeif 2024-06-12']],
      ['100022', 'Richard Cobden Primary School', 4, ['oeif 2019-10-16', 'ungraded 2024-12-18']],
    ]);
  });

  it('commits: the grades exactly as published (9 stored as given, NULL giving no judgement), with provenance, a backup and an audit entry', async () => {
    await addMembers('100000', '100022');
    const r = await imported(file(sample(), 'ofsted-mi-2026-sample.csv'));
    expect(r).toMatchObject({ inspectionsAdded: 3, judgementsAdded: 16, schools: 2, duplicatesSkipped: 0, rowsIgnored: 1, sourceAsAt: '2025-01-29' });
    expect(r.batchId).toBeGreaterThan(0);
    expectBackupTaken(t.store, r.backupFile, /before-import-ofsted/);

    const aldgate = await stored('100000');
    expect(aldgate).toHaveLength(1);
    expect(aldgate[0]).toMatchObject({
      framework: 'oeif', start_date: '2024-06-12', publication_date: '2024-07-11', inspection_number: '10323215', inspection_type: 'S5 Inspection',
      category_of_concern: null, outcome_text: null, import_batch_id: r.batchId, source_as_at: '2025-01-29', urn_at_inspection: null,
    });
    expect(aldgate[0]!.judgements).toEqual([
      ['Overall effectiveness', '1', '2024-06-12'],
      ['Quality of education', '1', '2024-06-12'],
      ['Behaviour and attitudes', '1', '2024-06-12'],
      ['Personal development', '1', '2024-06-12'],
      ['Leadership and management', '1', '2024-06-12'],
      ['Safeguarding is effective?', 'Yes', '2024-06-12'],
      ['Early years provision', '2', '2024-06-12'],
      ['Sixth form provision', '9', '2024-06-12'], // 9 (not applicable) is stored as given, never read as a grade
    ]);
    const cobden = await stored('100022');
    expect(cobden.map((i) => [i.framework, i.start_date, i.outcome_text, i.judgements.length])).toEqual([
      ['oeif', '2019-10-16', null, 8],
      ['ungraded', '2024-12-18', 'Standards maintained', 0],
    ]);
    expect(await stored('100008')).toEqual([]); // not a member

    const batch = await t.ctx.db.selectFrom('import_batches').where('id', '=', r.batchId!).selectAll().executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ kind: 'ofsted', file_name: 'ofsted-mi-2026-sample.csv', source_as_at: '2025-01-29', row_count: 3, created_by: 'tester', undone_at: null });
    expect(batch.sha256).toBe(crypto.createHash('sha256').update(sample()).digest('hex'));
    expect(JSON.parse(batch.summary_json)).toMatchObject({ inspectionsAdded: 3, judgementsAdded: 16, rowsIgnored: 1, byFramework: { oeif: 2, ungraded: 1 } });
    const audit = await t.ctx.db.selectFrom('audit_log').where('import_batch_id', '=', r.batchId!).selectAll().execute();
    expect(audit.map((a) => [a.action, a.entity, a.entity_id, a.os_user])).toEqual([['import', 'import_batch', String(r.batchId), 'tester']]);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ kind: 'ofsted', fileName: 'ofsted-mi-2026-sample.csv', summary: { inspectionsAdded: 3 } });
  });

  it('never duplicates on re-import: the preview counts what is stored, and the commit writes nothing at all', async () => {
    await addMembers('100000', '100022');
    const first = await imported(file(sample()));
    const before = (await storeHash(t.store));
    const backups = listBackups(t.store).length;
    const p = await call('previewOfstedImport', file(sample()));
    expect(p).toMatchObject({ newInspections: 0, duplicatesSkipped: 3, previousImport: { batchId: first.batchId }, canCommit: true });
    expect(p.schools.map((s) => [s.urn, s.newInspections.length, s.duplicates])).toEqual([
      ['100000', 0, 1],
      ['100022', 0, 2],
    ]);
    const again = await imported(file(sample()));
    expect(again).toMatchObject({ batchId: null, inspectionsAdded: 0, duplicatesSkipped: 3, backupFile: null });
    expect(again.message).toMatch(/nothing was written/);
    expect((await storeHash(t.store))).toBe(before);
    expect(listBackups(t.store)).toHaveLength(backups);
  });

  it('with allSchools keeps every school, and a later member-only import finds them all stored', async () => {
    const r = await imported(file(sample(), 'ofsted.csv', true));
    expect(r).toMatchObject({ inspectionsAdded: 4, schools: 3, rowsIgnored: 0 });
    expect((await stored('100008')).map((i) => i.framework)).toEqual(['oeif']);
    await addMembers('100008');
    const p = await call('previewOfstedImport', file(sample()));
    expect(p).toMatchObject({ rowsKept: 1, newInspections: 0, duplicatesSkipped: 1 });
  });
});

/* ------------------------------------------------------------------ every framework */

const frameworks2026: FixtureSchool[] = [
  {
    // A report card this term placing the school in special measures, safeguarding not met; areas dated separately.
    urn: '200001',
    name: 'Report Card Academy',
    reportCard: {
      start: '06/10/2026',
      published: '12/11/2026',
      category: 'Special Measures',
      grades: {
        safeguarding: 'Not met',
        inclusion: ['Needs attention', '08/10/2026'],
        curriculum: 'Urgent improvement',
        achievement: 'Expected standard',
        attendance: 'Strong standard',
        personal: 'Exceptional',
        earlyYears: '9',
        post16: 'NULL',
        leadership: 'Urgent improvement',
      },
    },
    oeif: { start: '14/03/2019', overall: '3', quality: '3', behaviour: '2', personal: '2', leadership: '3', safeguarding: 'Yes', earlyYears: '2', sixthForm: '9' },
  },
  {
    // Interim (2024–25): overall "Not judged", key judgements only.
    urn: '200002',
    name: 'Interim Primary',
    oeif: { start: '04/02/2025', overall: 'Not judged', quality: '2', behaviour: '1', personal: '1', leadership: '2', safeguarding: 'Yes', earlyYears: '2', sixthForm: '9' },
  },
  {
    // OEIF graded, inadequate, serious weaknesses, safeguarding not effective.
    urn: '200003',
    name: 'Concern High School',
    phase: 'Secondary',
    oeif: { start: '11/01/2024', overall: '4', category: 'Serious Weaknesses', quality: '4', behaviour: '3', personal: '3', leadership: '4', safeguarding: 'No', earlyYears: '9', sixthForm: '3' },
  },
  {
    // An ungraded inspection after a graded one; the text outcome kept as given.
    urn: '200004',
    name: 'Ungraded Infant School',
    oeif: { start: '20/09/2022', overall: '2', quality: '2', behaviour: '2', personal: '2', leadership: '2', safeguarding: 'Yes', earlyYears: '1', sixthForm: '9' },
    ungraded: { date: '05/03/2025', outcome: 'Some aspects not as strong' },
  },
  {
    // The latest graded inspection was of the predecessor school (a conversion gave a new URN).
    urn: '200005',
    name: 'Converted Academy',
    oeif: { start: '02/05/2017', urnAtTime: '123456', overall: '2', quality: '2', behaviour: '2', personal: '2', leadership: '2', safeguarding: 'Yes', earlyYears: '9', sixthForm: '9' },
  },
  {
    // Never inspected: every column NULL.
    urn: '200006',
    name: 'New Free School',
  },
];

describe('every framework, 2026 layout', () => {
  beforeEach(async () => {
    await addMembers('200001', '200002', '200003', '200004', '200005', '200006');
  });

  it('stores report cards with their words and dates of grade, and never an overall grade', async () => {
    const r = await imported(file(buildCsv('2026', frameworks2026), 'Management_information_-_state-funded_schools_as_at_31_Oct_2026.csv'));
    expect(r).toMatchObject({ inspectionsAdded: 7, sourceAsAt: '2026-10-31', schools: 5 });
    const a = await stored('200001');
    expect(a.map((i) => [i.framework, i.start_date, i.category_of_concern])).toEqual([
      ['oeif', '2019-03-14', null],
      ['report_card', '2026-10-06', 'Special Measures'],
    ]);
    expect(a[1]!.judgements).toEqual([
      ['Safeguarding standards', 'Not met', '2026-10-06'],
      ['Inclusion', 'Needs attention', '2026-10-08'],
      ['Curriculum and teaching', 'Urgent improvement', '2026-10-06'],
      ['Achievement', 'Expected standard', '2026-10-06'],
      ['Attendance and behaviour', 'Strong standard', '2026-10-06'],
      ['Personal development and wellbeing', 'Exceptional', '2026-10-06'],
      ['Early years', '9', '2026-10-06'], // stored as given; no overall grade is ever invented
      ['Leadership and governance', 'Urgent improvement', '2026-10-06'],
    ]);
    expect(a[1]!.judgements.some(([area]) => area === 'Overall effectiveness')).toBe(false);
    expect(a.every((i) => i.source_as_at === '2026-10-31')).toBe(true);
    // The stored history feeds the vulnerable flag: a category of concern this academic year.
    expect(vulnerableFlag(asDomain(a), t.ctx.today())).toMatchObject({ vulnerable: true });
  });

  it('stores an interim inspection with its overall "Not judged" as given, never a grade', async () => {
    await imported(file(buildCsv('2026', frameworks2026)));
    const [i] = await stored('200002');
    expect(i).toMatchObject({ framework: 'interim_2024', start_date: '2025-02-04' });
    expect(i!.judgements.map(([area, grade]) => `${area}=${grade}`)).toEqual([
      'Overall effectiveness=Not judged',
      'Quality of education=2',
      'Behaviour and attitudes=1',
      'Personal development=1',
      'Leadership and management=2',
      'Safeguarding is effective?=Yes',
      'Early years provision=2',
      'Sixth form provision=9',
    ]);
    expect(vulnerableFlag(asDomain([i!]), '2025-03-01').vulnerable).toBe(false);
  });

  it('stores an OEIF inadequate judgement with its category of concern, safeguarding No and a sixth form grade', async () => {
    await imported(file(buildCsv('2026', frameworks2026)));
    const [i] = await stored('200003');
    expect(i).toMatchObject({ framework: 'oeif', category_of_concern: 'Serious Weaknesses' });
    expect(i!.judgements.map(([area, grade]) => `${area}=${grade}`)).toEqual([
      'Overall effectiveness=4',
      'Quality of education=4',
      'Behaviour and attitudes=3',
      'Personal development=3',
      'Leadership and management=4',
      'Safeguarding is effective?=No',
      'Early years provision=9',
      'Sixth form provision=3',
    ]);
    expect(vulnerableFlag(asDomain([i!]), '2024-03-01').vulnerable).toBe(true);
  });

  it('stores ungraded outcomes as text, the URN at the time of a predecessor inspection, and nothing for a school never inspected', async () => {
    await imported(file(buildCsv('2026', frameworks2026)));
    expect((await stored('200004')).map((i) => [i.framework, i.start_date, i.outcome_text, i.judgements.length])).toEqual([
      ['oeif', '2022-09-20', null, 8],
      ['ungraded', '2025-03-05', 'Some aspects not as strong', 0],
    ]);
    expect((await stored('200005'))[0]).toMatchObject({ framework: 'oeif', urn: '200005', urn_at_inspection: '123456' });
    expect(await stored('200006')).toEqual([]);
  });

  it('reads the same file as XLSX (cover sheet, title row, typed cells) exactly as the CSV', async () => {
    const csv = await call('previewOfstedImport', file(buildCsv('2026', frameworks2026), 'x.csv'));
    const xlsxBytes = await buildXlsx('2026', frameworks2026, { coverSheet: true, titleRows: ['Management information – latest inspections'] });
    const xlsx = await call('previewOfstedImport', file(xlsxBytes, 'x.xlsx'));
    expect(xlsx).toMatchObject({ format: 'xlsx', sheetName: 'Latest inspections', headerRow: 2, errorCount: 0 });
    const strip = (p: OfstedImportPreview) => p.schools.map((s) => ({ ...s, row: 0 }));
    expect(strip(xlsx)).toEqual(strip(csv));
    expect(xlsx.newInspections).toBe(7);
  });

  it('reads a workbook with a shared-strings table, and one written by LibreOffice, exactly as the CSV', async () => {
    const csv = await call('previewOfstedImport', file(buildCsv('2026', frameworks2026), 'x.csv'));
    const shared = await call('previewOfstedImport', file(await buildXlsx('2026', frameworks2026, { writer: 'workbook' }), 'x.xlsx'));
    expect(shared.schools).toEqual(csv.schools);
    const dir = tempDir();
    const csvFile = path.join(dir, 'ofsted.csv');
    fs.writeFileSync(csvFile, buildCsv('2026', frameworks2026));
    const converted = convertWithLibreOffice(csvFile, dir);
    if (converted === null) return; // LibreOffice not installed here: the exceljs workbooks above still ran
    const lo = await call('previewOfstedImport', file(fs.readFileSync(converted), 'ofsted.xlsx'));
    expect(lo).toMatchObject({ format: 'xlsx', errorCount: 0, warningCount: 0 });
    expect(lo.schools).toEqual(csv.schools);
  });

  it('reads UTF-8 with a BOM, Windows-1252, and rows with an extra trailing comma', async () => {
    const schools: FixtureSchool[] = [{ ...frameworks2026[3]!, name: 'St Mary’s C of E – Infant “Plus” School, Camden' }];
    const plain = await call('previewOfstedImport', file(buildCsv('2026', schools)));
    for (const bytes of [
      buildCsv('2026', schools, { bom: true }),
      buildCsv('2026', schools, { encoding: 'windows-1252' }),
      buildCsv('2026', schools, { extraTrailingComma: true, lineEnding: '\n' }),
    ]) {
      const p = await call('previewOfstedImport', file(bytes));
      expect(p.errorCount).toBe(0);
      expect(p.schools).toEqual(plain.schools);
      expect(p.schools[0]!.name).toBe('St Mary’s C of E – Infant “Plus” School, Camden');
    }
    expect((await call('previewOfstedImport', file(buildCsv('2026', schools, { encoding: 'windows-1252' })))).encoding).toBe('Windows-1252');
  });

  it('asks the encoding of a file saved as "CSV (Macintosh)" with a sample row in each, refuses to commit until it is chosen, then reads the names right', async () => {
    // Mac Roman's ’ is a capital Õ inside a word in Windows-1252, and its ™ after a letter is plausible in no encoding: nothing is guessed.
    const schools: FixtureSchool[] = [{ ...frameworks2026[3]!, name: 'St Anne’s ThinkWell™ Academy' }, frameworks2026[0]!];
    const bytes = iconv.encode(csvText('2026', schools), 'macintosh');
    const before = await storeHash(t.store);
    const p = await call('previewOfstedImport', file(bytes, 'ofsted-mac.csv'));
    expect(p.canCommit).toBe(false);
    expect(p.encodingChoice?.reason).toMatch(/its bytes are not UTF-8, and no other encoding reads its accented letters and punctuation plausibly/);
    const samples = new Map(p.encodingChoice!.options.map((o) => [o.encoding, o.sample]));
    expect([...samples.keys()].sort()).toEqual(['DOS Latin (850)', 'Mac Roman', 'Windows-1252']);
    // The row is long (85 columns): its sample starts at the field of its first accented letter, the school's name.
    expect(samples.get('Mac Roman')).toMatch(/^…St Anne’s ThinkWell™ Academy,Primary,/);
    expect(samples.get('Windows-1252')).toMatch(/^…St AnneÕs ThinkWellª Academy,Primary,/);
    expect(p.errors[0]).toMatchObject({ row: null, message: expect.stringMatching(/^the text encoding cannot be told .*choose the encoding whose sample row reads right$/) });

    // Committing while the encoding is undecided is refused, naming why; nothing is written.
    const refused = await dispatch(t.ctx, 'commitOfstedImport', { stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/ofsted-mac\.csv: 1 problem; nothing was imported\. the text encoding cannot be told/);
    expect(await storeHash(t.store)).toBe(before);

    // Chosen (the staged file, not sent again): the names read right and the import goes through.
    const chosen = await call('previewOfstedImport', { stagingId: p.stagingId, encoding: 'Mac Roman' });
    expect(chosen).toMatchObject({ encoding: 'Mac Roman', encodingChoice: null, errorCount: 0, canCommit: true });
    expect(chosen.schools.find((s) => s.urn === schools[0]!.urn)?.name).toBe('St Anne’s ThinkWell™ Academy');
    const r = await call('commitOfstedImport', { stagingId: chosen.stagingId, sha256: chosen.sha256, diffHash: chosen.diffHash, encoding: 'Mac Roman' });
    expect(r.inspectionsAdded).toBe(chosen.newInspections);
    expect(r.inspectionsAdded).toBeGreaterThan(0);
  });

  it('counts blank rows and skips them', async () => {
    const p = await call('previewOfstedImport', file(buildCsv('2026', frameworks2026.slice(0, 1), { extraRows: [[], Array(85).fill('')] })));
    expect(p).toMatchObject({ rows: 3, blankRows: 2, rowsKept: 1, errorCount: 0 });
  });
});

/* ------------------------------------------------------------------ 2024 layout with previous inspections */

describe('the 2023/24 layout with previous-inspection columns', () => {
  it('builds the history from the latest and previous graded inspections and the ungraded one', async () => {
    await addMembers('300001');
    const school: FixtureSchool = {
      urn: '300001',
      oeif: { start: '07/11/2023', overall: '3', quality: '3', behaviour: '2', personal: '2', leadership: '3', safeguarding: 'Yes', earlyYears: '3', sixthForm: '9' },
      previous: { start: '12/02/2019', overall: '3', quality: '3', behaviour: '3', personal: '2', leadership: '3', safeguarding: 'Yes', earlyYears: '9', sixthForm: '9' },
      ungraded: { date: '15/06/2021', outcome: 'Standards maintained' },
    };
    const r = await imported(file(buildCsv('2024', [school]), 'latest_inspections_at_31_Aug_2024.csv'));
    expect(r).toMatchObject({ inspectionsAdded: 3, sourceAsAt: '2024-08-31' });
    const history = await stored('300001');
    expect(history.map((i) => [i.framework, i.start_date, i.judgements[0]?.join('=') ?? i.outcome_text])).toEqual([
      ['oeif', '2019-02-12', 'Overall effectiveness=3=2019-02-12'],
      ['ungraded', '2021-06-15', 'Standards maintained'],
      ['oeif', '2023-11-07', 'Overall effectiveness=3=2023-11-07'],
    ]);
    // Two consecutive "Requires improvement", the latest in 2023/24; the ungraded one does not break the run.
    expect(vulnerableFlag(asDomain(history), '2024-03-01')).toMatchObject({ vulnerable: true });
  });
});

/* ------------------------------------------------------------------ bad files */

describe('bad input: located errors, the whole file refused, nothing written', () => {
  beforeEach(async () => {
    await addMembers('400001', '400002', '400003');
  });
  const good = (urn: string): FixtureSchool => ({
    urn,
    oeif: { start: '14/03/2019', overall: '2', quality: '2', behaviour: '2', personal: '2', leadership: '2', safeguarding: 'Yes', earlyYears: '9', sixthForm: '9' },
  });

  /** Preview and commit of a file: both refuse it, with the database unchanged. */
  async function refused(bytes: Buffer, fileName = 'bad.csv') {
    const before = (await storeHash(t.store));
    const p = await call('previewOfstedImport', file(bytes, fileName));
    expect(p.canCommit).toBe(false);
    expect((await storeHash(t.store))).toBe(before);
    const c = await commitEnvelope(file(bytes, fileName));
    expect(c.ok).toBe(false);
    if (c.ok) throw new Error('unreachable');
    expect(c.error.kind).toBe('validation');
    expect(c.error.message).toMatch(/nothing was imported/);
    expect((await storeHash(t.store))).toBe(before);
    expect(listBackups(t.store)).toEqual([]);
    return { preview: p, error: c.error };
  }

  it('an unknown URN format, even on the row of a school that is not a member', async () => {
    const { preview, error } = await refused(buildCsv('2026', [good('400001'), { ...good('400009'), set: { URN: '40009' } }]));
    expect(preview.errors).toEqual([{ row: 3, column: '"URN" (column B)', urn: null, message: '"40009" is not a URN (a URN is 6 digits).' }]);
    expect(error.message).toContain('row 3, "URN" (column B): "40009" is not a URN');
    expect(error.issues?.[0]).toEqual({ path: 'row 3, "URN" (column B)', message: '"40009" is not a URN (a URN is 6 digits).' });
  });

  it('an unparseable date', async () => {
    const { preview } = await refused(
      buildCsv('2026', [good('400001'), { ...good('400002'), set: { 'Inspection start date of latest OEIF graded inspection': '31/02/2019' } }]),
    );
    expect(preview.errors).toEqual([
      { row: 3, column: '"Inspection start date of latest OEIF graded inspection" (column BH)', urn: '400002', message: '"31/02/2019" is not a real calendar date.' },
    ]);
    expect(preview.newInspections).toBe(1); // the good row is still shown
  });

  it('a grade out of range: 5 in a legacy column, "Good-ish" in a report card, Met outside safeguarding', async () => {
    const { preview } = await refused(
      buildCsv('2026', [
        { ...good('400001'), set: { 'Latest OEIF overall effectiveness': '5' } },
        { urn: '400002', reportCard: { start: '03/02/2026', grades: { safeguarding: 'Met', inclusion: 'Good-ish', curriculum: 'Met' } } },
      ]),
    );
    expect(preview.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, '"Latest OEIF overall effectiveness" (column BP)', '"5" is not a grade (expected 1, 2, 3, 4, 9 or NULL).'],
      [3, '"Inclusion" (column AN)', '"Good-ish" is not a report-card grade for Inclusion (expected Exceptional, Strong standard, Expected standard, Needs attention or Urgent improvement).'],
      [3, '"Curriculum and teaching" (column AP)', '"Met" is not a report-card grade for Curriculum and teaching (expected Exceptional, Strong standard, Expected standard, Needs attention or Urgent improvement).'],
    ]);
  });

  it('a duplicated URN with different values is an error; an exact repeat is a warning and is read once', async () => {
    const conflicting = await refused(buildCsv('2026', [good('400001'), { ...good('400001'), set: { 'Latest OEIF quality of education': '3' } }]));
    expect(conflicting.preview.errors).toEqual([
      { row: 3, column: '"URN" (column B)', urn: '400001', message: 'URN 400001 is also on row 2, with different values: which row is right cannot be known.' },
    ]);
    const repeat = await call('previewOfstedImport', file(buildCsv('2026', [good('400001'), good('400002'), good('400001')])));
    expect(repeat).toMatchObject({ errorCount: 0, warningCount: 1, newInspections: 2, rowsKept: 2 });
    expect(repeat.warnings[0]).toMatchObject({ row: 4, urn: '400001', message: 'URN 400001 repeats row 2 exactly; it is read once.' });
  });

  it('grades that contradict the date: report-card words before 10/11/2025, 1–4 after, an overall grade from September 2024', async () => {
    const { preview } = await refused(
      buildCsv('2026', [
        { urn: '400001', reportCard: { start: '03/10/2025', grades: { inclusion: 'Strong standard' } } },
        { ...good('400002'), oeif: { ...good('400002').oeif!, start: '12/11/2025' } },
        { ...good('400003'), oeif: { ...good('400003').oeif!, start: '01/10/2024', overall: '2' } },
      ]),
    );
    expect(preview.errors.map((e) => [e.row, e.message])).toEqual([
      [2, 'report-card grades ("Inclusion" (column AN)) but the inspection started on 03/10/2025, before report cards began on 10/11/2025.'],
      [3, '1–4 grades ("Latest OEIF overall effectiveness" (column BP)) but the inspection started on 12/11/2025, after report cards replaced them on 10/11/2025.'],
      [4, 'an inspection that started on 01/10/2024 has no overall effectiveness grade (none is given from 01/09/2024), but the file gives "2".'],
    ]);
  });

  it('grades without a start date, and a safeguarding cell that is not Yes / No', async () => {
    const { preview } = await refused(
      buildCsv('2026', [
        { ...good('400001'), set: { 'Inspection start date of latest OEIF graded inspection': 'NULL' } },
        { ...good('400002'), set: { 'Latest OEIF  safeguarding is effective?': 'Maybe' } },
      ]),
    );
    expect(preview.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, '"Inspection start date of latest OEIF graded inspection" (column BH)', 'the latest OEIF graded inspection has grades ("Latest OEIF overall effectiveness" (column BP), "Latest OEIF quality of education" (column BQ)) but no start date.'],
      [3, '"Latest OEIF safeguarding is effective?" (column BU)', '"Maybe" is not a safeguarding judgement (expected Yes, No, 9 or NULL).'],
    ]);
  });

  it('ignores a bad grade in the row of a school that is not a member (documented decision)', async () => {
    const p = await call('previewOfstedImport', file(buildCsv('2026', [good('400001'), { ...good('499999'), set: { 'Latest OEIF overall effectiveness': '5' } }])));
    expect(p).toMatchObject({ errorCount: 0, rowsIgnored: 1, newInspections: 1, canCommit: true });
    const all = await call('previewOfstedImport', file(buildCsv('2026', [good('400001'), { ...good('499999'), set: { 'Latest OEIF overall effectiveness': '5' } }]), 'x.csv', true));
    expect(all.errorCount).toBe(1);
  });

  it('refuses files that are not Ofsted files at all, saying why', async () => {
    const cases: [Buffer, string, RegExp][] = [
      [Buffer.from('School name,Inspection start date\nA,01/01/2020\n'), 'a.csv', /no header row with a "URN" column/],
      [Buffer.from('URN,School name\n100000,A\n'), 'b.csv', /no inspection columns/],
      // A stray quote is read leniently (as Excel writes such text), so the header is not Ofsted's.
      [Buffer.from('URN,"Inspection start date\n100000,"01/01/2020\n'), 'c.csv', /no inspection columns/],
      [Buffer.from('URN,Inspection start date\n100000,"01/01/2020\n'), 'd.csv', /could not be read as CSV \(near line 2\): Quote Not Closed/],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls', /Excel 97–2003 workbook \(\.xls\).*save it as \.xlsx/],
      [Buffer.from('not a zip'), 'fake.xlsx', /is not an Excel workbook: its content is not in the \.xlsx format/],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'broken.xlsx', /damaged or incomplete Excel file \(the end of the archive is missing\)/],
    ];
    for (const [bytes, name, message] of cases) {
      const before = (await storeHash(t.store));
      for (const r of [await dispatch(t.ctx, 'previewOfstedImport', file(bytes, name)), await commitEnvelope(file(bytes, name))]) {
        expect(r.ok, name).toBe(false);
        if (!r.ok) {
          expect(r.error.kind).toBe('validation');
          expect(r.error.message, name).toMatch(message);
        }
      }
      expect((await storeHash(t.store))).toBe(before);
    }
  });

  it('refuses payloads the contract does not accept', async () => {
    for (const bad of [
      { fileName: '', contentBase64: 'QQ==' },
      { fileName: 'a.csv', contentBase64: '' },
      { fileName: 'a.csv', contentBase64: 'not base64!' },
      { fileName: 'a.csv', contentBase64: 'QQ==', allSchools: 'yes' },
      { fileName: 'a.csv', contentBase64: 'QQ==', extra: 1 },
      { fileName: 'a.csv', contentBase64: 'QQ==', stagingId: 'a'.repeat(32) },
      { stagingId: 'not-an-id' },
    ]) {
      const r = await dispatch(t.ctx, 'previewOfstedImport', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe('validation');
    }
    // A commit names a staged preview; a file's bytes are not accepted there.
    const c = await dispatch(t.ctx, 'commitOfstedImport', { fileName: 'a.csv', contentBase64: 'QQ==' });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error.kind).toBe('validation');
  });
});

/* ------------------------------------------------------------------ warnings */

describe('warnings do not stop an import', () => {
  it('an unknown category of concern is kept as given; a report-card grade without its date is dated by the inspection', async () => {
    await addMembers('500001', '500002');
    const p = await call(
      'previewOfstedImport',
      file(
        buildCsv('2026', [
          { urn: '500001', oeif: { start: '14/03/2019', overall: '4', category: 'Notice to improve', quality: '4', leadership: '4', safeguarding: 'Yes' } },
          { urn: '500002', reportCard: { start: '02/03/2026', grades: { safeguarding: 'Met', inclusion: ['Strong standard', 'NULL'] } } },
        ]),
      ),
    );
    expect(p.errorCount).toBe(0);
    expect(p.warnings.map((w) => [w.row, w.message])).toEqual([
      [2, '"Notice to improve" is not a category of concern this app knows (Special measures, Serious weaknesses); it is kept as given.'],
      [3, 'Inclusion is graded "Strong standard" without a date of grade; the inspection start date 02/03/2026 is used.'],
    ]);
    await imported(file(buildCsv('2026', [
      { urn: '500002', reportCard: { start: '02/03/2026', grades: { safeguarding: 'Met', inclusion: ['Strong standard', 'NULL'] } } },
    ])));
    expect((await stored('500002'))[0]!.judgements).toEqual([
      ['Safeguarding standards', 'Met', '2026-03-02'],
      ['Inclusion', 'Strong standard', '2026-03-02'],
    ]);
  });
});

/* ------------------------------------------------------------------ undo */

describe('undo (the generic undoImportBatch, registered for kind ofsted)', () => {
  it('removes exactly what each import added, newest first, marks it undone, and lets the file be imported again', async () => {
    await addMembers('100000', '100022');
    const sample = fs.readFileSync(SAMPLE_FILE);
    const empty = await counts();
    const first = await imported(file(sample));
    const afterFirst = await counts();
    const later: FixtureSchool = {
      urn: '100022',
      oeif: { start: '20/09/2022', overall: '2', quality: '2', behaviour: '2', personal: '2', leadership: '2', safeguarding: 'Yes' },
      ungraded: { date: '18/12/2024', published: '30/01/2025', outcome: 'Standards maintained' },
    };
    const second = await imported(file(buildCsv('2026', [later])));
    expect(second).toMatchObject({ inspectionsAdded: 1, judgementsAdded: 6, duplicatesSkipped: 1 }); // the ungraded one is already stored

    const batches = await call('listImportBatches', { kind: 'ofsted' });
    expect(batches.map((b) => [b.id, b.canUndo])).toEqual([
      [second.batchId, true],
      [first.batchId, false],
    ]);
    const u = await call('undoImportBatch', { batchId: second.batchId!, confirm: true });
    expect(u).toMatchObject({ batchId: second.batchId, restoredRows: 7 });
    expect(await counts()).toEqual({ ...afterFirst, batches: afterFirst.batches + 1 });
    expect((await stored('100022')).map((i) => `${i.framework} ${i.start_date}`)).toEqual(['oeif 2019-10-16', 'ungraded 2024-12-18']);

    await call('undoImportBatch', { batchId: first.batchId!, confirm: true });
    expect(await counts()).toMatchObject({ inspections: empty.inspections, judgements: empty.judgements });
    // The import history as the Imports page lists it: an Ofsted batch's summary holds what it added and its as-at date.
    const list = (await call('listImportBatches', { kind: 'ofsted' })).map((b) => ({
      batchId: b.id,
      inspectionsAdded: b.summary.inspectionsAdded,
      sourceAsAt: b.summary.sourceAsAt,
      undoneAt: b.undoneAt,
    }));
    expect(list.map((b) => [b.batchId, b.inspectionsAdded, b.sourceAsAt, b.undoneAt !== null])).toEqual([
      [second.batchId, 1, '2025-01-30', true],
      [first.batchId, 3, '2025-01-29', true],
    ]);
    const again = await dispatch(t.ctx, 'undoImportBatch', { batchId: first.batchId!, confirm: true });
    expect(again.ok === false && again.error.kind).toBe('conflict');

    const reimport = await imported(file(sample));
    expect(reimport.inspectionsAdded).toBe(3);
  });
});

/* ------------------------------------------------------------------ with the demo network */

describe('on the demo network', () => {
  it('keeps the 451 demo schools, skips inspections the demo already has, and adds the new ones', async () => {
    await call('loadDemo', { confirm: true });
    const demoInspection = await t.ctx.db.selectFrom('ofsted_inspections').where('framework', '=', 'oeif').selectAll().orderBy('id').executeTakeFirstOrThrow();
    const [y, m, d] = demoInspection.start_date.split('-');
    const schools: FixtureSchool[] = [
      { urn: demoInspection.urn, oeif: { start: `${d}/${m}/${y}`, overall: '2', quality: '2', behaviour: '2', personal: '2', leadership: '2', safeguarding: 'Yes' }, ungraded: { date: '10/11/2026', outcome: 'Standards maintained' } },
      { urn: '199999', oeif: { start: '01/02/2020', overall: '1' } },
    ];
    const p = await call('previewOfstedImport', file(buildCsv('2026', schools)));
    expect(p).toMatchObject({ rowsKept: 1, rowsIgnored: 1, duplicatesSkipped: 1, newInspections: 1, newByFramework: { ungraded: 1 } });
    expect(p.membersNotInFile.length).toBeGreaterThan(400);
    expect(p.schools[0]).toMatchObject({ urn: demoInspection.urn, member: true, duplicates: 1 });
  });
});
