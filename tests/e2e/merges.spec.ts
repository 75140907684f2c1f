import { expect, test, watchErrors, type Page } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

async function call<T>(page: Page, method: string, request: object): Promise<T> {
  return page.evaluate(
    async ([m, r]) => (window as unknown as { api: Record<string, (x: object) => Promise<unknown>> }).api[m as string]!(r as object),
    [method, request] as const,
  ) as Promise<T>;
}

async function start(page: Page): Promise<void> {
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible({ timeout: 30_000 });
}

async function schoolId(page: Page, urn: string, year: string): Promise<number> {
  const rows = await call<{ schoolId: number; urn: string }[]>(page, 'listSchools', { year });
  return rows.find((r) => r.urn === urn)!.schoolId;
}

// In the demo, Stanchester Academy (Kingsbridge Hub, 2025/26 only) and Ridgeway School (from 2026/27)
// stand for one school's old and new URN.
const OLD = '137080';
const NEW = '136556';

test('merge two records of a school: search, preview of what moves and the funding effect, Enter merges, the kept school shows both URNs’ Ofsted history, undo', async ({ page }) => {
  const errors = watchErrors(page);
  await start(page);
  const oldId = await schoolId(page, OLD, '2025/26');
  const newId = await schoolId(page, NEW, '2026/27');
  const ofstedBefore = await call<{ ofsted: { urn: string }[] }>(page, 'schoolDashboard', { schoolId: newId });
  const oldOfsted = (await call<{ ofsted: { urn: string }[] }>(page, 'schoolDashboard', { schoolId: oldId })).ofsted.length;
  expect(ofstedBefore.ofsted.every((i) => i.urn === NEW)).toBe(true);

  await page.goto(`${server.baseUrl}/#/schools/${oldId}`);
  await expect(page.getByRole('heading', { name: 'Stanchester Academy', level: 1 })).toBeVisible();

  // Esc cancels.
  await page.getByRole('button', { name: 'Merge into another record…' }).click();
  let dialog = page.getByRole('dialog', { name: /Merge Stanchester Academy into another record/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Find the record to keep')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A record that is a member the same year is refused, with the year and hubs named.
  await page.getByRole('button', { name: 'Merge into another record…' }).click();
  dialog = page.getByRole('dialog', { name: /Merge Stanchester Academy into another record/ });
  const kingsbridge = await call<{ schools: { urn: string; name: string }[] }>(page, 'hubDashboard', { hubName: 'Kingsbridge Hub', year: '2025/26' });
  const peer = kingsbridge.schools.find((s) => s.urn !== OLD)!;
  await dialog.getByLabel('Find the record to keep').fill(peer.urn);
  await page.keyboard.press('Enter');
  const refusal = dialog.getByRole('alert', { name: 'Why it cannot be merged' });
  await expect(refusal).toContainText(`Both records are members in 2025/26 (Stanchester Academy in Kingsbridge Hub, ${peer.name} in Kingsbridge Hub)`);
  await expect(dialog.getByRole('button', { name: 'Merge records' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/merges-01-school-refused.png' });

  // The new URN: Enter picks it, the preview shows what moves and the funding effect.
  await dialog.getByLabel('Find the record to keep').fill(NEW);
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('merge-kept')).toHaveText(`Ridgeway School (URN ${NEW})`);
  await expect(dialog.getByTestId('merge-merged')).toHaveText(`Stanchester Academy (URN ${OLD})`);
  const moves = dialog.getByRole('region', { name: 'What moves' });
  await expect(moves.locator('.merge-moves li').first()).toHaveText('memberships 1');
  await expect(moves).toContainText(`Ofsted: ${oldOfsted} inspections under URN ${OLD} will show in Ridgeway School’s history`);
  const effect = moves.locator('[data-year="2025/26"]').getByRole('region', { name: 'Funding effect' });
  await expect(effect.locator('tr[data-hub="Kingsbridge Hub"] td').last()).toHaveText('no change');
  await expect(refusal).toBeHidden();
  await page.screenshot({ path: 'test-results/screens/merges-02-school-preview.png' });

  // Enter merges (from the search box, once the choice is made); the kept school opens.
  await dialog.getByLabel('Find the record to keep').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Ridgeway School', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`Saved: Merged Stanchester Academy (URN ${OLD}) into Ridgeway School (URN ${NEW})`);
  const history = page.getByRole('region', { name: /Ofsted history/ });
  await expect(history.locator('ol.dash-history > li')).toHaveCount(ofstedBefore.ofsted.length + oldOfsted);
  const after = await call<{ ofsted: { urn: string }[]; memberships: { year: string }[] }>(page, 'schoolDashboard', { schoolId: newId });
  expect(new Set(after.ofsted.map((i) => i.urn))).toEqual(new Set([OLD, NEW]));
  // The old URN's inspections say so; the kept school's own do not.
  await expect(history.getByText(`under URN ${OLD}`)).toHaveCount(oldOfsted);
  await expect(history.getByText(`under URN ${NEW}`)).toHaveCount(0);
  expect(after.memberships.map((m) => m.year).sort()).toEqual(['2025/26', '2026/27']);
  await page.screenshot({ path: 'test-results/screens/merges-03-school-merged.png', fullPage: true });

  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone: Merged Stanchester Academy');
  await expect(history.locator('ol.dash-history > li')).toHaveCount(ofstedBefore.ofsted.length);
  expect(errors).toEqual([]);
});

test('merge two hubs from the current year: both hubs’ funding before → after, Enter merges, the kept hub has both hubs’ schools, undo', async ({ page }) => {
  const errors = watchErrors(page);
  await start(page);
  const hubs = await call<{ id: number; name: string; schools: number }[]>(page, 'listHubs', { year: '2026/27' });
  const from = hubs.find((h) => h.name === 'Kingsbridge Hub')!;
  const into = hubs.find((h) => h.name === 'Kent Hub')!;
  await page.goto(`${server.baseUrl}/#/hubs/${from.id}`);
  await expect(page.getByRole('heading', { name: 'Kingsbridge Hub', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Merge into another hub…' }).click();
  const dialog = page.getByRole('dialog', { name: /Merge Kingsbridge Hub into another hub/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Merged from the year')).toHaveValue('2026/27');
  await dialog.getByLabel('Find the hub to keep').fill('kent');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('merge-kept')).toHaveText('Kent Hub');
  const effect = dialog.locator('[data-year="2026/27"]').getByRole('region', { name: 'Funding effect' });
  await expect(effect.locator('tr[data-hub="Kingsbridge Hub"] td').nth(1)).toHaveText(`${from.schools} → 0`);
  await expect(effect.locator('tr[data-hub="Kent Hub"] td').nth(1)).toHaveText(`${into.schools} → ${into.schools + from.schools}`);
  await expect(dialog.getByRole('region', { name: 'What moves' }).locator('.merge-moves li').first()).toHaveText(`memberships ${from.schools}`);
  await page.screenshot({ path: 'test-results/screens/merges-04-hub-preview.png' });

  await dialog.getByLabel('Find the hub to keep').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Kent Hub', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Saved: Merged Kingsbridge Hub into Kent Hub from 2026/27');
  const kent = await call<{ schools: unknown[] }>(page, 'hubDashboard', { hubId: into.id, year: '2026/27' });
  expect(kent.schools.length).toBe(into.schools + from.schools);
  const listed = await call<{ id: number }[]>(page, 'listHubs', { year: '2026/27' });
  expect(listed.some((h) => h.id === from.id)).toBe(false);
  await page.screenshot({ path: 'test-results/screens/merges-05-hub-merged.png' });

  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone: Merged Kingsbridge Hub into Kent Hub');
  const back = await call<{ id: number; schools: number }[]>(page, 'listHubs', { year: '2026/27' });
  expect(back.find((h) => h.id === from.id)?.schools).toBe(from.schools);
  expect(errors).toEqual([]);
});
