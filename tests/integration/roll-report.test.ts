import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { ZipArchive } from '../../electron/core/imports/files/zip';
import { openTestStore, tempDir, type TestStore, storeHash } from '../helpers/store';
import { rollFromDb, standardCells, STANDARD_HEADERS, writeXlsx, type RollRow } from '../fixtures/roll/generate';
import { errorReport, mustPreview } from '../fixtures/roll/request';

let t: TestStore;
let base: RollRow[];
let dir: string;
beforeAll(async () => {
  t = await openTestStore();
  await dispatch(t.ctx, 'loadDemo', { confirm: true });
  base = await rollFromDb(t.ctx.db, '2026/27');
  dir = path.join(tempDir(), 'roll');
});
afterAll(async () => {
  await t.close();
});

describe('the error report', () => {
  it('lists each bad row with its original cells and a Problem column; formula-like text stays text', async () => {
    const rows = base.map(standardCells);
    rows[0]![1] = '=HYPERLINK("http://evil.example","click")';
    rows[0]![3] = -1;
    rows[1]![2] = 'No Such Hub';
    rows[1]![1] = '+44 20 7946 0000';
    rows[2]![1] = '@SUM(A1)';
    rows[2]![0] = '12';
    const file = await writeXlsx(path.join(dir, 'report.xlsx'), [{ name: 'Roll', rows: [['Roll for checking'], STANDARD_HEADERS, ...rows] }]);
    const hash = (await storeHash(t.store));
    const r = await errorReport(t.ctx, file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.fileName).toBe('report - problems.xlsx');
    expect(r.value.rows).toBe(3);
    const bytes = Buffer.from(r.value.contentBase64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Problems')!;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Row in file', ...STANDARD_HEADERS, 'Problem']);
    expect(values(2).slice(0, 5)).toEqual([3, base[0]!.urn, '=HYPERLINK("http://evil.example","click")', base[0]!.hub, -1]);
    expect(values(2)[9]).toBe('Pupils: the number of pupils cannot be negative (-1)');
    expect(values(3)[0]).toBe(4);
    expect(values(3)[9]).toMatch(/^Hub: there is no hub "No Such Hub"/);
    expect(values(4)[9]).toBe('URN: URN "12" has 2 digits; a URN has 6');
    // No cell of the report is a formula.
    const sheetXml = new ZipArchive(bytes, 'report').readText('xl/worksheets/sheet1.xml')!;
    expect(sheetXml).not.toMatch(/<f[ >]/);
    expect((await storeHash(t.store))).toBe(hash);
  });

  it('keeps within Excel’s limits: a cell longer than 32,767 characters is cut with a visible “… (truncated)”', async () => {
    const rows = base.map(standardCells);
    const long = 'A'.repeat(40_000);
    rows[0]![1] = long;
    rows[0]![3] = -1;
    const file = path.join(dir, 'long.csv');
    const csv = [STANDARD_HEADERS, ...rows].map((r) => r.map((c) => `"${String(c ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(file, csv);
    const hash = (await storeHash(t.store));
    const r = await errorReport(t.ctx, file);
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    if (!r.ok) return;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.value.contentBase64, 'base64') as unknown as ArrayBuffer);
    const name = wb.getWorksheet('Problems')!.getRow(2).getCell(3).value as string;
    expect(name).toHaveLength(32_767);
    expect(name.endsWith('… (truncated)')).toBe(true);
    expect(name.startsWith('AAAA')).toBe(true);
    expect((await storeHash(t.store))).toBe(hash);
  });
});

describe('column mappings', () => {
  it('maps an unrecognised header by hand, remembers the confirmed mapping, and uses it next time', async () => {
    const file = await writeXlsx(path.join(dir, 'partnership.xlsx'), [
      { name: 'Roll', rows: [['Ref', 'Establishment', 'Partnership', 'Headcount'], ...base.map((r) => [r.urn, r.name, r.hub, r.pupils])] },
    ]);
    const hash = (await storeHash(t.store));
    const first = await mustPreview(t.ctx, file);
    expect(first.missingFields).toEqual(['urn', 'name', 'hub', 'pupils']);
    expect(first.headerRow).toBe(1);
    const mapping = { urn: 1, name: 2, hub: 3, pupils: 4 };
    const mapped = await mustPreview(t.ctx, file, { mapping });
    expect(mapped.mappingSource).toBe('given');
    expect(mapped.errors).toEqual([]);
    expect(mapped.noChanges).toBe(true);
    expect((await storeHash(t.store))).toBe(hash);

    const bad = await dispatch(t.ctx, 'saveRollMapping', { headers: first.headers.map((h) => h.header), mapping: { urn: 1, name: 1 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/urn and name are both mapped to column A/);
    const saved = await dispatch(t.ctx, 'saveRollMapping', { headers: first.headers.map((h) => h.header), mapping });
    expect(saved.ok).toBe(true);
    const again = await mustPreview(t.ctx, file);
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping).toEqual(mapping);
    expect(again.noChanges).toBe(true);
  });
});
