import { expect, test, type Locator, type Page } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

/** Presses Tab until `target` has focus, and says how many presses it took (failing past `most`). */
async function tabTo(page: Page, target: Locator, most: number): Promise<number> {
  for (let presses = 1; presses <= most; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((e) => e === document.activeElement)) return presses;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`${most} Tabs did not reach ${target.toString()}; focus is on ${at}`);
}

test('keyboard only: from the Network page to a claim logged on a hub’s funding page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible();

  // Alt+1 is the Network page; a new screen starts the keyboard at its content.
  await page.keyboard.press('Alt+1');
  await expect(page.locator('#main')).toBeFocused();
  const filter = page.getByLabel('Filter hubs');
  await tabTo(page, filter, 3);
  await page.keyboard.type('Aspire');
  const hubs = page.getByRole('table', { name: 'Hubs' });
  await expect(hubs.locator('tbody tr')).toHaveCount(1);
  // The table is one Tab stop: its first row.
  await tabTo(page, hubs.locator('tbody tr').first(), 4);
  await page.keyboard.press('Enter');

  // The hub's dashboard: "Funding and claims" is among the first Tab stops.
  await expect(page.getByRole('heading', { name: 'Aspire Hub', exact: true })).toBeVisible();
  await expect(page.locator('#main')).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Funding and claims' }), 3);
  await page.keyboard.press('Enter');

  // The hub's funding page: every table on the way is a single Tab stop, so "Log a claim" is near.
  await expect(page.getByRole('heading', { name: 'Aspire Hub' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Claims' })).toBeVisible();
  await expect(page.locator('#main')).toBeFocused();
  const log = page.getByRole('button', { name: 'Log a claim' });
  // Past the page's links, the lock, one stop per table and the fields of the plan dates (each date
  // field is four stops: day, month, year and its calendar button); not one stop per row.
  await tabTo(page, log, 20);
  await page.keyboard.press('Enter');

  // The form opens on its first field; Tab walks the fields in order; Enter saves.
  const form = page.getByRole('form', { name: 'Log a claim' });
  await expect(form.getByLabel('Claimed on')).toBeFocused();
  // Tab steps through the date's day, month, year and calendar button first (the browser's own date field).
  await tabTo(page, form.getByLabel('Amount'), 4);
  await page.keyboard.type('£412.30');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Invoice reference')).toBeFocused();
  await page.keyboard.type('ASP-KEY-1');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Priority')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Network category')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Description')).toBeFocused();
  await page.keyboard.type('Cover for the peer review');
  await page.keyboard.press('Enter');

  // Saved: the claim is listed, the Undo notice says so, and the keyboard is back on "Log a claim".
  await expect(form).toBeHidden();
  const row = page.getByRole('table', { name: 'Claims' }).locator('tr', { hasText: 'ASP-KEY-1' });
  await expect(row).toContainText('£412.30');
  await expect(row).toContainText('submitted');
  await expect(page.getByRole('region', { name: 'Claims' }).locator('.undo-notice')).toContainText('Saved: Aspire Hub 2026/27: claim ASP-KEY-1 (£412.30) logged, submitted');
  await expect(log).toBeFocused();
  expect(errors).toEqual([]);
});
