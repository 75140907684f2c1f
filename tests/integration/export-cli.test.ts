import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/store';
import { cli, hashOf } from '../helpers/cli';

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

let dir: string;
let out: string;
beforeAll(async () => {
  dir = tempDir();
  out = tempDir('hubdesk-export-out-');
  expect((await cli(['--data', dir, 'demo'])).code).toBe(0);
}, 60_000);

describe('hubdesk export hub', () => {
  it('writes the hub workbook (without a chart image) and says where', async () => {
    const file = path.join(out, 'aspire.xlsx');
    const r = await cli(['--data', dir, 'export', 'hub', 'Aspire Hub', '--year', '2026/27', '--out', file, '--contacts']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Wrote ${file}: 7 sheets, with personal contact details`);
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Overview', 'Schools', 'Ofsted', 'QA outcomes', 'WWWs and EBIs', 'Reviewer commitments', 'Funding and claims']);
    expect(wb.getWorksheet('Overview')!.getImages()).toHaveLength(0);
    expect(wb.getWorksheet('Schools')!.getRow(1).values).toContain('Email');
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('leaves the contact columns out unless --contacts is given (--no-contacts says the same)', async () => {
    for (const flags of [[], ['--no-contacts']]) {
      const file = path.join(out, `aspire-public${flags.length}.xlsx`);
      const r = await cli(['--data', dir, 'export', 'hub', 'Aspire Hub', '--year', '2026/27', '--out', file, ...flags]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('without personal contact details');
      const header = (await workbook(file)).getWorksheet('Schools')!.getRow(1).values as unknown[];
      expect(header).not.toContain('Email');
      expect(header).not.toContain('Telephone');
    }
    expect((await cli(['--data', dir, 'export', 'hub', 'Aspire Hub', '--year', '2026/27', '--out', path.join(out, 'x.xlsx'), '--contacts', '--no-contacts'])).code).toBe(2);
  });

  it('an unknown hub: exit 1 with the message, no file, the database unchanged', async () => {
    const before = await hashOf(dir);
    const file = path.join(out, 'nowhere.xlsx');
    const r = await cli(['--data', dir, 'export', 'hub', 'Atlantis Hub', '--year', '2026/27', '--out', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/There is no hub named “Atlantis Hub”/);
    expect(fs.existsSync(file)).toBe(false);
    const year = await cli(['--data', dir, 'export', 'hub', 'Aspire Hub', '--year', '2040/41', '--out', file]);
    expect(year.code).toBe(1);
    expect(year.err).toMatch(/2040\/41/);
    expect(fs.existsSync(file)).toBe(false);
    const folder = await cli(['--data', dir, 'export', 'hub', 'Aspire Hub', '--year', '2026/27', '--out', path.join(out, 'missing', 'a.xlsx')]);
    expect(folder.code).toBe(1);
    expect(folder.err).toMatch(/folder .* does not exist/);
    expect(await hashOf(dir)).toBe(before);
  });

  it('usage mistakes: exit 2 with the usage', async () => {
    const cases = [
      ['export', 'hub', 'Aspire Hub', '--year', '2026/27'],
      ['export', 'hub', 'Aspire Hub', '--out', path.join(out, 'x.xlsx')],
      ['export', 'hub', 'Aspire Hub', '--year', '2026/27', '--out', path.join(out, 'x.csv')],
      ['export', 'hub', '--year', '2026/27', '--out', path.join(out, 'x.xlsx')],
      ['export', 'network', '--year', '2026/27', '--out', path.join(out, 'x.pdf')],
    ];
    for (const args of cases) {
      const r = await cli(['--data', dir, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/usage: hubdesk \[--data DIR\] export (hub|network)/);
    }
    const badYear = await cli(['--data', dir, 'export', 'network', '--year', '2026', '--out', path.join(out, 'x.xlsx')]);
    expect(badYear.code).toBe(1);
    expect(badYear.err).toMatch(/year: must look like 2025\/26/);
  });
});

describe('hubdesk export network', () => {
  it('one workbook: the Network sheet (a row per hub, 36 hubs) then every hub’s seven sheets', async () => {
    const file = path.join(out, 'network.xlsx');
    const r = await cli(['--data', dir, 'export', 'network', '--year', '2026/27', '--out', file]);
    expect(r.code, r.err).toBe(0);
    const wb = await workbook(file);
    expect(wb.worksheets).toHaveLength(1 + 36 * 7);
    const ws = wb.getWorksheet('Network')!;
    const hubs: string[] = [];
    for (let row = 2; ws.getCell(row, 1).value !== null && !String(ws.getCell(row, 1).value).startsWith('Network ('); row += 1) hubs.push(String(ws.getCell(row, 1).value));
    expect(hubs).toHaveLength(36);
    expect(hubs).toContain('Aspire Hub');
    const names = wb.worksheets.map((w) => w.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(names).toContain('Aspire Hub · Overview');
    expect(names).toContain('Aspire Hub · Funding');
    // The Network sheet says where each hub's sheets start.
    const last = ws.getRow(1).cellCount;
    expect(ws.getCell(1, last).value).toBe('Hub sheets from');
    expect(names).toContain(String(ws.getCell(2, last).value));
  }, 120_000);

  it('a .zip: the network workbook and one workbook per hub', async () => {
    const file = path.join(out, 'hubs.zip');
    const r = await cli(['--data', dir, 'export', 'network', '--year', '2026/27', '--out', file, '--no-contacts']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('37 workbooks');
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const entries = Object.keys(zip.files);
    expect(entries).toHaveLength(37);
    expect(entries).toContain('Network dashboard 2026-27.xlsx');
    expect(entries).toContain('Aspire Hub dashboard 2026-27.xlsx');
    const aspire = new ExcelJS.Workbook();
    await aspire.xlsx.load((await zip.file('Aspire Hub dashboard 2026-27.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer);
    expect(aspire.worksheets).toHaveLength(7);
    expect(aspire.getWorksheet('Schools')!.getRow(1).values).not.toContain('Email');
  }, 120_000);
});
