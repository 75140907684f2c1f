import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { networkDashboard } from '../../electron/core/dashboards/network';
import { loadHubExportData, type HubExportData } from '../../electron/core/exports/hub-data';
import { hubFileName, hubWorkbookBytes } from '../../electron/core/exports/hub-workbook';
import { writeNetworkExport } from '../../electron/core/exports/network-workbook';
import { openWorkbookPool, poolSize } from '../../electron/core/exports/worker/pool';
import type { ChartImage } from '../../electron/core/exports/sheets/types';
import { openTestStore, type TestStore } from '../helpers/store';
import { makePng } from './export-fixtures';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

/** Where an image's corner is (an anchor also points back at its worksheet, so only its place is compared). */
const anchor = (a: { nativeCol: number; nativeRow: number; nativeColOff: number; nativeRowOff: number }) => [a.nativeCol, a.nativeRow, a.nativeColOff, a.nativeRowOff];

/** Everything a person sees in a workbook: each sheet's cells (values and styles), merges, columns, views, filters, print set-up and images. */
async function contentOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return {
    properties: { title: wb.title, creator: wb.creator, created: wb.created, modified: wb.modified },
    sheets: wb.worksheets.map((ws) => {
      const cells: Record<string, unknown> = {};
      ws.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          cells[cell.address] = { value: cell.value, style: cell.style };
        });
      });
      return {
        name: ws.name,
        cells,
        merges: ws.model.merges,
        columns: (ws.columns ?? []).map((c) => ({ width: c.width, hidden: c.hidden })),
        views: ws.views,
        autoFilter: ws.autoFilter,
        pageSetup: ws.pageSetup,
        headerFooter: ws.headerFooter,
        images: ws.getImages().map((img) => ({
          at: anchor(img.range.tl),
          to: img.range.br ? anchor(img.range.br) : null,
          ext: (img.range as { ext?: unknown }).ext ?? null,
          sha256: createHash('sha256').update(wb.getImage(Number(img.imageId)).buffer as unknown as Uint8Array).digest('hex'),
        })),
      };
    }),
  };
}

describe('hub workbooks written in worker threads', () => {
  it('the zip holds, for every hub of the demo network, the workbook the app’s own thread writes, cell for cell; progress counts every hub', async () => {
    const year = '2026/27';
    const hubs = (await networkDashboard(t.ctx, { year })).hubs;
    expect(hubs.length).toBe(36);
    // Charts on some hubs only: each must land in its own hub's workbook.
    const hubCharts = new Map<number, ChartImage>(hubs.filter((_, i) => i % 3 === 0).map((h, i) => [h.hubId, { png: makePng(400 + i, 200), width: 400 + i, height: 200 }]));
    const seen: { done: number; stage: string }[] = [];
    const file = await writeNetworkExport(t.ctx, { year, layout: 'zip', includeContacts: true, networkChart: null, hubCharts }, (done, _total, stage) => seen.push({ done, stage }));

    const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64, 'base64'));
    expect(file.contents).toHaveLength(37);
    expect(file.contents.slice(1)).toEqual(hubs.map((h) => hubFileName(h.name, year)));
    for (const hub of hubs) {
      const data = await loadHubExportData(t.ctx, { hubId: hub.hubId, year });
      const inThread = await hubWorkbookBytes(t.ctx.now(), data, { includeContacts: true, chart: hubCharts.get(hub.hubId) ?? null });
      const fromWorker = await zip.file(hubFileName(hub.name, year))!.async('nodebuffer');
      expect(await contentOf(fromWorker), hub.name).toEqual(await contentOf(inThread.bytes));
    }
    const dones = seen.map((s) => s.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    expect(seen.filter((s) => /^.+ \(\d+ of 36\)$/.test(s.stage))).toHaveLength(36);
    expect(dones).toContain(36);
  }, 180_000);

  it('a workbook that fails in its worker fails with the hub’s name, and the pool then refuses the rest', async () => {
    const pool = openWorkbookPool(1);
    try {
      const good = await loadHubExportData(t.ctx, { hubName: 'Aspire Hub', year: '2026/27' });
      const broken = { ...good, dashboard: undefined } as unknown as HubExportData;
      await expect(pool.write('Broken Hub', { data: broken, includeContacts: false, chart: null, now: t.ctx.now() })).rejects.toThrow(/^Writing the workbook of Broken Hub failed: .+\. No file was written\.$/);
      await expect(pool.write('Aspire Hub', { data: good, includeContacts: false, chart: null, now: t.ctx.now() })).rejects.toThrow(/Broken Hub failed/);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('has as many workers as cores, at least one, at most four, never more than the workbooks', () => {
    expect(poolSize(36, 2)).toBe(2);
    expect(poolSize(36, 1)).toBe(1);
    expect(poolSize(36, 16)).toBe(4);
    expect(poolSize(1, 8)).toBe(1);
    expect(poolSize(0, 8)).toBe(1);
  });
});
