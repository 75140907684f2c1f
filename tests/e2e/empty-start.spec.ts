import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { expect, test } from './test';
import { startServer, type RunningServer } from './server-fixture';
import { buildTracker, goodTrackerSpec } from '../fixtures/qa/generate';
import type { FixtureSchool } from '../fixtures/ofsted/generate';

/**
 * The real team's first day: an empty database, no demo. Start empty, import the roll (its hubs are
 * new), then Ofsted and the QA tracker, and open a hub's dashboard — all in the browser.
 */
let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const LONG_HUB = 'Merseyside, Cheshire and Warrington Schools Improvement Partnership Hub';
const SCHOOLS = [
  ['104001', 'Riverside Primary School', LONG_HUB, 412],
  ['104002', 'Halewood Academy', LONG_HUB, 980],
  ['104003', 'St Anne’s CE Primary School', LONG_HUB, 210],
  ['104004', 'Prescot High School', LONG_HUB, 1120],
  ['104005', 'Whiston Junior School', 'Wirral Hub', 355],
  ['104006', 'Birkenhead Park School', 'Wirral Hub', 690],
] as const;

function writeOfsted(file: string, schools: FixtureSchool[]): string {
  const r = spawnSync(path.resolve('node_modules/.bin/tsx'), [path.resolve('tests/e2e/ofsted-csv.mts'), file], { input: JSON.stringify(schools), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`writing ${file} failed: ${r.stderr}`);
  return file;
}

test('an empty database: start empty, import the roll with new hubs, Ofsted and the QA tracker, then a hub dashboard', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const shots = 'test-results/screens';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-empty-start-'));

  // The files of a first day: the roll, Ofsted's file and the QA tracker.
  const roll = path.join(dir, 'Roll 2026-27.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Roll');
  ws.addRow(['URN', 'School name', 'CP Hub', 'Number on roll']);
  for (const s of SCHOOLS) ws.addRow([...s]);
  await wb.xlsx.writeFile(roll);
  const ofsted = writeOfsted(
    path.join(dir, 'Management_information_-_state-funded_schools_-_as_at_30_Nov_2026.csv'),
    SCHOOLS.slice(0, 3).map(([urn, name]) => ({
      urn,
      name,
      reportCard: { start: '03/11/2026', published: '17/11/2026', grades: { safeguarding: 'Met', inclusion: 'Strong standard', curriculum: 'Expected standard', achievement: 'Expected standard', attendance: 'Strong standard', personal: 'Expected standard', leadership: 'Strong standard' } },
    })),
  );
  const tracker = path.join(dir, 'QA tracker 2026-27.xlsx');
  fs.writeFileSync(tracker, await buildTracker(goodTrackerSpec(['104001', '104002', '104003'], ['104004', '104002'])));

  // Welcome, then "Start with an empty network" opens Imports — and a reload stays there.
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Welcome to hubdesk' })).toBeVisible();
  await page.screenshot({ path: `${shots}/empty-01-welcome.png` });
  await page.getByRole('link', { name: 'Start with an empty network' }).click();
  await expect(page.getByRole('heading', { name: 'Imports' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to hubdesk' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Imports' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to hubdesk' })).toHaveCount(0);
  // The roll goes into the year today falls in (there is no year yet).
  await expect(page.getByLabel('Year of the roll')).toHaveValue('2026/27');
  await page.screenshot({ path: `${shots}/empty-02-imports.png`, fullPage: true });

  // The roll: its hubs are new, so they are created when asked.
  await page.getByLabel('Roll file').setInputFiles(roll);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByRole('heading', { name: 'What this import would change in 2026/27' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Create new hubs' }).check();
  const importRoll = page.getByRole('button', { name: 'Import into 2026/27' });
  await expect(importRoll).toBeEnabled();
  await expect(page.getByRole('table', { name: 'Joiners' }).locator('tbody tr')).toHaveCount(SCHOOLS.length);
  await page.screenshot({ path: `${shots}/empty-03-roll-preview.png`, fullPage: true });
  await importRoll.click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 30_000 });

  // Ofsted: the three member schools' report cards.
  await page.getByRole('radio', { name: /Ofsted/ }).check();
  await page.getByLabel('Ofsted file').setInputFiles(ofsted);
  await expect(page.getByRole('heading', { name: 'What this Ofsted file would add' })).toBeVisible();
  await page.getByRole('button', { name: 'Import 3 inspections' }).click();
  await expect(page.getByText(/Imported 3 new inspections of 3 schools/)).toBeVisible({ timeout: 30_000 });

  // The QA tracker, into the year the roll made.
  await page.getByRole('radio', { name: /QA tracker/ }).check();
  await expect(page.getByLabel('Year of the reviews')).toHaveValue('2026/27');
  await page.getByLabel('QA tracker file').setInputFiles(tracker);
  await expect(page.getByRole('heading', { name: 'What this tracker would change in 2026/27' })).toBeVisible();
  await page.getByRole('button', { name: 'Import into 2026/27' }).click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${shots}/empty-04-imported.png`, fullPage: true });

  // The network has the two new hubs; the long-named hub's dashboard shows its schools, Ofsted and QA.
  await page.keyboard.press('Alt+1');
  const hubs = page.getByRole('table', { name: 'Hubs' });
  await expect(hubs.locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: `${shots}/empty-05-network.png`, fullPage: true });
  await hubs.locator('tbody tr', { hasText: LONG_HUB }).click();
  await expect(page.getByRole('heading', { name: LONG_HUB })).toBeVisible();
  const schools = page.getByRole('table', { name: `Schools in ${LONG_HUB}` });
  await expect(schools.locator('tbody tr')).toHaveCount(4);
  const riverside = schools.locator('tbody tr', { hasText: 'Riverside Primary School' });
  await expect(riverside.locator('.dash-ofsted')).toContainText('Report card');
  await expect(riverside.locator('.dash-ofsted')).toContainText('3 Nov 2026');
  await expect(riverside.locator('.dash-estimates')).toContainText('Leading');
  await expect(riverside).toContainText('Oracy across the curriculum');
  // Nobody has paid yet: each school is offered "Fee paid".
  await expect(page.getByRole('table', { name: 'Memberships' }).getByRole('button', { name: /^Fee for / })).toHaveText(Array(4).fill('Fee paid'));
  await page.screenshot({ path: `${shots}/empty-06-hub.png`, fullPage: true });
  expect(errors).toEqual([]);
});
