import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from './test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { startServerWithDemo, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

const screens = 'test-results/screens';

async function openExports(page: Page) {
  await page.goto(server.entryUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // The app has settled on its first page (its shortcuts are listening) before the key is pressed.
  await expect(page.getByRole('heading', { name: 'Network', level: 1 })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: 'Exports', exact: true })).toBeVisible();
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Width and height of a PNG from its header. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('Exports page: the hub workbook downloads with its spend chart drawn by the app', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openExports(page);
  const panel = page.getByRole('region', { name: 'Hub workbook' });
  await panel.getByLabel('Hub').selectOption({ label: 'Aspire Hub (19 schools)' });
  await expect(panel.getByLabel(/Include personal contact details/)).toBeChecked();
  await page.screenshot({ path: `${screens}/exports-01-page.png`, fullPage: true });

  // Keyboard: focus the button and press Enter.
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Export hub workbook' }).focus();
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Aspire Hub dashboard 2026-27.xlsx');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-e2e-export-')), download.suggestedFilename());
  await download.saveAs(file);
  await expect(panel.getByRole('status')).toHaveText(/Saved Aspire Hub dashboard 2026-27\.xlsx \(7 sheets/);
  await page.screenshot({ path: `${screens}/exports-02-hub-saved.png`, fullPage: true });

  const wb = await readWorkbook(fs.readFileSync(file));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Overview', 'Schools', 'Ofsted', 'QA outcomes', 'WWWs and EBIs', 'Reviewer commitments', 'Funding and claims']);
  const images = wb.getWorksheet('Overview')!.getImages();
  expect(images).toHaveLength(1);
  const png = Buffer.from(wb.getImage(Number(images[0]!.imageId)).buffer as unknown as Uint8Array);
  // Drawn at twice the 760-pixel box, so it is sharp when printed.
  const size = pngSize(png);
  expect(size.width).toBeGreaterThanOrEqual(1400);
  expect(size.height).toBeGreaterThan(300);
  expect(png.length).toBeGreaterThan(10_000);
  fs.writeFileSync(`${screens}/exports-03-chart-in-workbook.png`, png);
  expect(wb.getWorksheet('Schools')!.getRow(1).values).toContain('Email');
  expect(errors).toEqual([]);
});

test('Exports page: without contact details, for wider circulation', async ({ page }) => {
  await openExports(page);
  const panel = page.getByRole('region', { name: 'Hub workbook' });
  await panel.getByLabel('Hub').selectOption({ label: 'Aspire Hub (19 schools)' });
  await panel.getByLabel(/Include personal contact details/).uncheck();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Export hub workbook' }).click();
  const bytes = fs.readFileSync((await (await downloading).path())!);
  const header = (await readWorkbook(bytes)).getWorksheet('Schools')!.getRow(1).values as unknown[];
  expect(header).not.toContain('Email');
  expect(header).not.toContain('Telephone');
});

test('Exports page: the network as a zip of hub workbooks, with a progress bar while charts are drawn and the file written', async ({ page }) => {
  test.setTimeout(180_000);
  await openExports(page);
  const panel = page.getByRole('region', { name: 'Network' });
  await panel.getByLabel(/One workbook per hub, in a \.zip/).check();
  const downloading = page.waitForEvent('download', { timeout: 150_000 });
  await panel.getByRole('button', { name: 'Export hub workbooks (.zip)' }).click();
  const bar = panel.getByRole('progressbar');
  await expect(bar).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Exporting…' })).toBeDisabled();
  await expect(panel.getByRole('status').first()).toContainText(/Drawing charts|Writing/, { timeout: 30_000 });
  await page.screenshot({ path: `${screens}/exports-04-network-progress.png`, fullPage: true });
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Hub dashboards 2026-27.zip');
  await expect(panel.getByRole('status')).toHaveText(/Saved Hub dashboards 2026-27\.zip \(37 workbooks/);
  await expect(bar).toHaveCount(0);
  await page.screenshot({ path: `${screens}/exports-05-network-saved.png`, fullPage: true });

  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const names = Object.keys(zip.files);
  expect(names).toHaveLength(37);
  const network = await readWorkbook(await zip.file('Network dashboard 2026-27.xlsx')!.async('nodebuffer'));
  expect(network.getWorksheet('Network')!.getImages()).toHaveLength(1);
  const aspire = await readWorkbook(await zip.file('Aspire Hub dashboard 2026-27.xlsx')!.async('nodebuffer'));
  expect(aspire.getWorksheet('Overview')!.getImages()).toHaveLength(1);
  const chart = Buffer.from(network.getImage(Number(network.getWorksheet('Network')!.getImages()[0]!.imageId)).buffer as unknown as Uint8Array);
  fs.writeFileSync(`${screens}/exports-06-network-chart-in-workbook.png`, chart);
});

test('hub dashboard: "Export to Excel" saves the hub workbook with its chart', async ({ page }) => {
  await page.goto(server.entryUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByLabel('Filter hubs').fill('Aspire');
  await page.getByRole('table').locator('tbody tr').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Aspire Hub' })).toBeVisible();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export to Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Aspire Hub dashboard 2026-27.xlsx');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-e2e-export-')), download.suggestedFilename());
  await download.saveAs(file);
  const wb = await readWorkbook(fs.readFileSync(file));
  const images = wb.getWorksheet('Overview')!.getImages();
  expect(images).toHaveLength(1);
  const png = Buffer.from(wb.getImage(Number(images[0]!.imageId)).buffer as unknown as Uint8Array);
  expect(pngSize(png).width).toBeGreaterThan(400);
  await page.screenshot({ path: `${screens}/exports-05-hub-button.png` });
});
