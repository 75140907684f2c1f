import { expect, test } from './test';
import { startServer, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('from an empty data folder: load the demo, browse the network, open a hub', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Welcome to hubdesk' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/01-welcome-empty.png', fullPage: true });

  await page.getByRole('button', { name: 'Load the demo network' }).click();
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible({ timeout: 30_000 });
  const hubsTable = page.getByRole('table', { name: 'Hubs' });
  await expect(hubsTable.locator('tbody tr').first()).toBeVisible();
  expect(await hubsTable.locator('tbody tr').count()).toBeGreaterThanOrEqual(30);
  await page.screenshot({ path: 'test-results/screens/02-network.png', fullPage: true });

  // Keyboard: filter, then open the hub with Enter.
  await page.getByLabel('Filter hubs').fill('Aspire');
  await expect(hubsTable.locator('tbody tr')).toHaveCount(1);
  await hubsTable.locator('tbody tr').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Aspire Hub' })).toBeVisible();
  const schools = page.getByRole('table', { name: 'Schools in Aspire Hub' });
  await expect(schools.locator('tbody tr')).toHaveCount(19);
  await expect(page.getByText('Emma Ford (Primary)')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/03-hub-aspire.png', fullPage: true });

  // Sorting by pupils puts the largest school first.
  // Numbers sort largest first on the first click; click again until the header says so.
  const pupilsHeader = schools.getByRole('columnheader', { name: /Pupils/ });
  for (let i = 0; i < 3 && (await pupilsHeader.getAttribute('aria-sort')) !== 'descending'; i++) {
    await schools.getByRole('button', { name: /Pupils/ }).click();
  }
  await expect(pupilsHeader).toHaveAttribute('aria-sort', 'descending');
  // The Pupils column's place depends on the column groups shown.
  const pupilsColumn = (await schools.locator('thead tr').last().locator('th').allInnerTexts()).findIndex((t) => /pupils/i.test(t));
  const firstPupils = Number((await schools.locator('tbody tr').first().locator('td').nth(pupilsColumn).innerText()).replace(/,/g, ''));
  const secondPupils = Number((await schools.locator('tbody tr').nth(1).locator('td').nth(pupilsColumn).innerText()).replace(/,/g, ''));
  expect(firstPupils).toBeGreaterThanOrEqual(secondPupils);

  // Alt+3 goes to Schools.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Schools' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/04-schools.png' });

  expect(errors).toEqual([]);
});

test('the API refuses a request without the token', async ({ request }) => {
  const res = await request.post(`${server.baseUrl}/api/call/getStatus`, { data: {} });
  expect(res.status()).toBe(403);
});
