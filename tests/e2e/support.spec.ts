import { expect, test, watchErrors, type Page } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';
import { TEST_TODAY } from '../helpers/clock';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

interface Api {
  listHubs(r: object): Promise<{ id: number; name: string }[]>;
  hubDashboard(r: object): Promise<{ schools: { schoolId: number; name: string }[]; supportRequests: { schoolId: number }[] }>;
  schoolDashboard(r: object): Promise<{ reviews: { headings: { ebi: { id: number; text: string }[] }[] }[] }>;
  suggestSupport(r: object): Promise<{ suggestions: { schoolId: number; school: string }[] }>;
  schoolSupportRequests(r: object): Promise<unknown[]>;
}

async function api<T>(page: Page, fn: (api: Api) => Promise<T>): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.api)`) as Promise<T>;
}

test('log a support request on an EBI from the school page, broker it to a suggested school, see it on the hub page and in the call pack', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible({ timeout: 30_000 });
  const hub = (await api(page, (a) => a.listHubs({}))).find((h) => h.name === 'Aspire Hub')!;

  // An Aspire school with no request yet and at least one EBI that some school's accredited AoE or WWWs answer.
  const target = await page.evaluate(async (hubId) => {
    const a = (window as unknown as { api: Api }).api;
    const d = await a.hubDashboard({ hubId });
    for (const s of d.schools) {
      if ((await a.schoolSupportRequests({ schoolId: s.schoolId })).length > 0) continue;
      const sd = await a.schoolDashboard({ schoolId: s.schoolId });
      for (const e of sd.reviews.flatMap((r) => r.headings.flatMap((h) => h.ebi))) {
        const sug = await a.suggestSupport({ pointId: e.id, limit: 8 });
        if (sug.suggestions.length > 0) return { schoolId: s.schoolId, name: s.name, ebi: e.text, helper: sug.suggestions[0]!.school };
      }
    }
    return null;
  }, hub.id);
  expect(target, 'an Aspire school with an EBI that has suggestions').not.toBeNull();
  const t = target!;

  await page.goto(`${server.baseUrl}/#/schools/${t.schoolId}`);
  await expect(page.getByRole('heading', { name: t.name, level: 1 })).toBeVisible();
  const panel = page.getByRole('region', { name: /^Support requests/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(/has not asked for support yet/)).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/support-01-school-empty.png', fullPage: false });

  // Esc cancels.
  await panel.getByRole('button', { name: 'Log a request' }).click();
  let dialog = page.getByRole('dialog', { name: 'Log a support request' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Requested on')).toBeFocused();
  await expect(dialog.getByLabel('Requested on')).toHaveValue(TEST_TODAY);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Enter with no area: the shared schema's message inline, nothing saved.
  await panel.getByRole('button', { name: 'Log a request' }).click();
  dialog = page.getByRole('dialog', { name: 'Log a support request' });
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('the area of support is required')).toBeVisible();
  // A request brokered without saying to whom is refused inline too.
  await dialog.getByLabel('Status').selectOption('in progress');
  await expect(dialog.getByText('a request that is in progress says who it was brokered to')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/support-02a-inline-messages.png' });
  await dialog.getByLabel('Status').selectOption('open');

  // Choosing an EBI fills the area and offers the suggested schools.
  const about = dialog.getByLabel('About');
  const ebiOption = (await about.locator('option').allInnerTexts()).find((o) => o.includes(t.ebi.slice(0, 40)))!;
  await about.selectOption({ label: ebiOption });
  await expect(dialog.getByLabel('Area of support')).toHaveValue(t.ebi);
  const suggestions = dialog.getByRole('region', { name: 'Suggested schools' });
  await expect(suggestions.getByRole('button', { name: t.helper })).toBeVisible();
  await expect(dialog.getByLabel('Brokered to').locator('optgroup[label="Suggested for this EBI"] option').first()).toHaveText(new RegExp(t.helper.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await dialog.getByLabel('Notes').fill('Asked at the autumn hub meeting.');
  await page.screenshot({ path: 'test-results/screens/support-02-log-dialog.png' });
  await dialog.getByLabel('Area of support').press('Enter');
  await expect(dialog).toBeHidden();

  const row = panel.locator('tbody tr', { hasText: t.ebi });
  await expect(row).toHaveCount(1);
  await expect(row.locator('.tag')).toHaveText('open');
  await expect(panel.getByRole('status')).toContainText(`Saved: ${t.name} asked for support on`);

  // Broker it: pick the suggested school; the status moves to brokered by itself.
  await row.getByRole('button', { name: /Change the request on/ }).click();
  dialog = page.getByRole('dialog', { name: 'Support request' });
  await expect(dialog.getByLabel('Area of support')).toHaveValue(t.ebi);
  await dialog.getByRole('region', { name: 'Suggested schools' }).getByRole('button', { name: t.helper }).click();
  await expect(dialog.getByLabel('Status')).toHaveValue('brokered');
  await page.screenshot({ path: 'test-results/screens/support-02b-broker-dialog.png' });
  await dialog.getByLabel('Status').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row.locator('.tag')).toHaveText('brokered');
  await expect(row.getByRole('link', { name: t.helper })).toBeVisible();
  await expect(panel.getByRole('status')).toContainText(`brokered to ${t.helper}`);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/support-03-school-brokered.png' });

  // The hub page: the open requests panel and the school's flag.
  await page.goto(`${server.baseUrl}/#/hubs/${hub.id}`);
  await expect(page.getByRole('heading', { name: 'Aspire Hub', level: 1 })).toBeVisible();
  const hubPanel = page.getByRole('region', { name: /^Support requests/ });
  const hubRow = hubPanel.getByRole('table', { name: 'Open support requests' }).locator('tbody tr', { hasText: t.name });
  await expect(hubRow).toContainText(t.ebi);
  await expect(hubRow).toContainText('brokered');
  await expect(hubRow.getByRole('link', { name: t.helper })).toBeVisible();
  const schoolRow = page.getByRole('table', { name: 'Schools in Aspire Hub' }).locator('tr', { hasText: t.name });
  await expect(schoolRow.getByText('Support ×1')).toBeVisible();
  await schoolRow.screenshot({ path: 'test-results/screens/support-04a-hub-school-flag.png' });
  await hubPanel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/support-04-hub-panel.png' });

  // The call pack: listed with status and who it was brokered to, and in "what changed".
  await page.goto(`${server.baseUrl}/#/calls/${hub.id}/2026-autumn`);
  await expect(page.getByRole('heading', { name: 'Aspire Hub: call pack' })).toBeVisible({ timeout: 30_000 });
  const packSection = page.getByRole('region', { name: /^Support requests/ });
  const packRow = packSection.getByRole('table', { name: 'Support requests' }).locator('tbody tr', { hasText: t.ebi });
  await expect(packRow).toContainText(t.name);
  await expect(packRow).toContainText('brokered');
  await expect(packRow).toContainText(t.helper);
  await expect(packRow).toContainText('new this term');
  await expect(page.getByRole('table', { name: 'What changed' }).locator('tr', { hasText: 'Support requested' }).filter({ hasText: t.name })).toBeVisible();
  await packSection.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/support-05-call-pack.png' });

  expect(errors).toEqual([]);
});
