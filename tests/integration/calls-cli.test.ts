import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/store';
import { cli, hashOf } from '../helpers/cli';

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  expect((await cli(['--data', dir, 'demo'])).code).toBe(0);
}, 60_000);

describe('hubdesk pack', () => {
  it('prints the pack as JSON: every part, each fact dated', async () => {
    const r = await cli(['--data', dir, 'pack', '--hub', 'Aspire Hub', '--term', '2025-autumn', '--json']);
    expect(r.code, r.err).toBe(0);
    const p = JSON.parse(r.out);
    expect(p.hub.name).toBe('Aspire Hub');
    expect(p.term).toMatchObject({ id: '2025-autumn', membershipYear: '2025/26', start: '2025-09-01', end: '2025-12-31' });
    expect(p.asAt).toBe('2025-12-31');
    expect(Object.keys(p.changes).sort()).toEqual(['actionsClosed', 'claimsPaid', 'membership', 'newHeadteachers', 'ofsted', 'qaReports', 'reviewersOut', 'reviewsHeld', 'supportRequested']);
    expect(p.changes.qaReports.length).toBeGreaterThan(0);
    for (const list of Object.values(p.changes) as { date: string }[][]) {
      for (const f of list) expect(f.date >= '2025-09-01' && f.date <= '2025-12-31').toBe(true);
    }
    expect(typeof p.funding.totalAvailablePence).toBe('number');
    expect(p.reviewers).toHaveLength(19);
    expect(p.callStatus.hub_manager.status).toBe('overdue');
  });

  it('prints a readable pack and writes the workbook with --xlsx', async () => {
    const file = path.join(tempDir(), 'aspire.xlsx');
    const r = await cli(['--data', dir, 'pack', '--hub', 'aspire hub', '--term', '2026-autumn', '--xlsx', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Aspire Hub · Hub Manager call pack · Autumn 2026 (2026/27) · as at');
    expect(r.out).toContain('Changes since the start of term, 1 September 2026 (no Hub Manager call held before)');
    expect(r.out).toContain('Funding: total available £38,589.77');
    expect(r.out).toMatch(/Support requests \(\d+\)\n {2}2026-\d\d-\d\d {2}.+: “.+” · (open|brokered|in progress|done|declined)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('What changed')!.rowCount).toBeGreaterThan(1);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const before = await hashOf(dir);
    const winter = await cli(['--data', dir, 'pack', '--hub', 'Aspire Hub', '--term', '2025-winter', '--json']);
    expect(winter.code).toBe(1);
    expect(winter.err).toContain('term: must be a term like 2025-autumn');
    const nowhere = await cli(['--data', dir, 'pack', '--hub', 'Nowhere Hub', '--term', '2025-autumn']);
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toContain('There is no hub named “Nowhere Hub”');
    const noTerm = await cli(['--data', dir, 'pack', '--hub', 'Aspire Hub']);
    expect(noTerm.code).toBe(2);
    expect(noTerm.err).toContain('pack needs --term, e.g. --term 2025-autumn');
    expect(await hashOf(dir)).toBe(before);
  });
});
