import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, tempDir, type TestStore, storeHash } from '../helpers/store';
import { convertWithLibreOffice, csvText, rollFromDb, standardCells, STANDARD_HEADERS, writeBigRoll, type RollRow } from '../fixtures/roll/generate';
import { commitFile, mustPreview } from '../fixtures/roll/request';

let t: TestStore;
let dir: string;
let base: RollRow[];
beforeAll(async () => {
  t = await openTestStore();
  await dispatch(t.ctx, 'loadDemo', { confirm: true });
  base = await rollFromDb(t.ctx.db, '2026/27');
  dir = path.join(tempDir(), 'roll');
  fs.mkdirSync(dir, { recursive: true });
});
afterAll(async () => {
  await t.close();
});

describe('a 25,000-row roll', () => {
  it('is read with the streaming reader, previewed, committed and undone', async () => {
    const hubs = [...new Set(base.map((r) => r.hub))];
    const file = await writeBigRoll(path.join(dir, 'big-25000.xlsx'), 25_000, hubs);
    const hash = (await storeHash(t.store));
    let started = Date.now();
    const p = await mustPreview(t.ctx, file, { year: '2027/28' });
    const previewMs = Date.now() - started;
    expect(p.errors).toEqual([]);
    expect(p.rowsRead).toBe(25_000);
    expect(p.joiners).toHaveLength(25_000);
    expect(p.funding).toHaveLength(hubs.length);
    expect((await storeHash(t.store))).toBe(hash);

    started = Date.now();
    const c = await commitFile(t.ctx, file, p, { year: '2027/28' });
    expect(c.ok).toBe(true);
    const commitMs = Date.now() - started;
    const count = await t.ctx.db.selectFrom('memberships').innerJoin('membership_years', 'membership_years.id', 'memberships.year_id').where('label', '=', '2027/28').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(25_000);

    const undoStarted = Date.now();
    const undo = await dispatch(t.ctx, 'undoImportBatch', { batchId: c.ok ? c.value.batchId! : 0, confirm: true });
    expect(undo.ok).toBe(true);
    const schools = await t.ctx.db.selectFrom('schools').select((eb) => eb.fn.countAll<number>().as('n')).where('urn', '>=', '300000').where('urn', '<', '325000').executeTakeFirstOrThrow();
    expect(Number(schools.n)).toBe(0);
    console.log(`25,000 rows: preview ${previewMs} ms, commit ${commitMs} ms, undo ${Date.now() - undoStarted} ms`);
  });
});

describe('a workbook written by LibreOffice', () => {
  it.skipIf(!fs.existsSync('/usr/bin/soffice'))('reads as the same roll, and a formula error LibreOffice saved is refused', async () => {
    const csv = path.join(dir, 'libreoffice-roll.csv');
    fs.writeFileSync(csv, csvText([STANDARD_HEADERS, ...base.map(standardCells)]));
    const bad = path.join(dir, 'libreoffice-bad.csv');
    const rows = base.map(standardCells);
    rows[2]![3] = '=1/0';
    fs.writeFileSync(bad, csvText([STANDARD_HEADERS, ...rows]));
    const good = convertWithLibreOffice(csv, dir);
    const broken = convertWithLibreOffice(bad, dir);
    expect(good && broken).toBeTruthy();
    const hash = (await storeHash(t.store));
    const p = await mustPreview(t.ctx, good!);
    expect(p.format).toBe('xlsx');
    expect(p.errors).toEqual([]);
    expect(p.noChanges).toBe(true);
    const q = await mustPreview(t.ctx, broken!);
    // The error LibreOffice saved as the formula's result is read as that error (exceljs's reader gave NaN).
    expect(q.errors).toEqual([{ sheet: expect.any(String), row: 4, column: 'Pupils', message: 'the cell holds the error #DIV/0!' }]);
    expect((await storeHash(t.store))).toBe(hash);
  }, 180_000);
});
