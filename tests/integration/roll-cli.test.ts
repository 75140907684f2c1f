import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/connection';
import { tempDir } from '../helpers/store';
import { rollFromDb, standardCells, STANDARD_HEADERS, writeXlsx, type RollRow } from '../fixtures/roll/generate';
import { cli, hashOf } from '../helpers/cli';

let dir: string;
let base: RollRow[];
let files: Record<string, string>;
beforeAll(async () => {
  dir = tempDir();
  expect((await cli(['--data', dir, 'demo'])).code).toBe(0);
  const s = await openStore(dir);
  base = await rollFromDb(s.db, '2026/27');
  await s.close();
  const fx = path.join(tempDir(), 'roll');
  const changed = base.slice(1).map((r, i) => (i === 0 ? { ...r, pupils: r.pupils + 1000 } : r));
  const bad = base.map(standardCells);
  bad[4]![3] = 'lots';
  files = {
    changed: await writeXlsx(path.join(fx, 'changed.xlsx'), [{ name: 'Roll', rows: [STANDARD_HEADERS, ...changed.map(standardCells)] }]),
    bad: await writeXlsx(path.join(fx, 'bad.xlsx'), [{ name: 'Roll', rows: [STANDARD_HEADERS, ...bad] }]),
    newHub: await writeXlsx(path.join(fx, 'new-hub.xlsx'), [{ name: 'Roll', rows: [['URN', 'School', 'Hub', 'Pupils'], [base[0]!.urn, base[0]!.name, 'Harbour Hub', 600]] }]),
  };
});

describe('hubdesk import roll', () => {
  it('needs FILE and --year (usage, exit 2)', async () => {
    expect((await cli(['--data', dir, 'import', 'roll', '--year', '2026/27'])).code).toBe(2);
    const r = await cli(['--data', dir, 'import', 'roll', files.changed!]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs --year/);
  });

  it('--dry-run --json prints the machine-readable summary and writes nothing', async () => {
    const before = await hashOf(dir);
    const r = await cli(['--data', dir, 'import', 'roll', files.changed!, '--year', '2026/27', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['imported', 'joiners', 'leavers', 'moves', 'errors', 'funding']);
    expect(json.imported).toBe(base.length - 1);
    expect(json.joiners).toEqual([]);
    expect(json.leavers).toEqual([expect.objectContaining({ urn: base[0]!.urn, hub: base[0]!.hub })]);
    expect(json.errors).toEqual([]);
    const funding = json.funding as { hub: string; beforePence: number; afterPence: number }[];
    expect(funding.map((f) => f.hub)).toContain(base[0]!.hub);
    for (const f of funding) expect(Object.keys(f)).toEqual(['hub', 'beforePence', 'afterPence']);
    expect(await hashOf(dir)).toBe(before);
  });

  it('prints every problem with sheet, row and column, writes nothing and exits 1', async () => {
    const before = await hashOf(dir);
    const r = await cli(['--data', dir, 'import', 'roll', files.bad!, '--year', '2026/27']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Roll, row 6, Pupils: "lots" is not a number of pupils/);
    const j = await cli(['--data', dir, 'import', 'roll', files.bad!, '--year', '2026/27', '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out).errors).toEqual([{ sheet: 'Roll', row: 6, column: 'Pupils', message: '"lots" is not a number of pupils' }]);
    const missing = await cli(['--data', dir, 'import', 'roll', path.join(dir, 'nope.xlsx'), '--year', '2026/27', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).errors[0].message).toMatch(/there is no such file/);
    expect(await hashOf(dir)).toBe(before);
  });

  it('commits when there are no errors; the same file again changes nothing', async () => {
    const r = await cli(['--data', dir, 'import', 'roll', files.changed!, '--year', '2026/27']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Imported as import #\d+/);
    const after = await hashOf(dir);
    const again = await cli(['--data', dir, 'import', 'roll', files.changed!, '--year', '2026/27']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/No changes/);
    expect(await hashOf(dir)).toBe(after);
  });

  it('creates the year and, with --create-hubs, the hubs named in the file', async () => {
    const refused = await cli(['--data', dir, 'import', 'roll', files.newHub!, '--year', '2028/29']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/there is no hub "Harbour Hub"/);
    const r = await cli(['--data', dir, 'import', 'roll', files.newHub!, '--year', '2028/29', '--create-hubs', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).funding).toEqual([{ hub: 'Harbour Hub', beforePence: 0, afterPence: (600 - 427) * 300 }]);
    const hubs = await cli(['--data', dir, 'hubs', '--year', '2028/29', '--json']);
    expect((JSON.parse(hubs.out) as { name: string; schools: number }[]).find((h) => h.name === 'Harbour Hub')?.schools).toBe(1);
  });
});
