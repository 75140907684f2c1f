import { expect, test, type Locator, type Page } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

const pence = (text: string) => Math.round(Number(text.replace(/[£,\s]/g, '').replace('−', '-')) * 100);

/** The bars of one series, found by its colour, as boxes sorted left to right (or top to bottom). */
async function bars(chart: Locator, fill: string): Promise<{ x: number; y: number; width: number; height: number }[]> {
  const boxes = await chart.locator(`path.recharts-rectangle[fill="${fill}"]`).evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
  );
  return boxes.filter((b) => b.width > 0 && b.height > 0);
}

async function barSizes(chart: Locator, fill: string, dimension: 'height' | 'width'): Promise<number[]> {
  return (await bars(chart, fill)).sort((a, b) => (dimension === 'height' ? a.x - b.x : a.y - b.y)).map((b) => b[dimension]);
}

const PLANNED = '#9cc9d1';
const CLAIMED = '#0b5d6b';
const RELEASED = '#1f7a4d';

async function column(table: Locator, series: string): Promise<number[]> {
  await expect(table.locator(`tbody td[data-series="${series}"]`).first()).toBeVisible();
  return (await table.locator(`tbody td[data-series="${series}"]`).allInnerTexts()).map(pence);
}

/** recharts' ResponsiveContainer draws on a later frame than the table: wait until it has drawn `count` bars. */
async function drawn(chart: Locator, fills: string[], count: number) {
  await expect
    .poll(async () => {
      let total = 0;
      for (const fill of fills) total += (await bars(chart, fill)).length;
      return total;
    })
    .toBeGreaterThanOrEqual(count);
}

const nonZeroCount = (values: number[]) => values.filter((v) => v > 0).length;

function expectProportional(sizes: number[], values: number[]) {
  const nonZero = values.filter((v) => v > 0);
  expect(nonZero.length).toBeGreaterThan(0);
  expect(sizes.length).toBe(nonZero.length);
  const scale = sizes[0]! / nonZero[0]!;
  sizes.forEach((s, i) => expect(Math.abs(s - nonZero[i]! * scale)).toBeLessThanOrEqual(Math.max(1.5, nonZero[i]! * scale * 0.02)));
}

async function open(page: Page) {
  await page.goto(server.entryUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: 'Spend', exact: true })).toBeVisible();
}

test('network spend by category: the bars are the table’s figures, and a bar opens its claims', async ({ page }) => {
  await open(page);
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Spend by network category' }) });
  await card.getByLabel(/Compare with 2025\/26/).uncheck();
  const table = card.getByRole('table', { name: 'Spend by network category' });
  const chart = card.locator('.chart-area');
  const planned = await column(table, 'planned');
  const claimed = await column(table, 'claimed');
  await drawn(chart, [PLANNED], nonZeroCount(planned));
  await drawn(chart, [CLAIMED], nonZeroCount(claimed));
  expectProportional(await barSizes(chart, PLANNED, 'height'), planned);
  expectProportional(await barSizes(chart, CLAIMED, 'height'), claimed);
  await card.getByLabel(/Compare with 2025\/26/).check();
  await expect(table.getByRole('columnheader', { name: 'Released 2025/26' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/spend-network.png', fullPage: true });

  await chart.locator(`path.recharts-rectangle[fill="${CLAIMED}"]`).first().click();
  await expect(page.getByRole('heading', { name: 'Workshops and events' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Claims under Workshops and events' }).locator('tbody tr').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/spend-category-claims.png' });
});

test('funding per hub is sorted by total available and opens a hub’s own charts', async ({ page }) => {
  await open(page);
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Funding per hub' }) });
  const table = card.getByRole('table', { name: 'Funding per hub' });
  const totals = await column(table, 'total');
  expect([...totals].sort((a, b) => b - a)).toEqual(totals);
  // Each hub's bar (released + remaining + any overspend) is as long as its total available.
  const chart = card.locator('.chart-area');
  // Every hub with money available has at least one bar segment.
  await drawn(chart, [RELEASED, PLANNED, '#b42318'], nonZeroCount(totals));
  const rows = new Map<number, number>();
  for (const fill of [RELEASED, PLANNED, '#b42318']) {
    for (const b of await bars(chart, fill)) rows.set(Math.round(b.y + b.height / 2), (rows.get(Math.round(b.y + b.height / 2)) ?? 0) + b.width);
  }
  const lengths = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, w]) => w);
  expectProportional(lengths, totals);

  await page.getByLabel('Memberships Manager').selectOption({ label: 'Grace Okafor' });
  await expect(table.locator('tbody tr')).not.toHaveCount(totals.length);
  await table.getByRole('button', { name: 'Aspire Hub' }).click();
  await expect(page.getByRole('heading', { name: 'Aspire Hub · 2026/27' })).toBeVisible();
  const priorities = page.getByRole('table', { name: 'Planned and claimed by priority' });
  await expect(priorities).toContainText('Leadership at all levels');
  await expect(priorities).toContainText('£21,300.00');
  await expect(page.getByRole('table', { name: 'Funding used over the year' })).toBeVisible();
  await expect(page.getByText('Total available £38,589.77').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/spend-aspire.png', fullPage: true });

  // A hub with nothing planned or claimed says so instead of drawing empty axes.
  await page.getByLabel('Memberships Manager').selectOption({ label: 'Everyone' });
  const noPlanHub = await page.evaluate(async () => {
    const api = (window as unknown as { api: { spendHub(r: { hubId: number }): Promise<{ hasPlan: boolean; claimCount: number }>; listHubs(r: object): Promise<{ id: number; name: string }[]> } }).api;
    for (const h of await api.listHubs({})) {
      const v = await api.spendHub({ hubId: h.id });
      if (!v.hasPlan && v.claimCount === 0) return h.id;
    }
    return null;
  });
  if (noPlanHub !== null) {
    await page.getByLabel('Hub', { exact: true }).selectOption(String(noPlanHub));
    await expect(page.getByText(/has no action plan for 2026\/27 yet, and no claims/)).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/spend-empty-hub.png' });
  }
});

test('Settings: spend categories can be added, renamed and retired', async ({ page }) => {
  await page.goto(server.entryUrl);
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('table', { name: 'Spend categories' });
  await page.getByLabel('New category name').fill('Conference costs');
  await page.getByRole('button', { name: 'Add category' }).click();
  await expect(panel).toContainText('Conference costs');
  await page.getByLabel('New category name').fill('staff training');
  await page.getByRole('button', { name: 'Add category' }).click();
  await expect(page.getByRole('alert')).toContainText('already a category called "Staff training"');
  await panel.getByRole('button', { name: 'Rename Conference costs' }).click();
  await page.getByLabel('New name for Conference costs').fill('Conferences');
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('Conferences');
  await panel.getByRole('button', { name: 'Retire Conferences' }).click();
  await expect(panel.getByRole('button', { name: 'Reinstate Conferences' })).toBeVisible();
  await page.locator('section', { has: page.getByRole('heading', { name: 'Spend categories' }) }).screenshot({ path: 'test-results/screens/settings-categories.png' });
});
