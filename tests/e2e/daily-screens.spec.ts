import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, test, watchErrors, type Locator, type Page } from './test';
import { startServer, type RunningServer } from './server-fixture';
import { testClockEnv } from '../helpers/clock';

/**
 * The screens people live in, at the laptop size the team works at (1280 × 720): the columns each
 * role needs without scrolling sideways, tables and dialogs by keyboard, labels that say what they
 * mean, UK dates, the explorer, support suggestions and charts. The demo, with one hub given a long
 * name and two hubs merged into one of 43 schools.
 */
let server: RunningServer;
const BIG_HUB = 'Wootton Bassett Hub';
const LONG_HUB = 'Bristol, Bath, North Somerset and South Gloucestershire Schools Partnership Hub';
const shots = 'test-results/screens';

test.use({ viewport: { width: 1280, height: 720 } });

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-daily-'));
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.resolve('out/cli/index.js'), '--data', dataDir, ...args], { encoding: 'utf8', env: testClockEnv() });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  };
  cli('demo');
  cli('hub', 'merge', 'Norfolk Coast Hub', '--into', BIG_HUB, '--year', '2026/27');
  server = await startServer(dataDir);
});
test.afterAll(async () => {
  await server.stop();
});

async function openApp(page: Page) {
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible();
}

interface HubRef {
  id: number;
  name: string;
}
async function hubId(page: Page, name: string | RegExp): Promise<number> {
  const hubs = await server.call<HubRef[]>(page, 'listHubs', {});
  const hub = hubs.find((h) => (typeof name === 'string' ? h.name === name : name.test(h.name)));
  if (!hub) throw new Error(`no hub ${String(name)}`);
  return hub.id;
}

/** Give Bristol and Avon Hub a long name (once). */
async function longName(page: Page): Promise<number> {
  const id = await hubId(page, /^Bristol/);
  const rec = await server.call<Record<string, unknown> & { version: string; hubManagers: Record<string, unknown>[] }>(page, 'hubRecord', { hubId: id });
  if (rec.name !== LONG_HUB) {
    const { id: _id, staff: _staff, ...fields } = rec;
    await server.call(page, 'updateHub', { ...fields, hubId: id, name: LONG_HUB });
  }
  return id;
}

/** The table fits its box: nothing to scroll to sideways. */
async function fitsWithoutSidewaysScroll(table: Locator) {
  const { scroll, box } = await table.evaluate((t) => ({ scroll: t.scrollWidth, box: (t.closest('.table-wrap') as HTMLElement).clientWidth }));
  expect(scroll).toBeLessThanOrEqual(box);
}

/** The column header is on screen, inside the window's width. */
async function headerInView(table: Locator, name: string) {
  const header = table.getByRole('columnheader', { name, exact: true });
  await expect(header).toBeVisible();
  const box = await header.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
}

