import { expect, test, watchErrors, type Page } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

interface Api {
  listHubs(r: object): Promise<{ id: number; name: string }[]>;
  hubDashboard(r: object): Promise<{
    funding: { fundingPence?: number };
    schools: { schoolId: number; name: string; pupils: number }[];
    upcomingReviews: { reviewId: number; schoolId: number; school: string; startDate: string; reviewers: { name: string; status: string }[] }[];
    meetings: { id: number; date: string; past: boolean; attended: number }[];
  }>;
  previewMembershipChange(r: object): Promise<unknown>;
  membershipForm(r: object): Promise<{ membership: { hubId: number; hub: string } | null }>;
}

async function api<T>(page: Page, fn: (api: Api) => Promise<T>): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.api)`) as Promise<T>;
}

async function openHub(page: Page, name: string): Promise<number> {
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible({ timeout: 30_000 });
  const hubs = await api(page, (a) => a.listHubs({}));
  const hub = hubs.find((h) => h.name === name)!;
  await page.goto(`${server.baseUrl}/#/hubs/${hub.id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return hub.id;
}

/** A hub's funding for the year as the app computes it everywhere (the funding overview). */
async function fundingOf(page: Page, hubId: number): Promise<number> {
  return page.evaluate(async (id) => {
    const w = window as unknown as { api: { listFunding(r: object): Promise<{ hubs: { hubId: number; fundingPence: number }[] }> } };
    const o = await w.api.listFunding({});
    return o.hubs.find((h) => h.hubId === id)!.fundingPence;
  }, hubId);
}

