import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';
import { buildTracker, goodTrackerSpec } from '../fixtures/qa/generate';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

test('import a QA tracker: problems located, preview, import, history, undo', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const shots = 'test-results/screens';

  await page.goto(server.entryUrl);
  const schools = await server.call<{ urn: string; hubName: string }[]>(page, 'listSchools', { year: '2026/27' });
  const aspire = schools.filter((s) => s.hubName === 'Aspire Hub').map((s) => s.urn);
  const spec = goodTrackerSpec([aspire[0]!, aspire[1]!, aspire[2]!], [aspire[3]!, aspire[4]!]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-qa-e2e-'));
  const good = path.join(dir, 'QA tracker 2026-27.xlsx');
  fs.writeFileSync(good, await buildTracker(spec));
  spec.reviews[0]!.quality = 'Outstanding';
  const bad = path.join(dir, 'QA tracker with problems.xlsx');
  fs.writeFileSync(bad, await buildTracker(spec));

  await page.keyboard.press('Alt+6');
  await page.getByRole('radio', { name: /QA tracker/ }).check();
  await expect(page.getByText('Drop the QA tracker here')).toBeVisible();
  await expect(page.getByLabel('Year of the reviews')).toHaveValue('2026/27');
  await page.screenshot({ path: `${shots}/qa-01-file.png`, fullPage: true });

  await page.getByLabel('QA tracker file').setInputFiles(bad);
  const problems = page.getByRole('table', { name: 'Problems' });
  await expect(problems.getByText(/"Outstanding" is not an estimate/)).toBeVisible();
  await expect(problems.getByRole('cell', { name: 'Quality of provision and outcomes (column G)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import into 2026/27' })).toBeDisabled();
  await page.screenshot({ path: `${shots}/qa-02-problems.png`, fullPage: true });

  await page.getByRole('button', { name: 'Choose another file' }).click();
  await page.getByLabel('QA tracker file').setInputFiles(good);
  await expect(page.getByRole('heading', { name: 'What this tracker would change in 2026/27' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Updated reviews' }).locator('tbody tr')).toHaveCount(3);
  const assignments = page.getByRole('table', { name: 'New reviewer assignments' });
  await expect(assignments.getByRole('row').filter({ hasText: 'Grace Liu' }).getByText('Tom Baker')).toBeVisible();
  await page.screenshot({ path: `${shots}/qa-03-preview.png`, fullPage: true });

  await page.getByRole('button', { name: 'Import into 2026/27' }).click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 30_000 });
  const history = page.getByRole('table', { name: 'Import history' });
  const row = history.locator('tbody tr').filter({ hasText: 'QA tracker 2026-27.xlsx' });
  await expect(row.getByRole('cell', { name: 'QA tracker', exact: true })).toBeVisible();
  await expect(row.getByText(/0 reviews added, 3 updated, 4 assignments/)).toBeVisible();
  await page.screenshot({ path: `${shots}/qa-04-done.png`, fullPage: true });
  const hits = await server.call<{ hits: { urn: string }[] }>(page, 'searchQaText', { text: 'Reception onwards' });
  expect(hits.hits.map((h) => h.urn)).toContain(aspire[0]);

  await row.getByRole('button', { name: 'Undo…' }).click();
  const dialog = page.getByRole('dialog', { name: /Undo import/ });
  await expect(dialog.getByText(/puts back the QA reviews/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText(/was undone: \d+ rows restored/)).toBeVisible();
  const after = await server.call<{ hits: { urn: string }[] }>(page, 'searchQaText', { text: 'Reception onwards' });
  expect(after.hits.map((h) => h.urn)).not.toContain(aspire[0]);
  await page.screenshot({ path: `${shots}/qa-05-undone.png`, fullPage: true });
  expect(errors).toEqual([]);
});
