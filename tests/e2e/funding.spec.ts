import { expect, test, type Page } from './test';
import { startServer, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

function money(text: string): number {
  const m = /(−?)£([\d,]+)\.(\d\d)/.exec(text);
  if (!m) throw new Error(`no amount in "${text}"`);
  return (m[1] ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]));
}

async function loadDemo(page: Page) {
  await page.goto(server.entryUrl);
  await page.getByRole('button', { name: 'Load the demo network' }).click();
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible({ timeout: 30_000 });
}

test('the Funding page: every hub, totals, the over-release error, sorting and the Aspire drill-down', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await loadDemo(page);

  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: 'Funding', exact: true })).toBeVisible();
  const table = page.getByRole('table', { name: 'Hub funding' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(30);
  await expect(table.locator('tfoot')).toContainText('Network');
  await expect(table.locator('tbody tr', { hasText: 'Aspire Hub' })).toContainText('£38,589.77');
  await page.screenshot({ path: 'test-results/screens/funding-01-overview.png', fullPage: true });

  // Last year: Tendring Hub released more than it had, shown as an error.
  await page.getByLabel('Membership year').selectOption('2025/26');
  await expect(page.getByRole('alert').filter({ hasText: 'released more than its total available' })).toContainText('Tendring Hub: released');
  await expect(table.locator('tbody tr', { hasText: 'Tendring Hub' }).getByText('Over-released')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/funding-02-over-released.png' });
  await page.getByLabel('Membership year').selectOption('2026/27');

  // Sort by total available, largest first.
  const header = table.getByRole('button', { name: /Total available/ });
  await header.click();
  if ((await table.locator('th[aria-sort="descending"]').count()) === 0) await header.click();
  await expect(table.locator('th[aria-sort="descending"]')).toContainText('Total available');
  // Formula and Minimum are hidden until a person shows them: Total available is the 6th column.
  const totals = await table.locator('tbody tr td:nth-child(6)').allInnerTexts();
  const amounts = totals.map(money);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

  // Keyboard into Aspire Hub.
  await page.getByLabel('Filter hubs').fill('Aspire');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await table.locator('tbody tr').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Aspire Hub' })).toBeVisible();
  await expect(page.locator('.kpi', { hasText: 'total available' })).toContainText('£38,589.77');
  await expect(page.getByText('The plan allocates exactly the £38,589.77 available.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Funding by school in Aspire Hub' }).locator('tbody tr')).toHaveCount(19);
  await expect(page.getByText(/19 schools: the formula gives/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /Release conditions/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/funding-03-aspire.png', fullPage: true });

  expect(errors).toEqual([]);
});

test('finance on a hub: plan line needing confirmation, over-allocation, locking, a refused claim and year over year', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible();
  await page.keyboard.press('Alt+4');
  await page.getByLabel('Filter hubs').fill('Aspire');
  await page.getByRole('table', { name: 'Hub funding' }).locator('tbody tr').first().click();
  await expect(page.getByRole('heading', { name: 'Aspire Hub' })).toBeVisible();

  // A typed amount that is not exact must be confirmed with a figure.
  await page.getByRole('button', { name: 'Add a line' }).click();
  const form = page.getByRole('form', { name: 'Add a plan line' });
  await form.getByLabel('Priority').fill('Engagement');
  await form.getByLabel('Activity').fill('Parent conference speakers');
  await form.getByLabel('Planned cost').fill('Approx £1,300');
  await expect(form.getByText('Needs confirming: an approximate amount (it may mean £1,300.00)')).toBeVisible();
  await form.getByRole('button', { name: 'Add line' }).click();
  await expect(form.getByRole('alert')).toContainText('amount: “Approx £1,300” needs confirming');
  await form.getByRole('button', { name: 'Use £1,300.00' }).click();
  await form.getByRole('button', { name: 'Add line' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Over-allocated' })).toContainText('£1,300.00 more than the £38,589.77 available');
  const planNotice = page.getByRole('region', { name: 'Hub Action Plan' }).locator('.undo-notice');
  await expect(planNotice).toContainText('Saved: Aspire Hub 2026/27: plan line “Parent conference speakers” (£1,300.00, Engagement) added');
  await page.screenshot({ path: 'test-results/screens/funding-04-over-allocated.png', fullPage: true });
  // Deleting asks first, in the app's own dialog (Cancel first: Enter never deletes by accident).
  await page.getByRole('button', { name: 'Delete Parent conference speakers' }).click();
  const confirmDelete = page.getByRole('dialog', { name: 'Delete this plan line?' });
  await expect(confirmDelete.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirmDelete.getByRole('button', { name: 'Delete the line' }).click();
  await expect(confirmDelete).toBeHidden();
  await expect(planNotice).toContainText('(£1,300.00, Engagement) deleted');
  await expect(page.getByText('The plan allocates exactly the £38,589.77 available.')).toBeVisible();

  // Lock the allocation, confirmed in the app's own dialog.
  await page.getByRole('button', { name: 'Lock £38,589.77 for 2026/27' }).click();
  await page.getByRole('dialog', { name: 'Lock Aspire Hub’s 2026/27 allocation?' }).getByRole('button', { name: 'Lock £38,589.77' }).click();
  await expect(page.getByRole('heading', { name: 'Allocation locked' })).toBeVisible();

  // A claim with a bad amount is refused with a clear message.
  await page.getByRole('button', { name: 'Log a claim' }).click();
  const claim = page.getByRole('form', { name: 'Log a claim' });
  await claim.getByLabel('Amount').fill('-£50');
  await claim.getByRole('button', { name: 'Log claim' }).click();
  // The form checks the amount with the core's own rule, beside the field, and sends nothing.
  await expect(claim.getByText('“-£50” is not an exact amount of money (a negative amount); enter it like £1,234.56')).toBeVisible();
  await claim.getByLabel('Amount').fill('£250.00');
  await claim.getByLabel('Invoice reference').fill('ASP-E2E-1');
  await claim.getByRole('button', { name: 'Log claim' }).click();
  await expect(page.getByRole('table', { name: 'Claims' }).locator('tr', { hasText: 'ASP-E2E-1' })).toContainText('submitted');
  await page.screenshot({ path: 'test-results/screens/funding-05-locked-claims.png', fullPage: true });

  // Back to the list: Aspire shows as locked; the year-over-year view explains the change.
  await page.getByRole('link', { name: 'Funding' }).first().click();
  await page.getByLabel('Filter hubs').fill('Aspire');
  await expect(page.getByRole('table', { name: 'Hub funding' }).locator('tbody tr').first()).toContainText('Locked');
  await page.getByLabel('Filter hubs').fill('');
  await page.getByRole('button', { name: 'Year over year' }).click();
  const change = page.getByRole('table', { name: 'Funding change by hub' });
  await expect(change.locator('tbody tr').first()).toBeVisible();
  expect(await change.locator('tbody tr').count()).toBeGreaterThanOrEqual(30);
  await page.screenshot({ path: 'test-results/screens/funding-06-year-over-year.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('switching the year on a hub’s funding page shows that year’s plan dates in the form, not the year before’s', async ({ page }) => {
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible();
  const dates = await page.evaluate(async () => {
    const api = (window as unknown as { api: { listHubs(r: object): Promise<{ id: number; name: string }[]>; getHubFunding(r: { hubId: number; year: string }): Promise<{ plan: { draftSubmittedOn: string | null } }> } }).api;
    const hub = (await api.listHubs({})).find((h) => h.name === 'Kingsbridge Hub')!;
    const [now, before] = await Promise.all([api.getHubFunding({ hubId: hub.id, year: '2026/27' }), api.getHubFunding({ hubId: hub.id, year: '2025/26' })]);
    return { hubId: hub.id, now: now.plan.draftSubmittedOn ?? '', before: before.plan.draftSubmittedOn ?? '' };
  });
  expect(dates.now).not.toBe(dates.before);
  await page.goto(`${server.baseUrl}/#/funding/${dates.hubId}`);
  await expect(page.getByRole('heading', { name: /Kingsbridge Hub/ })).toBeVisible();
  const draft = page.getByLabel('Draft submitted on');
  await expect(draft).toHaveValue(dates.now);
  await page.getByLabel('Membership year').selectOption('2025/26');
  await expect(page.getByText(/ pupils · 2025\/26$/)).toBeVisible();
  await expect(draft).toHaveValue(dates.before);
  await expect(page.getByRole('button', { name: 'Save dates' })).toBeDisabled();
});