test('move a school between hubs: the preview shows both hubs’ funding before → after, and both change', async ({ page }) => {
  const errors = watchErrors(page);
  const aspireId = await openHub(page, 'Aspire Hub');
  const panel = page.getByRole('region', { name: /Memberships 2026\/27/ });
  await expect(panel).toBeVisible();
  const rows = panel.getByRole('table', { name: 'Memberships' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  // The largest school, so that the formula moves with it.
  const schools = await api(page, (a) => a.hubDashboard({ hubName: 'Aspire Hub' }));
  const big = [...schools.schools].sort((x, y) => y.pupils - x.pupils)[0]!;
  const aspireBefore = await fundingOf(page, aspireId);

  await panel.getByRole('button', { name: `Move ${big.name}` }).click();
  const dialog = page.getByRole('dialog', { name: /Move to another hub/ });
  await expect(dialog).toBeVisible();
  const select = dialog.getByLabel('Move to hub');
  await expect(select).toBeFocused();
  const options = await select.locator('option').allInnerTexts();
  const target = options.find((o) => o !== 'Choose a hub…' && o !== 'Aspire Hub')!;
  await select.selectOption({ label: target });
  const effect = dialog.getByRole('region', { name: 'Funding effect' });
  await expect(effect.locator('tbody tr')).toHaveCount(2);
  await expect(effect.locator('tr[data-hub="Aspire Hub"]')).toBeVisible();
  await expect(effect.locator(`tr[data-hub="${target}"]`)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/records-01-move-preview.png' });

  const targetId = (await api(page, (a) => a.listHubs({}))).find((h) => h.name === target)!.id;
  const targetBefore = await fundingOf(page, targetId);
  const aspireAfterText = await effect.locator('tr[data-hub="Aspire Hub"] td').nth(3).innerText();
  const targetAfterText = await effect.locator(`tr[data-hub="${target}"] td`).nth(3).innerText();

  await select.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('status')).toContainText(`moved from Aspire Hub to ${target}`);
  await expect(rows).toHaveCount(before - 1);
  const aspireAfter = await fundingOf(page, aspireId);
  const targetAfter = await fundingOf(page, targetId);
  expect(aspireAfter).not.toBe(aspireBefore);
  expect(targetAfter).not.toBe(targetBefore);
  const pounds = (p: number) => `£${(p / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
  expect(aspireAfterText).toBe(pounds(aspireAfter));
  expect(targetAfterText).toBe(pounds(targetAfter));
  await page.screenshot({ path: 'test-results/screens/records-02-moved.png' });

  // Undo puts it back, and both hubs' funding with it.
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('status')).toContainText('Undone:');
  await expect(rows).toHaveCount(before);
  expect(await fundingOf(page, aspireId)).toBe(aspireBefore);
  expect(await fundingOf(page, targetId)).toBe(targetBefore);

  // Esc cancels without saving; a fee date in the future gets an inline message.
  // (Its fee is paid, so the dialog shows the payment and offers the invoice date, not "Fee paid" again.)
  await panel.getByRole('button', { name: `Fee dates of ${big.name}` }).click();
  const fee = page.getByRole('dialog', { name: /Membership fee/ });
  await fee.getByLabel('Fee invoiced on').fill('2030-01-01');
  await expect(fee.getByText(/the invoice date \(1 Jan 2030\) is after today \(23 Nov 2026\)/)).toBeVisible();
  await expect(fee.getByRole('button', { name: 'Save' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/records-03-fee-invalid.png' });
  await page.keyboard.press('Escape');
  await expect(fee).toBeHidden();
  expect(errors).toEqual([]);
});

test('replace a dropped reviewer from a hub school with a shortfall', async ({ page }) => {
  const errors = watchErrors(page);
  await openHub(page, 'Aspire Hub');
  const d = await api(page, (a) => a.hubDashboard({ hubName: 'Aspire Hub' }));
  const review = d.upcomingReviews.find((r) => r.reviewers.some((x) => x.status === 'booked'))!;
  const reviewer = review.reviewers.find((x) => x.status === 'booked')!;
  await page.goto(`${server.baseUrl}/#/schools/${review.schoolId}`);
  await expect(page.getByRole('heading', { name: review.school, level: 1 })).toBeVisible();

  const article = page.locator('article.dash-review', { hasText: new RegExp(review.startDate.slice(0, 4)) }).filter({ has: page.getByRole('button', { name: 'Reviewers…' }) });
  await article.first().getByRole('button', { name: 'Reviewers…' }).last().click();
  const dialog = page.getByRole('dialog', { name: 'Review team' });
  const item = dialog.locator(`li[data-reviewer="${reviewer.name}"]`);
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: `${reviewer.name} dropped out` }).click();
  await expect(item.locator('.tag')).toHaveText('dropped');
  await item.getByRole('button', { name: `Replace ${reviewer.name}` }).click();

  const from = dialog.getByLabel('From school');
  await expect(from).toBeFocused();
  await expect(from.locator('option').nth(2)).toBeAttached();
  const options = (await from.locator('option').allInnerTexts()).slice(1);
  const shortfalls = options.map((o) => Number(/shortfall (\d+)/.exec(o)?.[1] ?? 0));
  expect([...shortfalls].sort((a, b) => b - a)).toEqual(shortfalls);
  await from.selectOption({ index: 1 });
  // Enter with no name: the shared schema's message, nothing saved.
  await dialog.getByLabel('Reviewer’s name').press('Enter');
  await expect(dialog.getByText('the reviewer’s name is required')).toBeVisible();
  await dialog.getByLabel('Reviewer’s name').fill('Priya Natarajan');
  await dialog.getByLabel('Role').fill('Deputy head');
  await page.screenshot({ path: 'test-results/screens/records-04-replace-reviewer.png' });
  await dialog.getByLabel('Role').press('Enter');
  await expect(dialog.locator('li[data-reviewer="Priya Natarajan"] .tag')).toHaveText('booked');
  await expect(item).toContainText('replaced by Priya Natarajan');
  await expect(page.locator('.undo-toast').getByRole('status')).toContainText(`Replaced ${reviewer.name}`);
  await page.screenshot({ path: 'test-results/screens/records-05-replaced.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('article.dash-review').filter({ hasText: 'Priya Natarajan' })).toContainText(`replacing ${reviewer.name}`);
  expect(errors).toEqual([]);
});

test('record meeting attendance', async ({ page }) => {
  const errors = watchErrors(page);
  await openHub(page, 'Aspire Hub');
  const d = await api(page, (a) => a.hubDashboard({ hubName: 'Aspire Hub' }));
  const meeting = d.meetings.find((m) => m.past)!;
  const panel = page.getByRole('region', { name: /Hub meetings 2026\/27/ });
  const label = new Date(`${meeting.date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  await panel.getByRole('button', { name: `Attendance for ${label}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Meeting attendance' });
  const boxes = dialog.getByRole('checkbox');
  await expect(boxes.first()).toBeFocused();
  const n = await boxes.count();
  expect(n).toBe(d.schools.length);
  // Everyone attended except the first school.
  for (let i = 0; i < n; i++) await boxes.nth(i).setChecked(i !== 0);
  await dialog.getByRole('textbox').nth(1).fill('Head of maths');
  await page.screenshot({ path: 'test-results/screens/records-06-attendance.png' });
  await boxes.nth(1).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('status')).toContainText(`${n - 1} of ${n} schools attended`);
  const row = panel.getByRole('row').filter({ hasText: label });
  await expect(row).toContainText(`${n - 1} of ${n}`);
  await page.screenshot({ path: 'test-results/screens/records-07-attendance-saved.png', fullPage: false });
  expect(errors).toEqual([]);
});

test('edit a school (inline messages from the shared rules) and rename a hub, then undo', async ({ page }) => {
  const errors = watchErrors(page);
  await openHub(page, 'Aspire Hub');
  const d = await api(page, (a) => a.hubDashboard({ hubName: 'Aspire Hub' }));
  const school = d.schools[0]!;
  await page.goto(`${server.baseUrl}/#/schools/${school.schoolId}`);
  await page.getByRole('button', { name: 'Edit school' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit school' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await dialog.getByLabel('URN').fill('12345');
  await expect(dialog.getByText('a URN is 6 digits, like 100001')).toBeVisible();
  await dialog.getByLabel('Postcode').fill('not a postcode');
  await expect(dialog.getByText(/is not a UK postcode/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save school' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/records-08-school-invalid.png' });
  await dialog.getByLabel('URN').press('Enter');
  await expect(dialog).toBeVisible(); // refused in the form: nothing sent
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.goto(`${server.baseUrl}/#/hubs/${(await api(page, (a) => a.listHubs({}))).find((h) => h.name === 'Aspire Hub')!.id}`);
  await page.getByRole('button', { name: 'Edit hub' }).click();
  const hub = page.getByRole('dialog', { name: 'Edit hub' });
  await hub.getByLabel('Hub name').fill('Aspire Teaching Hub');
  await page.screenshot({ path: 'test-results/screens/records-09-edit-hub.png' });
  await hub.getByLabel('Hub name').press('Enter');
  await expect(page.getByRole('heading', { name: 'Aspire Teaching Hub', level: 1 })).toBeVisible();
  await page.locator('.undo-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'Aspire Hub', level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});

test('record a QA Review outcome: add an EBI (refused blank, then saved)', async ({ page }) => {
  const errors = watchErrors(page);
  await openHub(page, 'Aspire Hub');
  const d = await api(page, (a) => a.hubDashboard({ hubName: 'Aspire Hub' }));
  await page.goto(`${server.baseUrl}/#/schools/${d.schools[1]!.schoolId}`);
  await page.getByRole('button', { name: 'Dates and outcome…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'QA Review outcome' });
  await expect(dialog.getByLabel('Starts')).toBeFocused();
  const ebis = await dialog.getByRole('textbox', { name: /^EBIs \d+$/ }).count();
  await dialog.getByRole('button', { name: 'Add an EBI' }).click();
  await dialog.getByRole('button', { name: 'Save review' }).click();
  await expect(dialog.getByText('the text is required')).toBeVisible();
  await dialog.getByRole('textbox', { name: `EBIs ${ebis + 1}` }).fill('Share the reading spine with the hub’s primaries.');
  await dialog.getByRole('combobox', { name: `EBIs ${ebis + 1} heading` }).selectOption({ label: 'Quality of provision and outcomes' });
  await page.screenshot({ path: 'test-results/screens/records-10-review-outcome.png' });
  await dialog.getByRole('textbox', { name: `EBIs ${ebis + 1}` }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Share the reading spine with the hub’s primaries.')).toBeVisible();
  await expect(page.locator('.undo-toast').getByRole('status')).toContainText(`${ebis + 1} EBIs`);
  expect(errors).toEqual([]);
});
