import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { EXCEL_MAX_CELL_TEXT, EXCEL_MAX_ROWS, EXCEL_MAX_SHEET_NAME, TRUNCATED_SUFFIX, addSheet, fitCellText, fitSheetName } from '../../electron/core/exports/excel-limits';
import { putText } from '../../electron/core/exports/cells';
import { newWorkbook, workbookBytes } from '../../electron/core/exports/workbook';
import { openSqliteTestStore, TEST_NOW, type SqliteTestStore } from '../helpers/store';

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every text cell of a workbook, with where it is. */
function texts(wb: ExcelJS.Workbook): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') out.push({ where: `${ws.name}!${cell.address}`, text: cell.value });
      }),
    );
  }
  return out;
}

describe("Excel's limits in the cell writer", () => {
  it('cuts a text longer than a cell holds to exactly 32,767 characters ending in "… (truncated)"; shorter text is untouched', () => {
    const sentence = `16 schools have not paid: ${'Long Academy Trust School Name, '.repeat(2287)}`;
    expect(sentence.length).toBeGreaterThan(73_000);
    const cut = fitCellText(sentence);
    expect(cut).toHaveLength(EXCEL_MAX_CELL_TEXT);
    expect(cut.endsWith(TRUNCATED_SUFFIX)).toBe(true);
    expect(sentence.startsWith(cut.slice(0, -TRUNCATED_SUFFIX.length))).toBe(true);
    expect(fitCellText('x'.repeat(EXCEL_MAX_CELL_TEXT))).toBe('x'.repeat(EXCEL_MAX_CELL_TEXT));
    // A character of two UTF-16 units is never split at the cut.
    const emoji = '😀'.repeat(20_000);
    const cutEmoji = fitCellText(emoji);
    expect(cutEmoji.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_TEXT);
    expect(cutEmoji.slice(0, -TRUNCATED_SUFFIX.length)).toBe('😀'.repeat((cutEmoji.length - TRUNCATED_SUFFIX.length) / 2));
  });

  it('any text: fits, is untouched when it fits, and keeps its start when cut (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 0, max: 40_000 }), (piece, extra) => {
        const text = piece.repeat(1 + Math.floor(extra / Math.max(1, piece.length)));
        const out = fitCellText(text);
        expect(out.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_TEXT);
        if (text.length <= EXCEL_MAX_CELL_TEXT) expect(out).toBe(text);
        else {
          expect(out.endsWith(TRUNCATED_SUFFIX)).toBe(true);
          const kept = out.slice(0, -TRUNCATED_SUFFIX.length);
          expect(text.startsWith(kept)).toBe(true);
          const last = kept.charCodeAt(kept.length - 1);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('sheet names: at most 31 characters, none of [ ] : * ? / \\, never empty, unique regardless of case (property)', () => {
    expect(fitSheetName('Funding: 2026/27 [draft]?', [])).toBe('Funding 2026 27 draft');
    expect(fitSheetName("'Quoted'", [])).toBe('Quoted');
    expect(fitSheetName('', [])).toBe('Sheet');
    expect(fitSheetName('History', [])).toBe('History sheet');
    expect(fitSheetName('Schools', ['SCHOOLS'])).toBe('Schools (2)');
    expect(fitSheetName('A'.repeat(40), ['A'.repeat(31)])).toBe(`${'A'.repeat(27)} (2)`);
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.string({ maxLength: 31 }), { maxLength: 5 }), (wanted, taken) => {
        const name = fitSheetName(wanted, taken);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(EXCEL_MAX_SHEET_NAME);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
        expect(name.startsWith("'") || name.endsWith("'")).toBe(false);
        expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
      }),
      { numRuns: 300 },
    );
  });

  it('a workbook written holds the cut text and the fitted names when read back', async () => {
    const wb = await newWorkbook('limits', TEST_NOW);
    const ws = addSheet(wb, 'Notes: [all]');
    addSheet(wb, 'notes  all');
    putText(ws.getCell('A1'), 'y'.repeat(73_222));
    putText(ws.getCell('A2'), '=HYPERLINK("x")'.repeat(3_000));
    const back = await readBack(await workbookBytes(wb));
    expect(back.worksheets.map((w) => w.name)).toEqual(['Notes all', 'notes all (2)']);
    const a1 = back.worksheets[0]!.getCell('A1').value as string;
    expect(a1).toHaveLength(EXCEL_MAX_CELL_TEXT);
    expect(a1.endsWith(TRUNCATED_SUFFIX)).toBe(true);
    expect(back.worksheets[0]!.getCell('A2').value).toHaveLength(EXCEL_MAX_CELL_TEXT);
    expect(back.worksheets[0]!.getCell('A2').numFmt).toBe('@');
  });

  it('a sheet longer than Excel opens is refused with a plain message, not written', async () => {
    const wb = await newWorkbook('rows', TEST_NOW);
    const ws = addSheet(wb, 'Big');
    ws.getCell(EXCEL_MAX_ROWS, 1).value = 'last row Excel has';
    await expect(workbookBytes(wb)).resolves.toBeInstanceOf(Buffer);
    ws.getCell(EXCEL_MAX_ROWS + 1, 1).value = 'one too many';
    await expect(workbookBytes(wb)).rejects.toThrow('The sheet "Big" would have 1,048,577 rows; Excel opens at most 1,048,576.');
  });
});

describe("Excel's limits in the real exports", () => {
  let t: SqliteTestStore;
  beforeAll(async () => {
    t = await openSqliteTestStore();
    await loadDemoNetwork(t.ctx);
    // Aspire Hub's schools with 4,600-character names, none of them paid: the release condition
    // lists them all in one sentence of some 73,000 characters.
    const year = t.store.sqlite.prepare("select id from membership_years where label = '2026/27'").get() as { id: number };
    const hub = t.store.sqlite.prepare("select id from hubs where name = 'Aspire Hub'").get() as { id: number };
    const members = t.store.sqlite.prepare('select school_id from memberships where hub_id = ? and year_id = ?').all(hub.id, year.id) as { school_id: number }[];
    for (const [i, m] of members.entries()) {
      t.store.sqlite.prepare('update schools set name = ? where id = ?').run(`School ${i} ${'of the Very Long Name '.repeat(220)}`, m.school_id);
    }
    t.store.sqlite.prepare('update memberships set fee_paid_on = null where hub_id = ? and year_id = ?').run(hub.id, year.id);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('the hub workbook cuts every over-long cell, visibly (the 73,000-character unpaid-schools sentence)', async () => {
    const hubBook = await dispatch(t.ctx, 'exportHubWorkbook', { hubName: 'Aspire Hub', year: '2026/27' });
    expect(hubBook.ok).toBe(true);
    if (!hubBook.ok) return;
    const wb = await readBack(Buffer.from((hubBook.value as { contentBase64: string }).contentBase64, 'base64'));
    const all = texts(wb);
    for (const { where, text } of all) expect(text.length, where).toBeLessThanOrEqual(EXCEL_MAX_CELL_TEXT);
    const unpaid = all.find((c) => c.text.includes('schools have not paid'));
    expect(unpaid, 'the release condition listing unpaid schools').toBeDefined();
    expect(unpaid!.text).toHaveLength(EXCEL_MAX_CELL_TEXT);
    expect(unpaid!.text.endsWith(TRUNCATED_SUFFIX)).toBe(true);
    for (const ws of wb.worksheets) expect(ws.name.length).toBeLessThanOrEqual(EXCEL_MAX_SHEET_NAME);
  });
});
