import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, watchErrors } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';
import { TEST_TODAY_SHOWN } from '../helpers/clock';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

const SCREENS = 'test-results/screens';

test('a catch-up call from My calls to the pack (Excel, PDF) to recorded actions', async ({ page }) => {
  const errors = watchErrors(page);
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible({ timeout: 30_000 });

  // Alt+0 opens Calls: nobody is chosen yet, so it says where to choose.
  await page.keyboard.press('Alt+0');
  await expect(page.getByRole('heading', { name: 'My calls' })).toBeVisible();
  await expect(page.getByText('hubdesk does not know who you are yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Settings → I am' }).click();

  // Settings: "I am" Grace Okafor.
  await page.getByRole('combobox', { name: 'I am' }).selectOption({ label: 'Grace Okafor — Memberships Manager' });
  await expect(page.getByText('Saved: you are Grace Okafor.')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/calls-01-settings-i-am.png` });

  // My calls: Grace's six hubs, every call due this term.
  await page.keyboard.press('Alt+0');
  const table = page.getByRole('table', { name: "My hubs' calls" });
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await expect(page.getByText(/Grace Okafor · Autumn 2026/)).toBeVisible();
  const aspireRow = table.locator('tbody tr', { hasText: 'Aspire Hub' });
  await expect(aspireRow).toContainText('due');
  await expect(aspireRow).toContainText('Emma Ford, Simon Goodwin');
  await page.screenshot({ path: `${SCREENS}/calls-02-my-calls.png`, fullPage: true });

  // Open Aspire Hub's pack with the keyboard.
  await aspireRow.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Aspire Hub: call pack' })).toBeVisible();
  const changes = page.getByRole('table', { name: 'What changed' });
  await expect(page.getByRole('heading', { name: /What changed since the start of term, 1 Sept? 2026/ })).toBeVisible();
  await expect(changes.locator('tr', { hasText: 'QA report received' }).filter({ hasText: 'Lord Derby Academy' })).toContainText('Area of Excellence: Using AI to reduce teacher workload');
  await expect(page.getByText('£38,589.77')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Claims pending' }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Drop-outs' }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Hub meetings' })).toContainText('8 Oct 2026');
  await page.screenshot({ path: `${SCREENS}/calls-03-pack-top.png` });
  await page.screenshot({ path: `${SCREENS}/calls-03-pack.png`, fullPage: true });

  // Excel.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Aspire Hub - call pack 2026-autumn.xlsx');
  const xlsx = 'test-results/calls-pack.xlsx';
  await download.saveAs(xlsx);
  expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

  // PDF: Chromium's print of the pack view (the print stylesheet keeps the pack only).
  const pdfPath = 'test-results/calls-pack.pdf';
  const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  const pdftoppm = spawnSync('pdftoppm', ['-v']);
  if (pdftoppm.error === undefined) {
    const r = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdfPath, `${SCREENS}/calls-04-pdf-page`]);
    expect(r.status, String(r.stderr)).toBe(0);
    expect(fs.existsSync(`${SCREENS}/calls-04-pdf-page-1.png`)).toBe(true);
  }

  // Record the call: a bad action first (an owner but no text) is refused with its reason.
  const form = page.getByRole('form', { name: 'Record a call' });
  await form.getByLabel('Emma Ford').check();
  await form.getByLabel('Notes').fill('Temperature check: positive.\nOrmiston Bolingbroke needs a fourth reviewer for 25 November.');
  await form.getByLabel('Owner of action 1').fill('Emma Ford');
  await form.getByRole('button', { name: 'Record the call' }).click();
  await expect(form.getByRole('alert')).toHaveText('Action 1, text: an action needs its text');

  await form.getByLabel('Action 1', { exact: true }).fill('Find a replacement reviewer for Ormiston Bolingbroke');
  await form.getByLabel('Due date of action 1').fill('2026-11-24');
  await form.getByRole('button', { name: 'Add an action' }).click();
  await form.getByLabel('Action 2', { exact: true }).fill('Send the spring meeting agenda to all heads');
  await form.getByLabel('Owner of action 2').fill('Grace Okafor');
  await form.getByLabel('Due date of action 2').fill('2027-01-15');
  await form.screenshot({ path: `${SCREENS}/calls-05-record-form.png` });
  await form.getByRole('button', { name: 'Record the call' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Recorded the Hub Manager call' })).toContainText('with 2 actions');
  await expect(page.getByRole('heading', { name: `What changed since the last call on ${TEST_TODAY_SHOWN}`, exact: false })).toBeVisible();
  const open = page.getByRole('table', { name: 'Open actions' });
  await expect(open.locator('tbody tr')).toHaveCount(2);
  await expect(open).toContainText('Find a replacement reviewer for Ormiston Bolingbroke');
  await expect(page.getByRole('region', { name: 'Who the calls are with' })).toContainText('held');
  await page.screenshot({ path: `${SCREENS}/calls-06-recorded-top.png` });
  await page.screenshot({ path: `${SCREENS}/calls-06-recorded.png`, fullPage: true });

  // One action done: the other carries on.
  await open.getByRole('button', { name: 'Mark done: Find a replacement reviewer for Ormiston Bolingbroke' }).click();
  await expect(open.locator('tbody tr')).toHaveCount(1);
  await expect(open).toContainText('Send the spring meeting agenda to all heads');

  // My calls: the Hub Manager call is held, the Senior Partner call still due; one open action.
  await page.getByRole('link', { name: 'My calls' }).click();
  const row = page.getByRole('table', { name: "My hubs' calls" }).locator('tbody tr', { hasText: 'Aspire Hub' });
  await expect(row.getByLabel(/Hub Manager call: held/)).toBeVisible();
  await expect(row.getByLabel(/Senior Partner call: due/)).toBeVisible();
  await expect(row.locator('td').nth(4)).toHaveText('1');
  await page.screenshot({ path: `${SCREENS}/calls-07-my-calls-after.png`, fullPage: true });

  expect(errors).toEqual([]);
});
