import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';
import { spawnSync } from 'node:child_process';
import type { FixtureSchool } from '../fixtures/ofsted/generate';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

interface SchoolRow {
  schoolId: number;
  urn: string;
  name: string;
  hubName: string;
}

/** Writes the CSV with the fixture generator, in a tsx child (see ofsted-csv.mts). */
function writeCsv(file: string, schools: FixtureSchool[]): string {
  const r = spawnSync(path.resolve('node_modules/.bin/tsx'), [path.resolve('tests/e2e/ofsted-csv.mts'), file], { input: JSON.stringify(schools), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`writing ${file} failed: ${r.stderr}`);
  return file;
}

function reportCard(urn: string, name: string): FixtureSchool {
  return {
    urn,
    name,
    reportCard: {
      start: '03/11/2026',
      published: '17/11/2026',
      grades: { safeguarding: 'Met', inclusion: 'Strong standard', curriculum: 'Expected standard', achievement: 'Expected standard', attendance: 'Strong standard', personal: 'Expected standard', leadership: 'Strong standard' },
    },
  };
}

test('import an Ofsted file: preview (new, ignored, problems), all schools, import, nothing new again, undo', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const shots = 'test-results/screens';

  await page.goto(server.entryUrl);
  const schools = await server.call<SchoolRow[]>(page, 'listSchools', { year: '2026/27' });
  const members = schools.filter((s) => s.hubName === 'Aspire Hub').slice(0, 3);
  expect(members).toHaveLength(3);
  const rows = [...members.map((s) => reportCard(s.urn, s.name)), reportCard('999001', 'Not A Member Primary'), reportCard('999002', 'Elsewhere Academy')];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-ofsted-e2e-'));
  const good = path.join(dir, 'Management_information_-_state-funded_schools_-_as_at_30_Nov_2026.csv');
  writeCsv(good, rows);
  const badRows = rows.map((r) => ({ ...r }));
  badRows[1] = { ...badRows[1]!, set: { 'Inclusion': 'Brilliant' } };
  const bad = path.join(dir, 'ofsted-with-problems.csv');
  writeCsv(bad, badRows);
  const before = await server.call<{ id: number }[]>(page, 'listImportBatches', {});

  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Imports' })).toBeVisible();
  await page.getByRole('radio', { name: /Ofsted/ }).check();
  await expect(page.getByText('Drop the Ofsted file here')).toBeVisible();
  await page.screenshot({ path: `${shots}/ofsted-01-file.png`, fullPage: true });

  // A file with a grade out of vocabulary: the problem is located; nothing can be imported.
  await page.getByLabel('Ofsted file').setInputFiles(bad);
  await expect(page.getByRole('heading', { name: 'What this Ofsted file would add' })).toBeVisible();
  const problems = page.getByRole('table', { name: 'Problems' });
  await expect(problems.getByRole('cell', { name: 'Inclusion', exact: false }).first()).toBeVisible();
  await expect(problems.getByText(/Brilliant/)).toBeVisible();
  await expect(problems.getByRole('cell', { name: members[1]!.urn })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d+ inspection/ })).toBeDisabled();
  await page.screenshot({ path: `${shots}/ofsted-02-problems.png`, fullPage: true });

  // The good file: three new inspections of member schools, two other schools ignored.
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await page.getByLabel('Ofsted file').setInputFiles(good);
  await expect(page.getByRole('heading', { name: 'What this Ofsted file would add' })).toBeVisible();
  await expect(page.getByText('as at 2026-11-30', { exact: false })).toBeVisible();
  const table = page.getByRole('table', { name: 'New inspections by school' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  for (const m of members) await expect(table.getByRole('cell', { name: m.urn, exact: true })).toBeVisible();
  await expect(table.getByText('Not A Member Primary')).toHaveCount(0);
  const kpi = (label: string) => page.locator('.kpi').filter({ has: page.locator('.kpi-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.kpi-value');
  await expect(kpi('Other schools ignored')).toHaveText('2');
  await expect(kpi('New inspections')).toHaveText('3');
  await page.screenshot({ path: `${shots}/ofsted-03-preview.png`, fullPage: true });

  // "All schools" keeps the non-members too; back to members only.
  await page.getByRole('checkbox', { name: 'All schools, not only members' }).check();
  await expect(kpi('New inspections')).toHaveText('5');
  await expect(table.getByText('Not A Member Primary')).toBeVisible();
  await page.getByRole('checkbox', { name: 'All schools, not only members' }).uncheck();
  await expect(kpi('New inspections')).toHaveText('3');

  await page.getByRole('button', { name: 'Import 3 inspections' }).click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Imported 3 new inspections of 3 schools/)).toBeVisible();
  const history = page.getByRole('table', { name: 'Import history' });
  const batchRow = history.locator('tbody tr').filter({ hasText: path.basename(good) });
  await expect(batchRow.getByRole('cell', { name: 'Ofsted', exact: true })).toBeVisible();
  await expect(batchRow.getByText('3 inspections added')).toBeVisible();
  await page.screenshot({ path: `${shots}/ofsted-04-done.png`, fullPage: true });
  const school = await server.call<unknown>(page, 'schoolDashboard', { schoolId: members[0]!.schoolId });
  expect(JSON.stringify(school)).toContain('2026-11-03');

  // The same file again: every inspection already stored, nothing to import.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('Ofsted file').setInputFiles(good);
  await expect(page.getByText(/Nothing new: every inspection of member schools in this file is already stored/)).toBeVisible();
  await expect(kpi('Already stored')).toHaveText('3');
  await expect(page.getByRole('button', { name: 'Import 0 inspections' })).toBeDisabled();
  await page.screenshot({ path: `${shots}/ofsted-05-again.png`, fullPage: true });

  // Undo, after confirming.
  await batchRow.getByRole('button', { name: 'Undo…' }).click();
  const dialog = page.getByRole('dialog', { name: /Undo import/ });
  await expect(dialog.getByText(/puts back the Ofsted inspections/)).toBeVisible();
  await page.screenshot({ path: `${shots}/ofsted-06-undo-confirm.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText(/was undone: \d+ rows restored/)).toBeVisible();
  await expect(batchRow.getByText(/^undone/)).toBeVisible();
  const afterUndo = await server.call<unknown>(page, 'schoolDashboard', { schoolId: members[0]!.schoolId });
  expect(JSON.stringify(afterUndo)).not.toContain('2026-11-03');
  const batches = await server.call<{ id: number }[]>(page, 'listImportBatches', {});
  expect(batches.length).toBe(before.length + 1);
  await page.screenshot({ path: `${shots}/ofsted-07-undone.png`, fullPage: true });

  expect(errors).toEqual([]);
});