test('at 1280 × 720 the columns people need are on screen without scrolling sideways; column groups are shown or hidden and remembered for each person', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const bristol = await longName(page);
  await page.reload();

  // Network: Vulnerable and Funding in view.
  const hubs = page.getByRole('table', { name: 'Hubs' });
  await expect(hubs.getByText(LONG_HUB)).toBeVisible();
  await fitsWithoutSidewaysScroll(hubs);
  for (const h of ['Hub', 'Schools', 'Pupils', 'Latest Ofsted', 'QA estimates', 'Reviewers', 'Vulnerable', 'Funding']) await headerInView(hubs, h);
  await page.screenshot({ path: `${shots}/daily-01-network-1280.png` });

  // Funding overview: Released and Remaining in view (formula and minimum wait behind "Columns").
  await page.keyboard.press('Alt+4');
  const funding = page.getByRole('table', { name: 'Hub funding' });
  await expect(funding.locator('tbody tr').first()).toBeVisible();
  await fitsWithoutSidewaysScroll(funding);
  for (const h of ['Funding', 'Carry forward', 'Total available', 'Planned', 'Claimed', 'Released', 'Remaining']) await headerInView(funding, h);
  await expect(funding.getByRole('columnheader', { name: 'Formula' })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/daily-02-funding-1280.png` });

  // A hub of 43 schools: estimates, Area of Excellence and the reviewer status in view.
  const big = await hubId(page, BIG_HUB);
  await page.goto(`${server.baseUrl}/#/hubs/${big}`);
  const schools = page.getByRole('table', { name: `Schools in ${BIG_HUB}` });
  await expect(schools.locator('tbody tr')).toHaveCount(43);
  await fitsWithoutSidewaysScroll(schools);
  for (const h of ['School', 'Pupils', 'Latest inspection', 'Review', 'Estimates', 'Area of Excellence', 'Short', 'Status']) await headerInView(schools, h);
  await expect(schools.locator('tbody tr').first().locator('.dash-estimates dt')).toHaveText(['L', 'Q', 'D']);
  await page.screenshot({ path: `${shots}/daily-03-big-hub-1280.png` });

  // Show the contacts: remembered after a reload, for this person only.
  const menu = page.locator('details.column-menu').filter({ has: page.getByText('Show in Schools in') });
  await menu.locator('summary').click();
  await menu.getByRole('checkbox', { name: 'Headteacher and contact' }).check();
  await expect(schools.getByRole('columnheader', { name: 'Headteacher & contact' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(schools.getByRole('columnheader', { name: 'Headteacher & contact' })).toBeVisible();
  const identity = await server.call<{ staff: { id: number; role: string }[] }>(page, 'getIdentity', {});
  const other = identity.staff.find((s) => s.role === 'finance')!;
  await server.call(page, 'setIdentity', { staffId: other.id });
  await page.reload();
  await expect(schools.locator('tbody tr')).toHaveCount(43);
  await expect(schools.getByRole('columnheader', { name: 'Headteacher & contact' })).toHaveCount(0);
  await server.call(page, 'setIdentity', { staffId: null });
  await page.reload();
  await expect(schools.getByRole('columnheader', { name: 'Headteacher & contact' })).toBeVisible();

  // The long-named hub's page at both sizes.
  await page.goto(`${server.baseUrl}/#/hubs/${bristol}`);
  await expect(page.getByRole('heading', { name: LONG_HUB })).toBeVisible();
  await page.screenshot({ path: `${shots}/daily-04-long-hub-1280.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${shots}/daily-04-long-hub-1440.png` });
  await page.goto(`${server.baseUrl}/#/hubs/${big}`);
  await expect(schools.locator('tbody tr')).toHaveCount(43);
  await page.screenshot({ path: `${shots}/daily-03-big-hub-1440.png` });
  expect(errors).toEqual([]);
});

test('a table is one Tab stop with arrow keys inside; a dialog opens on its first field, closes with Esc and gives focus back', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.keyboard.press('Alt+3');
  const schools = page.getByRole('table', { name: 'Member schools' });
  // Every school of the year is in the table; only the rows near the view are rendered.
  const listed = await server.call<unknown[]>(page, 'listSchools', { year: '2026/27' });
  await expect(schools).toHaveAttribute('aria-rowcount', String(listed.length + 1));
  expect(await schools.locator('tbody tr[data-index]').count()).toBeLessThan(listed.length);

  // One element of the whole table is in the Tab order.
  const tabbable = await schools.evaluate((t) => [...t.querySelectorAll<HTMLElement>('a, button, tr, td, th, [tabindex]')].filter((e) => e.tabIndex >= 0).length);
  expect(tabbable).toBe(1);
  await page.getByLabel('Filter schools').focus();
  await page.keyboard.press('Tab');
  const rows = schools.locator('tbody tr[data-index]');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  // End reaches the last school although its row was not rendered: it is brought into view and focused.
  await page.keyboard.press('End');
  const last = schools.locator(`tbody tr[aria-rowindex="${listed.length + 1}"]`);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  // PageUp moves ten rows, rendering them as it goes.
  await page.keyboard.press('PageUp');
  await expect(schools.locator(`tbody tr[aria-rowindex="${listed.length + 1 - 10}"]`)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rows.first()).toBeFocused();
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '2');
  // Printed (or saved as PDF), the table has every row.
  await page.emulateMedia({ media: 'print' });
  await expect(rows).toHaveCount(listed.length);
  await page.emulateMedia({ media: 'screen' });
  await expect(rows.first()).toBeFocused();
  // Into the row: its cells and the hub link; Enter on the link is the link's.
  await page.keyboard.press('ArrowRight');
  await expect(rows.first().locator('td').first()).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  const hubLink = rows.first().getByRole('link');
  await expect(hubLink).toBeFocused();
  // Up to the header: its sort buttons are in the grid too.
  await page.keyboard.press('ArrowUp');
  await expect(schools.getByRole('button', { name: 'Hub' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(schools.getByRole('columnheader', { name: 'Hub' })).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(rows.first()).toBeFocused();
  // Tab leaves the table at once: the next Tab stop is not in it.
  await page.keyboard.press('Tab');
  expect(await schools.evaluate((t) => t.contains(document.activeElement))).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(rows.first()).toBeFocused();
  const name = (await rows.first().locator('td').first().innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();

  // A dialog: opens on its first field, Esc closes it, focus goes back to the button that opened it.
  const edit = page.getByRole('button', { name: 'Edit school' });
  await edit.click();
  const dialog = page.getByRole('dialog', { name: 'Edit school' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  const training = page.getByRole('button', { name: 'Add training' });
  await training.focus();
  await page.keyboard.press('Enter');
  const trainingDialog = page.getByRole('dialog', { name: /Reviewer training/ });
  await expect(trainingDialog.locator('input').first()).toBeFocused();

  // A date in the future: refused in the app's words, in the UK format; no browser bubble.
  await trainingDialog.getByLabel('Trained on').fill('2026-12-05');
  await expect(trainingDialog.getByLabel('Trained on')).not.toHaveAttribute('max');
  await expect(trainingDialog.getByText('the training date (5 Dec 2026) is after today (23 Nov 2026)')).toBeVisible();
  await page.screenshot({ path: `${shots}/daily-05-date-message.png` });
  await page.keyboard.press('Escape');
  await expect(trainingDialog).toBeHidden();
  await expect(training).toBeFocused();
  expect(errors).toEqual([]);
});

test('short labels are explained where they are shown; badges share one capitalisation; a paid fee is not offered again', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  // The keys to the network's bars are on screen at 1280 × 720, above the table.
  const ofstedKey = page.getByRole('definition').filter({ hasText: 'inspected September 2024 – August 2025: no overall grade' });
  await expect(ofstedKey).toBeInViewport();
  await expect(page.locator('.dash-key', { hasText: 'QA estimates' }).getByText('Leadership at all levels')).toBeInViewport();

  // Hub page: the flags' key, "to confirm" in words, "Hosts first" explained.
  await page.getByRole('table', { name: 'Hubs' }).locator('tbody tr', { hasText: 'Aspire Hub' }).click();
  const table = page.getByRole('table', { name: 'Schools in Aspire Hub' });
  await expect(table).toBeVisible();
  const flags = page.locator('.dash-key', { hasText: 'Flags' });
  await expect(flags).toContainText('Hosts first');
  await expect(flags).toContainText('to confirm');
  await expect(table.getByText(/^\+\d+\?$/)).toHaveCount(0);
  await expect(table.getByText('Review first')).toHaveCount(0);

  // Every badge in sentence case, whatever case its words are stored in.
  const cases = await page.locator('.tag, .dash-flag, .dash-status').evaluateAll((els) =>
    els.map((e) => ({ text: e.textContent ?? '', whole: getComputedStyle(e).textTransform, first: getComputedStyle(e, '::first-letter').textTransform })),
  );
  expect(cases.length).toBeGreaterThan(10);
  expect(cases.filter((c) => /^[a-z]/.test(c.text)).length).toBeGreaterThan(0);
  for (const c of cases) expect(c, c.text).toMatchObject({ whole: 'none', first: 'uppercase' });

  // A paid fee: "Fee paid" is not offered; its dates are.
  const memberships = page.getByRole('table', { name: 'Memberships' });
  const paid = memberships.locator('tbody tr').filter({ hasNot: page.getByText('Not paid') }).first();
  const unpaid = memberships.locator('tbody tr').filter({ has: page.getByText('Not paid') }).first();
  await expect(paid.locator('button', { hasText: 'Fee paid' })).toHaveCount(0);
  await expect(paid.getByRole('button', { name: /^Fee for / })).toHaveCount(0);
  await expect(paid.getByRole('button', { name: /^Fee dates of / })).toHaveText('Fee dates');
  // (Every Aspire school has paid in the demo; a school that has not is offered "Fee paid", as the empty-start hub shows.)
  if ((await unpaid.count()) > 0) await expect(unpaid.getByRole('button', { name: /^Fee for / })).toHaveText('Fee paid');
  await paid.getByRole('button', { name: /^Fee dates of / }).click();
  const fee = page.getByRole('dialog', { name: /Membership fee/ });
  await expect(fee.getByText(/Paid on \d{1,2} \w{3,4} \d{4}: clear this date/)).toBeVisible();
  await expect(fee.locator('input[type="date"]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${shots}/daily-06-hub-keys.png` });
  expect(errors).toEqual([]);
});

test('a long claim text ends with an ellipsis and shows whole on hover', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const aspire = await hubId(page, 'Aspire Hub');
  const detail = await server.call<{ categories: { id: number }[] }>(page, 'getHubFunding', { hubId: aspire, year: '2026/27' });
  const text = `Supply cover for the reading leads’ three-day visit to the partner school, with travel, subsistence and the follow-up twilight session for all staff across the trust ${'and more '.repeat(8)}`.trim();
  await server.call(page, 'createClaim', { hubId: aspire, year: '2026/27', claimedOn: '2026-11-20', amount: '£120.00', categoryId: detail.categories[0]!.id, description: text, status: 'submitted' });
  await page.goto(`${server.baseUrl}/#/funding/${aspire}`);
  const cell = page.getByRole('table', { name: 'Claims' }).locator('.clipped', { hasText: 'Supply cover for the reading leads' });
  await expect(cell).toHaveAttribute('title', text);
  const { scroll, client, overflow } = await cell.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, overflow: getComputedStyle(e).textOverflow }));
  expect(overflow).toBe('ellipsis');
  expect(scroll).toBeGreaterThan(client);
  await cell.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/daily-07-claim-ellipsis.png` });
  expect(errors).toEqual([]);
});

test('the explorer says how many results there are and groups near-identical Areas of Excellence; suggestions come near first and a request can be logged from one', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.keyboard.press('Alt+9');
  await page.getByLabel('Search WWWs, EBIs and Areas of Excellence').fill('oracy');
  const results = page.getByRole('region', { name: 'Results' });
  const all = await server.call<{ total: number; hits: unknown[] }>(page, 'searchQaText', { text: 'oracy', limit: 500 });
  await expect(results.getByRole('status')).toContainText(`${all.total.toLocaleString('en-GB')} results`);
  const group = results.locator('li.dash-hit-group', { hasText: 'Oracy across the curriculum' });
  await expect(group).toHaveCount(1);
  await expect(group).toContainText(/\d+ schools/);
  await page.screenshot({ path: `${shots}/daily-08-explorer-groups.png` });

  await page.getByLabel('Search WWWs, EBIs and Areas of Excellence').fill('adaptive teaching');
  await page.getByLabel('Kind').selectOption('ebi');
  await results.getByRole('button', { name: 'Suggest support' }).first().click();
  const panel = page.getByRole('region', { name: 'Schools that could support this EBI' });
  await expect(panel.locator('ol.dash-suggestions > li').first()).toBeVisible();
  const tiers = await panel.locator('ol.dash-suggestions > li .tag').allInnerTexts();
  expect(tiers.length).toBeGreaterThan(0);
  const order = tiers.map((t) => ['Same hub', 'Same region', 'Elsewhere'].indexOf(t.trim()));
  expect(order.every((o) => o >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  const first = panel.locator('ol.dash-suggestions > li').first();
  const helper = (await first.locator('a.strong').innerText()).trim();
  const ebiSchool = (await panel.locator('blockquote').innerText()).split('— ')[1]!.split(',')[0]!.trim();
  await page.screenshot({ path: `${shots}/daily-09-suggestions.png` });

  // Log the request from the suggestion: the EBI, its area and the school are filled in.
  await first.getByRole('button', { name: /^Log a support request/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Log a support request' });
  await expect(dialog.getByLabel('Status')).toHaveValue('brokered');
  await expect(dialog.getByLabel('Brokered to').locator('option:checked')).toContainText(helper);
  await dialog.getByRole('button', { name: 'Log request' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('status')).toContainText('Saved');
  const schoolsList = await server.call<{ schoolId: number; name: string }[]>(page, 'listSchools', {});
  const ebiSchoolId = schoolsList.find((s) => s.name === ebiSchool)?.schoolId;
  if (ebiSchoolId !== undefined) {
    const requests = await server.call<{ brokeredToSchool: string | null; status: string }[]>(page, 'schoolSupportRequests', { schoolId: ebiSchoolId });
    expect(requests.some((r) => r.brokeredToSchool === helper && r.status === 'brokered')).toBe(true);
  }
  expect(errors).toEqual([]);
});

test('charts: axes on round numbers, legends in bar order, the saved PNG carries its title, hub and year, with no CSP error', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.keyboard.press('Alt+5');
  const card = page.locator('section.chart-card', { has: page.getByRole('heading', { name: 'Spend by network category' }) });
  await expect(card.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const tick = card.locator('.recharts-yAxis-tick-labels text');
  await expect(tick.first()).toBeAttached();
  const ticks = await tick.allTextContents();
  const pounds = ticks.map((t) => {
    const m = /^(−?)£([\d.]+)(k|m)?$/.exec(t.trim());
    if (!m) throw new Error(`tick "${t}"`);
    return (m[1] ? -1 : 1) * Number(m[2]) * (m[3] === 'k' ? 1_000 : m[3] === 'm' ? 1_000_000 : 1);
  });
  expect(pounds[0]).toBe(0);
  const step = pounds[1]! - pounds[0]!;
  const power = 10 ** Math.floor(Math.log10(step));
  expect([1, 2, 2.5, 5].some((f) => f * power === step)).toBe(true);
  for (let i = 1; i < pounds.length; i++) expect(pounds[i]! - pounds[i - 1]!).toBeCloseTo(step);
  expect(await card.locator('.recharts-legend-item-text').allInnerTexts()).toEqual(['Released 2025/26', 'Planned', 'Claimed', 'Released']);

  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Save as PNG' }).click();
  const file = await download;
  const bytes = fs.readFileSync((await file.path())!);
  // The heading band above the chart: dark ink in the top rows, where the chart itself is white.
  const png = await page.evaluate(async (b64) => {
    const raw = atob(b64);
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(raw, (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = c.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    const band = g.getImageData(0, 0, bitmap.width, 90).data;
    let dark = 0;
    for (let i = 0; i < band.length; i += 4) if (band[i]! < 90 && band[i + 1]! < 90 && band[i + 2]! < 90) dark++;
    return { width: bitmap.width, height: bitmap.height, dark };
  }, bytes.toString('base64'));
  const area = await card.locator('.chart-area').boundingBox();
  expect(png.height).toBeGreaterThan(area!.height * 2 + 80);
  expect(png.dark).toBeGreaterThan(200);
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  expect(errors).toEqual([]);
});

test('"Record a call" is reached from the top of a long call pack, and a call in the future is refused in the form', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const aspire = await hubId(page, 'Aspire Hub');
  await page.goto(`${server.baseUrl}/#/calls/${aspire}/2026-autumn`);
  await expect(page.getByRole('heading', { name: 'Aspire Hub: call pack' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Record a call' });
  await expect(form).not.toBeInViewport();
  await page.getByRole('button', { name: 'Record a call' }).click();
  await expect(form.getByLabel('Held on')).toBeFocused();
  await expect(form.getByLabel('Held on')).toBeInViewport();
  await form.getByLabel('Held on').fill('2026-11-30');
  await form.getByRole('button', { name: 'Record the call' }).click();
  await expect(form.getByText('the day the call was held (30 Nov 2026) is after today (23 Nov 2026)').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/daily-10-record-call.png` });
  expect(errors).toEqual([]);
});
