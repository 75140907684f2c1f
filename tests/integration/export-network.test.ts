import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import type { ExportJobStatus, RequestOf } from '../../shared/contract';
import { poundsToPence, sumPence } from '../../shared/domain/money';
import { makePng } from './export-fixtures';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

async function run(request: RequestOf<'startNetworkExport'>): Promise<{ final: ExportJobStatus; seen: ExportJobStatus[] }> {
  const start = await dispatch(t.ctx, 'startNetworkExport', request);
  if (!start.ok) throw new Error(start.error.message);
  const seen = [start.value as ExportJobStatus];
  let status = seen[0]!;
  while (status.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    const next = await dispatch(t.ctx, 'networkExportStatus', { jobId: status.jobId });
    if (!next.ok) throw new Error(next.error.message);
    status = next.value as ExportJobStatus;
    seen.push(status);
  }
  return { final: status, seen };
}

describe('the network export of the demo (36 hubs)', () => {
  it('one workbook with the network chart and each hub’s chart, reporting progress hub by hub; the network totals are the hubs’ sums', async () => {
    const hubs = await dispatch(t.ctx, 'networkDashboard', { year: '2026/27' });
    if (!hubs.ok) throw new Error(hubs.error.message);
    const network = hubs.value as { hubs: { hubId: number; name: string; totalAvailablePence: number }[] };
    const networkPng = makePng(1400, 640);
    const aspire = network.hubs.find((h) => h.name === 'Aspire Hub')!;
    const aspirePng = makePng(1000, 480);
    const { final, seen } = await run({
      year: '2026/27',
      layout: 'workbook',
      networkChartPngBase64: networkPng.toString('base64'),
      hubCharts: [{ hubId: aspire.hubId, pngBase64: aspirePng.toString('base64') }],
    });
    expect(final.state, final.error ?? '').toBe('done');
    expect(final.total).toBe(37);
    // Progress only moves forward and names the hub being written.
    const done = seen.map((s) => s.done);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.some((s) => /^.+ \(\d+ of 36\)$/.test(s.stage))).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(final.file!.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(final.file!.fileName).toBe('Network dashboard 2026-27.xlsx');
    expect(wb.worksheets).toHaveLength(1 + 36 * 7);
    const ws = wb.getWorksheet('Network')!;
    const header = ws.getRow(1).values as unknown[];
    const col = header.indexOf('Total available');
    const rows: number[] = [];
    for (let r = 2; r <= 37; r += 1) rows.push(poundsToPence(String(ws.getCell(r, col).value)));
    expect(rows.sort()).toEqual(network.hubs.map((h) => h.totalAvailablePence).sort());
    expect(String(ws.getCell(38, 1).value)).toBe('Network (36 hubs)');
    expect(poundsToPence(String(ws.getCell(38, col).value))).toBe(sumPence(rows));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toMatch(/^A1:[A-Z]+37$/);

    expect(ws.getImages()).toHaveLength(1);
    expect(Buffer.from(wb.getImage(Number(ws.getImages()[0]!.imageId)).buffer as unknown as Uint8Array).equals(networkPng)).toBe(true);
    const aspireOverview = wb.getWorksheet('Aspire Hub · Overview')!;
    expect(aspireOverview.getImages()).toHaveLength(1);
    expect(Buffer.from(wb.getImage(Number(aspireOverview.getImages()[0]!.imageId)).buffer as unknown as Uint8Array).equals(aspirePng)).toBe(true);
    const others = wb.worksheets.filter((w) => w.name.endsWith('· Overview') && w.name !== 'Aspire Hub · Overview');
    expect(others).toHaveLength(35);
    for (const o of others) expect(o.getImages(), o.name).toHaveLength(0);

    // A finished job's file is handed over once.
    const again = await dispatch(t.ctx, 'networkExportStatus', { jobId: final.jobId });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/no such export/);
  }, 120_000);

  it('a zip of hub workbooks, each hub’s chart in its own workbook', async () => {
    const hubs = await dispatch(t.ctx, 'listHubs', { year: '2026/27' });
    if (!hubs.ok) throw new Error(hubs.error.message);
    const list = hubs.value as { id: number; name: string }[];
    const png = makePng(600, 300);
    const { final } = await run({ year: '2026/27', layout: 'zip', hubCharts: list.map((h) => ({ hubId: h.id, pngBase64: png.toString('base64') })) });
    expect(final.state, final.error ?? '').toBe('done');
    expect(final.file!.fileName).toBe('Hub dashboards 2026-27.zip');
    expect(final.file!.mime).toBe('application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(final.file!.contentBase64, 'base64'));
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(37);
    expect(final.file!.contents).toEqual(names);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.file('Aspire Hub dashboard 2026-27.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Overview')!.getImages()).toHaveLength(1);
  }, 120_000);

  it('refuses bad requests before starting, and writes nothing', async () => {
    const before = (await storeHash(t.store));
    const png = makePng(20, 20).toString('base64');
    const cases: [unknown, string, RegExp][] = [
      [{ year: '2031/32', layout: 'workbook' }, 'not_found', /no membership year 2031\/32/],
      [{ year: '2026/27', layout: 'folder' }, 'validation', /layout/],
      [{ year: '2026/27', layout: 'zip', networkChartPngBase64: Buffer.from('<svg/>').toString('base64') }, 'validation', /networkChartPngBase64: is not a PNG image/],
      [{ year: '2026/27', layout: 'zip', hubCharts: [{ hubId: 987_654, pngBase64: png }] }, 'validation', /hubCharts\.0\.hubId: there is no hub with id 987654/],
      [{ year: '2026/27', layout: 'zip', hubCharts: [{ hubId: 1, pngBase64: png }, { hubId: 1, pngBase64: png }] }, 'validation', /hubCharts\.1\.hubId: hub 1 has two charts/],
      [{ year: '2026/27', layout: 'zip', hubCharts: [{ hubId: 1, pngBase64: 'AAAA' }] }, 'validation', /hubCharts\.0\.pngBase64: is not a PNG image/],
    ];
    for (const [request, kind, message] of cases) {
      const r = await dispatch(t.ctx, 'startNetworkExport', request);
      expect(r.ok, JSON.stringify(request).slice(0, 100)).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe(kind);
        expect(r.error.message).toMatch(message);
      }
    }
    const unknown = await dispatch(t.ctx, 'networkExportStatus', { jobId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.kind).toBe('not_found');
    const bad = await dispatch(t.ctx, 'networkExportStatus', { jobId: '../../etc/passwd' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.kind).toBe('validation');
    expect((await storeHash(t.store))).toBe(before);
  });
});
