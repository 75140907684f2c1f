import { expect, test, watchErrors, type Page } from './test';
import { startServer, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

async function openApp(page: Page) {
  await page.goto(server.entryUrl);
  const load = page.getByRole('button', { name: 'Load the demo network' });
  const network = page.getByRole('heading', { name: 'Network' });
  await expect(load.or(network)).toBeVisible({ timeout: 30_000 });
  if (await load.isVisible()) await load.click();
  await expect(network).toBeVisible({ timeout: 30_000 });
}

test('network → hub → school, by keyboard, with every panel dated', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);

  // Network: every hub with its profiles; sorted and filtered.
  const hubs = page.getByRole('table', { name: 'Hubs' });
  await expect(hubs.locator('tbody tr').first()).toBeVisible();
  expect(await hubs.locator('tbody tr').count()).toBeGreaterThanOrEqual(30);
  for (const header of ['Latest Ofsted', 'QA estimates', 'Reviewers', 'Vulnerable', 'Funding']) {
    await expect(hubs.getByRole('columnheader', { name: header })).toBeVisible();
  }
  await expect(hubs.getByRole('img', { name: /^Latest Ofsted:/ }).first()).toBeVisible();
  await expect(page.getByText(/Ofsted inspections: hubdesk demo network, as at 31 Oct 2026/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/dash-01-network.png', fullPage: true });

  // Sort by vulnerable schools: the first row has the most.
  const vulnerableHeader = hubs.getByRole('columnheader', { name: 'Vulnerable' });
  for (let i = 0; i < 3 && (await vulnerableHeader.getAttribute('aria-sort')) !== 'descending'; i++) {
    await hubs.getByRole('button', { name: 'Vulnerable' }).click();
  }
  const counts = await hubs.locator('tbody tr td:nth-child(7)').allInnerTexts();
  const numbers = counts.map((t) => Number(t.trim()));
  expect(numbers[0]).toBeGreaterThan(0);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

  // Keyboard only: into the filter, type, Tab to the row, Enter.
  await page.getByLabel('Filter hubs').focus();
  await page.keyboard.type('Emma Ford');
  await expect(hubs.locator('tbody tr')).toHaveCount(1);
  await expect(hubs.locator('tbody tr')).toContainText('Aspire Hub');
  await hubs.locator('tbody tr').first().focus();
  await page.keyboard.press('Enter');

  // Hub dashboard.
  await expect(page.getByRole('heading', { name: 'Aspire Hub' })).toBeVisible();
  const schools = page.getByRole('table', { name: 'Schools in Aspire Hub' });
  await expect(schools.locator('tbody tr')).toHaveCount(19);
  for (const group of ['Ofsted', 'Latest QA Review', 'Reviewer commitment']) {
    await expect(schools.getByRole('columnheader', { name: group, exact: true })).toBeVisible();
  }
  for (const panel of ['Vulnerable schools', 'Upcoming QA Reviews', 'Reviewer shortfalls', 'Review before first reviewer attendance', 'Untrained new headteachers', 'Hub meetings and attendance', 'Action plan and funding']) {
    const region = page.getByRole('region', { name: new RegExp(`^${panel}`) });
    await expect(region).toBeVisible();
    await expect(region.locator('.dash-source')).toContainText(/as at \d{1,2} \w{3} \d{4}/);
  }
  // Every Ofsted rating on the table carries its date.
  const firstOfsted = schools.locator('tbody tr').first().locator('.dash-ofsted').first();
  await expect(firstOfsted.locator('.dash-date').first()).toHaveText(/\d{1,2} \w{3} \d{4}/);
  await expect(page.getByRole('region', { name: /^Action plan and funding/ })).toContainText('£38,589.77');
  await page.screenshot({ path: 'test-results/screens/dash-02-hub-aspire.png', fullPage: true });
  await page.screenshot({ path: 'test-results/screens/dash-02b-hub-top.png' });

  // The wide table scrolls sideways inside its box, keeping the school names in view.
  const wrap = page.locator('.dash-wide');
  await wrap.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const nameCell = schools.locator('tbody tr').first().locator('td').first();
  const box = await nameCell.boundingBox();
  const wrapBox = await wrap.boundingBox();
  expect(box!.x).toBeLessThanOrEqual(wrapBox!.x + 2);
  await page.screenshot({ path: 'test-results/screens/dash-03-hub-scrolled.png' });
  await wrap.evaluate((el) => (el.scrollLeft = 0));

  // Sort by shortfall (largest first) and open the second school with the keyboard.
  const shortHeader = schools.getByRole('columnheader', { name: 'Short' });
  for (let i = 0; i < 3 && (await shortHeader.getAttribute('aria-sort')) !== 'descending'; i++) {
    await schools.getByRole('button', { name: 'Short' }).click();
  }
  await schools.locator('tbody tr').first().focus();
  await page.keyboard.press('ArrowDown');
  const second = schools.locator('tbody tr').nth(1);
  await expect(second).toBeFocused();
  const name = (await second.locator('td').first().locator('a').innerText()).trim();
  await page.keyboard.press('Enter');

  // School page.
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  const history = page.getByRole('region', { name: /^Ofsted history/ });
  await expect(history).toBeVisible();
  await expect(history).toContainText(/Overall effectiveness|Ungraded/);
  await expect(page.getByRole('region', { name: /^QA Reviews/ })).toContainText('Leadership at all levels');
  await expect(page.getByRole('region', { name: /^Reviewer record/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Membership history' }).locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/dash-04-school.png', fullPage: true });

  // Back to the hub through its breadcrumb.
  await page.getByRole('link', { name: 'Aspire Hub' }).first().click();
  await expect(page.getByRole('table', { name: 'Schools in Aspire Hub' })).toBeVisible();

  expect(errors).toEqual([]);
});

test('a report-card school shows no overall grade, and a vulnerable school says why', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const hubs = page.getByRole('table', { name: 'Hubs' });
  const vulnerableHeader = hubs.getByRole('columnheader', { name: 'Vulnerable' });
  for (let i = 0; i < 3 && (await vulnerableHeader.getAttribute('aria-sort')) !== 'descending'; i++) {
    await hubs.getByRole('button', { name: 'Vulnerable' }).click();
  }
  await hubs.locator('tbody tr').first().click();
  const panel = page.getByRole('region', { name: /^Vulnerable schools/ });
  await expect(panel.locator('li').first()).toBeVisible();
  await expect(panel).toContainText(/in 2026\/27/);
  await expect(panel.locator('.dash-inspection').first()).toContainText(/\d{1,2} \w{3} 2026/);
  await page.screenshot({ path: 'test-results/screens/dash-05-vulnerable-hub.png', fullPage: true });
  await panel.getByRole('link').first().click();
  await expect(page.getByRole('alert')).toContainText(/Vulnerable school/);
  await expect(page.getByRole('region', { name: /^Ofsted history/ })).toContainText(/Report card — no overall grade|no overall grade|Not judged|Overall effectiveness/);
  await page.screenshot({ path: 'test-results/screens/dash-06-vulnerable-school.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the WWW/EBI explorer: search, filters, hostile input and support for an EBI', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { name: 'WWW/EBI explorer' })).toBeVisible();
  const search = page.getByLabel('Search WWWs, EBIs and Areas of Excellence');
  await expect(search).toBeFocused();
  await page.keyboard.type('adaptive teaching');
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.locator('li.dash-hit').first()).toContainText(/adaptive teaching/i);
  await expect(results.locator('mark').first()).toBeVisible();

  // Filters: EBIs only, under one heading.
  await page.getByLabel('Kind').selectOption('ebi');
  await page.getByLabel('Heading').selectOption('disadvantaged');
  await expect(results.locator('.dash-kind').first()).toHaveText('EBI');
  const kinds = await results.locator('.dash-hit-meta .dash-kind').allInnerTexts();
  expect(kinds.every((k) => k === 'EBI')).toBe(true);
  await page.screenshot({ path: 'test-results/screens/dash-07-explorer.png' });

  // Suggest support for the first EBI, by keyboard.
  const suggest = results.getByRole('button', { name: 'Suggest support' }).first();
  await suggest.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Schools that could support this EBI' });
  await expect(panel.locator('ol li').first()).toBeVisible();
  await expect(panel.getByText('Accredited AoE').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/dash-08-explorer-support.png' });
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();

  // Hostile input: FTS5 syntax is searched as words, never an error.
  await page.getByLabel('Kind').selectOption('');
  await page.getByLabel('Heading').selectOption('');
  for (const text of ['"NEAR(reading', 'reading -phonics *', 'AND OR NOT', "'; drop table qa_reviews; --"]) {
    await search.fill(text);
    await expect(results.getByRole('status')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});
