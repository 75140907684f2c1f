import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './test';
import { startServer, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

interface SchoolRow {
  urn: string;
  name: string;
  hubName: string;
  pupils: number;
}

async function writeRoll(file: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Roll');
  ws.addRow(['Challenge Partners roll 2026/27']);
  ws.addRow([]);
  ws.addRow(['URN', 'School name', 'CP Hub', 'Number on roll', 'Region code']);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}

test('import a membership roll: file, columns, preview with funding effect, import, history, undo', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const shots = 'test-results/screens';

  await page.goto(server.entryUrl);
  await page.getByRole('button', { name: 'Load the demo network' }).click();
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible({ timeout: 30_000 });

  const schools = await server.call<SchoolRow[]>(page, 'listSchools', { year: '2026/27' });
  const aspire = schools.filter((s) => s.hubName === 'Aspire Hub');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-roll-e2e-'));
  const rows = schools
    .filter((s) => s.urn !== aspire[0]!.urn)
    .map((s) => [s.urn, s.name, s.urn === aspire[1]!.urn ? 'Kent Hub' : s.hubName, s.urn === aspire[2]!.urn ? s.pupils + 900 : s.pupils, 'X']);
  rows.push(['999123', 'Harbourside Academy', 'Aspire Hub', 1250, 'X']);
  const hubs = new Set(schools.map((s) => s.hubName));
  if (!hubs.has('Kent Hub')) for (const r of rows) if (r[2] === 'Kent Hub') r[2] = [...hubs].find((h) => h !== 'Aspire Hub')!;
  const good = await writeRoll(path.join(dir, 'roll-2026-27.xlsx'), rows);
  const badRows = rows.map((r) => [...r]);
  badRows[3]![3] = -4;
  badRows[7]![2] = 'Nowhere Hub';
  const bad = await writeRoll(path.join(dir, 'roll-with-problems.xlsx'), badRows);

  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Imports' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Ofsted/ })).toBeVisible();
  await page.getByRole('radio', { name: /Ofsted/ }).check();
  await expect(page.getByText('Drop the Ofsted file here')).toBeVisible();
  await page.getByRole('radio', { name: /Membership roll/ }).check();
  await expect(page.getByText('Drop the membership roll here')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Import history' }).getByRole('cell', { name: 'Demo network', exact: true })).toBeVisible();
  await page.screenshot({ path: `${shots}/roll-01-file.png`, fullPage: true });

  // A file with problems: listed with row, column and reason; the error report downloads; nothing can be imported.
  await page.getByLabel('Roll file').setInputFiles(bad);
  await expect(page.getByRole('heading', { name: 'Map the columns' })).toBeVisible();
  await page.getByRole('button', { name: 'Check the rows' }).click();
  const problems = page.getByRole('table', { name: 'Problems' });
  await expect(problems.getByText('the number of pupils cannot be negative (-4)')).toBeVisible();
  await expect(problems.getByText(/there is no hub "Nowhere Hub"/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import into 2026/27' })).toBeDisabled();
  await page.screenshot({ path: `${shots}/roll-02-problems.png`, fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download error report (.xlsx)' }).click();
  const report = await download;
  expect(report.suggestedFilename()).toBe('roll-with-problems - problems.xlsx');
  const saved = path.join(dir, 'report.xlsx');
  await report.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  expect(wb.getWorksheet('Problems')!.rowCount).toBe(3);

  // The good file: columns mapped (the unknown column left out), then the preview.
  await page.getByRole('button', { name: 'Back to columns' }).click();
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await page.getByLabel('Roll file').setInputFiles(good);
  await expect(page.getByRole('heading', { name: 'Map the columns' })).toBeVisible();
  const mapping = page.getByRole('table', { name: 'Column mapping' });
  await expect(mapping.getByLabel('Field for column C CP Hub')).toHaveValue('hub');
  await expect(mapping.getByLabel('Field for column E Region code')).toHaveValue('');
  await page.screenshot({ path: `${shots}/roll-03-mapping.png`, fullPage: true });
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByRole('heading', { name: 'What this import would change in 2026/27' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Joiners' }).getByText('Harbourside Academy')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Leavers' }).getByText(aspire[0]!.name)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Hub moves' }).locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Pupil changes' }).locator('tbody tr')).toHaveCount(1);
  const funding = page.getByRole('table', { name: 'Funding effect' });
  await expect(funding.getByText('Aspire Hub')).toBeVisible();
  await page.screenshot({ path: `${shots}/roll-04-preview.png`, fullPage: true });

  await page.getByRole('button', { name: 'Import into 2026/27' }).click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 30_000 });
  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.getByText('roll-2026-27.xlsx')).toBeVisible();
  await page.screenshot({ path: `${shots}/roll-05-done.png`, fullPage: true });

  // The same file again: no changes.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('Roll file').setInputFiles(good);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByText('No changes: the 2026/27 roll in hubdesk already matches this file.')).toBeVisible();

  // Undo, after confirming.
  await history.getByRole('button', { name: 'Undo…' }).click();
  const dialog = page.getByRole('dialog', { name: /Undo import/ });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: `${shots}/roll-06-undo-confirm.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText(/was undone: \d+ rows restored/)).toBeVisible();
  await expect(history.getByText(/^undone/)).toBeVisible();
  await expect(page.getByText('Drop the membership roll here')).toBeVisible();
  const after = await server.call<SchoolRow[]>(page, 'listSchools', { year: '2026/27' });
  expect(after.filter((s) => s.hubName === 'Aspire Hub').map((s) => s.urn).sort()).toEqual(aspire.map((s) => s.urn).sort());
  await page.screenshot({ path: `${shots}/roll-07-undone.png`, fullPage: true });

  expect(errors).toEqual([]);
});
