import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, tempDir, type TestStore, storeHash } from '../helpers/store';
import { generateRollFixtures, rollFromDb, type RollFixtures, type RollRow } from '../fixtures/roll/generate';
import { commitFile, mustPreview, previewFile } from '../fixtures/roll/request';

let t: TestStore;
let fx: RollFixtures;
let base: RollRow[];
let hash: string;

beforeAll(async () => {
  t = await openTestStore();
  await dispatch(t.ctx, 'loadDemo', { confirm: true });
  // One school with accents, a curly apostrophe and an en dash, so the CSV encodings matter.
  const first = (await rollFromDb(t.ctx.db, '2026/27'))[0]!;
  await t.ctx.db.updateTable('schools').set({ name: 'École Saint-Frédéric’s – Primary' }).where('urn', '=', first.urn).execute();
  base = await rollFromDb(t.ctx.db, '2026/27');
  fx = await generateRollFixtures(path.join(tempDir(), 'roll'), base);
  hash = (await storeHash(t.store));
});
afterAll(async () => {
  await t.close();
});

describe('messy but acceptable rolls read as the roll hubdesk already holds (no changes)', () => {
  const cases: [string, string, (p: Awaited<ReturnType<typeof mustPreview>>) => void][] = [
    ['clean', 'a plain roll', (p) => expect(p.headerRow).toBe(1)],
    ['titleRows', 'title and blank rows above CRM-style headers', (p) => {
      expect(p.headerRow).toBe(4);
      expect(p.mapping).toMatchObject({ urn: 1, name: 2, hub: 3, pupils: 4, phase: 5, localAuthority: 6 });
    }],
    ['urnText', 'URNs as numbers, as text and with a leading apostrophe', (p) => expect(p.mapping.urn).toBe(1)],
    ['numbersAsText', 'pupils as "1,204" text, trailing spaces, hub names in other case and spacing', () => undefined],
    ['formulas', 'pupils as formulas (cached results used)', () => undefined],
    ['mergedHubs', 'hub cells merged down each hub block', () => undefined],
    ['blankRows', 'blank rows between schools', (p) => expect(p.blankRowsSkipped).toBeGreaterThan(0)],
    ['severalSheets', 'the roll on the second of three sheets', (p) => {
      expect(p.sheet).toBe('Roll 2026-27');
      expect(p.sheets.map((s) => s.name)).toEqual(['Read me', 'Roll 2026-27', 'Old roll']);
    }],
    ['csvUtf8Bom', 'CSV in UTF-8 with a byte-order mark', (p) => expect([p.encoding, p.delimiter]).toEqual(['UTF-8', ','])],
    ['csvSemicolon', 'CSV separated by semicolons', (p) => expect(p.delimiter).toBe(';')],
    ['csvWindows1252', 'CSV in Windows-1252 (as Excel on Windows saves it)', (p) => expect(p.encoding).toBe('Windows-1252')],
  ];
  it.each(cases)('%s: %s', async (name, _what, extra) => {
    const p = await mustPreview(t.ctx, fx.files[name]!);
    expect(p.errors).toEqual([]);
    expect(p.rowsRead).toBe(base.length);
    expect(p.validRows).toBe(base.length);
    expect(p.noChanges, JSON.stringify({ j: p.joiners.length, l: p.leavers.length, m: p.moves.slice(0, 2), pc: p.pupilChanges.slice(0, 2), d: p.detailChanges.slice(0, 2), c: p.contactChanges.slice(0, 2) })).toBe(true);
    expect(p.unchangedRows).toBe(base.length);
    extra(p);
    expect((await storeHash(t.store))).toBe(hash);
  });

  it('reads accented names and curly apostrophes the same in UTF-8 and Windows-1252', async () => {
    expect(base.some((r) => r.name === 'École Saint-Frédéric’s – Primary')).toBe(true);
    const a = await mustPreview(t.ctx, fx.files.csvUtf8Bom!);
    const b = await mustPreview(t.ctx, fx.files.csvWindows1252!);
    expect(a.diffHash).toBe(b.diffHash);
    expect([a.noChanges, b.noChanges]).toEqual([true, true]);
  });

  it('picks a sheet by name, and names the sheets when the one asked for is missing', async () => {
    const p = await mustPreview(t.ctx, fx.files.severalSheets!, { sheet: 'Old roll' });
    expect(p.sheet).toBe('Old roll');
    expect(p.rowsRead).toBe(5);
    expect(p.leavers.length).toBe(base.length - 5);
    expect(p.warnings[0]?.message).toMatch(/leaves out \d+ of the \d+ schools/);
    const r = await previewFile(t.ctx, fx.files.severalSheets!, { sheet: 'Roll 2027' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/no sheet named "Roll 2027".*"Read me", "Roll 2026-27", "Old roll"/);
    expect((await storeHash(t.store))).toBe(hash);
  });

  it('reads fee-paid dates from date cells, Excel day numbers and UK date text', async () => {
    const p = await mustPreview(t.ctx, fx.files.dates!);
    expect(p.errors).toEqual([]);
    const fees = new Map(p.detailChanges.map((d) => [d.urn, d.changes.find((c) => c.field === 'fee paid')?.after]));
    expect(fees.get(base[0]!.urn)).toBe('2026-10-05');
    expect(fees.get(base[1]!.urn)).toBe('2026-10-06');
    expect(fees.get(base[2]!.urn)).toBe('2026-10-07');
  });
});

describe('rows a person would question are refused with sheet, row, column and reason; nothing is written', () => {
  async function refused(name: string, options = {}) {
    const p = await mustPreview(t.ctx, fx.files[name]!, options);
    expect(p.canCommit).toBe(false);
    const c = await commitFile(t.ctx, fx.files[name]!, p, options);
    expect(c.ok).toBe(false);
    expect((await storeHash(t.store))).toBe(hash);
    return p;
  }

  it('error cells (#REF!, #N/A)', async () => {
    const p = await refused('errorCells');
    expect(p.errors).toEqual([
      { sheet: 'Roll', row: 4, column: 'Pupils', message: 'the cell holds the error #REF!' },
      { sheet: 'Roll', row: 6, column: 'Hub', message: 'the cell holds the error #N/A' },
    ]);
  });

  it('a formula with no saved result', async () => {
    const p = await refused('formulaNoResult');
    expect(p.errors).toEqual([{ sheet: 'Roll', row: 3, column: 'Pupils', message: expect.stringMatching(/formula whose result is an error or was not saved/) }]);
  });

  it('the same URN twice, naming both rows', async () => {
    const p = await refused('duplicateUrn');
    const urn = base[3]!.urn;
    expect(p.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [5, 'URN', `URN ${urn} is on row 5 and row 9: a school can be listed once`],
      [9, 'URN', `URN ${urn} is on row 5 and row 9: a school can be listed once`],
    ]);
  });

  it('an unknown hub, unless the person chooses to create it', async () => {
    const p = await refused('unknownHub');
    expect(p.errors).toEqual([{ sheet: 'Roll', row: 7, column: 'Hub', message: expect.stringMatching(/there is no hub "Atlantis Hub".*create new hubs/) }]);
    const created = await mustPreview(t.ctx, fx.files.unknownHub!, { createHubs: true });
    expect(created.errors).toEqual([]);
    expect(created.newHubs).toEqual(['Atlantis Hub']);
    expect(created.moves).toEqual([expect.objectContaining({ urn: base[5]!.urn, fromHub: base[5]!.hub, toHub: 'Atlantis Hub' })]);
  });

  it('negative, fractional, missing and non-numeric pupil numbers', async () => {
    const p = await refused('badPupils');
    expect(p.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'Pupils', 'the number of pupils cannot be negative (-5)'],
      [3, 'Pupils', 'the number of pupils must be a whole number (312.5)'],
      [4, 'Pupils', 'the number of pupils is missing'],
      [5, 'Pupils', '"approx 300" is not a number of pupils'],
    ]);
  });

  it('URNs of the wrong length or not digits', async () => {
    const p = await refused('badUrns');
    expect(p.errors.map((e) => [e.row, e.message])).toEqual([
      [2, 'URN "12345" has 5 digits; a URN has 6'],
      [3, 'URN "1234567" has 7 digits; a URN has 6'],
      [4, '"URN-A1" is not a URN (a URN is 6 digits)'],
    ]);
    // Those three schools are not taken for leavers.
    expect(p.leavers.map((l) => l.urn)).toEqual(base.slice(0, 3).map((r) => r.urn));
  });

  it('more than 5,000 pupils needs confirming', async () => {
    const p = await mustPreview(t.ctx, fx.files.hugePupils!);
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([{ sheet: 'Roll', row: 8, column: 'Pupils', message: '6,200 pupils is more than 5,000: confirm it is right' }]);
    expect(p.needsConfirmation).toBe(true);
    expect(p.canCommit).toBe(false);
    const c = await commitFile(t.ctx, fx.files.hugePupils!, p);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error.message).toMatch(/1 warning needs confirming/);
    expect((await storeHash(t.store))).toBe(hash);
    const confirmed = await mustPreview(t.ctx, fx.files.hugePupils!, { confirmWarnings: true });
    expect(confirmed.canCommit).toBe(true);
    expect(confirmed.pupilChanges).toEqual([expect.objectContaining({ urn: base[6]!.urn, before: base[6]!.pupils, after: 6200 })]);
  });

  it('a roll with no hub column asks for the column to be mapped', async () => {
    const p = await refused('missingHubColumn');
    expect(p.missingFields).toEqual(['hub']);
    expect(p.errors[0]!.message).toMatch(/no column is mapped to Hub: map it by hand, or head the column "Hub" or "Hub name" or "CP Hub"$/);
    expect(p.headers.map((h) => h.field)).toEqual(['urn', 'name', null, 'pupils']);
  });
});

describe('files that are not rolls', () => {
  const cases: [string, RegExp][] = [
    ['empty', /empty\.xlsx has no data: its only sheet is empty/],
    ['notExcel', /not-excel\.xlsx is not an Excel workbook: its content is not in the \.xlsx format/],
    ['truncated', /truncated\.xlsx is a damaged or incomplete Excel file/],
  ];
  it.each(cases)('%s is refused with a clear message and nothing is written', async (name, message) => {
    const r = await previewFile(t.ctx, fx.files[name]!);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect(r.error.message).toMatch(message);
    }
    const c = await dispatch(t.ctx, 'commitRollImport', {
      fileName: path.basename(fx.files[name]!), contentBase64: Buffer.from('x').toString('base64'), year: '2026/27', sha256: '0'.repeat(64), diffHash: '0'.repeat(64),
    });
    expect(c.ok).toBe(false);
    expect((await storeHash(t.store))).toBe(hash);
  });
});
