/**
 * What a person does in the app, each timed from their input to the painted answer (painted.ts).
 * Every journey starts from a fresh page load (so nothing the screens asked before is held in the
 * page) unless it says otherwise; the core keeps what it computed until the store changes, as it
 * does for a person clicking around.
 */
import type { Page } from 'playwright-core';
import { timeUntilShown, type Shown } from './painted';

export interface Screen {
  /** The sidebar link. */
  link: string;
  path: string;
  /** What the screen shows once its data is painted. */
  shown: Shown[];
}

/** The sidebar's screens and what each shows when its data is there. */
export const SCREENS: Screen[] = [
  { link: 'Network', path: '/network', shown: [{ selector: 'table[aria-label="Hubs"] tbody tr' }] },
  { link: 'Hubs', path: '/hubs', shown: [{ selector: 'ul[aria-label="Hubs"] li .hub-card' }] },
  { link: 'Schools', path: '/schools', shown: [{ selector: 'table[aria-label="Member schools"] tbody tr' }] },
  { link: 'Funding', path: '/funding', shown: [{ selector: 'table[aria-label="Hub funding"] tbody tr' }] },
  {
    link: 'Spend',
    path: '/spend',
    shown: [
      { selector: 'table[aria-label="Spend by network category"] tbody tr' },
      { selector: 'table[aria-label="Funding per hub"] tbody tr' },
      { selector: '.chart-card .recharts-bar-rectangle' },
    ],
  },
  { link: 'Imports', path: '/imports', shown: [{ selector: 'table[aria-label="Import history"] tbody tr' }] },
  { link: 'Exports', path: '/exports', shown: [{ selector: 'section[aria-labelledby="hub-export-title"] select' }, { selector: 'section[aria-labelledby="hub-export-title"] button.primary:enabled' }] },
  {
    link: 'Settings',
    path: '/settings',
    shown: [
      { selector: 'table[aria-label="Membership years"] tbody tr' },
      { selector: 'table[aria-label="Spend categories"] tbody tr' },
      { selector: 'table[aria-label="Audit log"] tbody tr' },
    ],
  },
  { link: 'WWW/EBI explorer', path: '/explorer', shown: [{ selector: 'section[aria-label="Results"] ol.dash-hits li' }] },
  { link: 'Calls', path: '/calls', shown: [{ selector: 'table[aria-label="My hubs\' calls"] tbody tr' }] },
];

let loads = 0;

/** Waits (untimed) until the page shows all of `shown`. */
async function until(page: Page, shown: Shown[], timeout = 120_000): Promise<void> {
  for (const s of shown) {
    const l = page.locator(s.selector, s.text ? { hasText: s.text } : {}).first();
    await l.waitFor({ state: s.absent ? 'hidden' : 'visible', timeout });
  }
}

/**
 * A fresh load of the app at a path (a new document: nothing held by the page), with the year the
 * person last chose, waiting until `shown` is painted. A new query string makes it a real load, not
 * a move within the page.
 */
export async function load(page: Page, origin: string, path: string, shown: Shown[], year?: string): Promise<void> {
  if (year !== undefined && page.url().startsWith(origin)) await page.evaluate((y) => window.localStorage.setItem('hubdesk.year', y), year);
  loads += 1;
  await page.goto(`${origin}/?load=${loads}#${path}`, { waitUntil: 'commit', timeout: 120_000 });
  if (year !== undefined && (await page.evaluate(() => window.localStorage.getItem('hubdesk.year'))) !== year) {
    await page.evaluate((y) => window.localStorage.setItem('hubdesk.year', y), year);
    await page.reload({ waitUntil: 'commit', timeout: 120_000 });
  }
  await until(page, shown);
}

function nav(page: Page, link: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true });
}

/**
 * One session: load the app on one screen, then open every other screen from the sidebar, each
 * for the first time in the session (its data not yet held by the page). Returns ms by screen path.
 */
export async function navigationSession(page: Page, origin: string, first: number, year: string): Promise<Map<string, number>> {
  const start = SCREENS[first % SCREENS.length]!;
  await load(page, origin, start.path, start.shown, year);
  const out = new Map<string, number>();
  for (let i = 1; i < SCREENS.length; i++) {
    const s = SCREENS[(first + i) % SCREENS.length]!;
    const t = await timeUntilShown(page, s.shown, () => nav(page, s.link).click());
    out.set(s.path, t.ms);
  }
  return out;
}

/** The year picker on the Network page, from one year to another not yet seen in the session. */
export async function switchYear(page: Page, origin: string, from: string, to: string): Promise<number> {
  await load(page, origin, '/network', [SCREENS[0]!.shown[0]!, { selector: '.page-header .subtitle', text: `Every hub in ${from}` }], from);
  const t = await timeUntilShown(page, [{ selector: '.page-header .subtitle', text: `Every hub in ${to}` }, SCREENS[0]!.shown[0]!], () =>
    page.getByLabel('Membership year').selectOption(to).then(() => undefined),
  );
  return t.ms;
}

/** From the Hubs page, a hub's card to its dashboard (the schools table painted). */
export async function openHub(page: Page, origin: string, hub: string, year: string): Promise<number> {
  await load(page, origin, '/hubs', SCREENS[1]!.shown, year);
  const card = page.locator('ul[aria-label="Hubs"] button.hub-card').filter({ has: page.locator('.hub-card-name').getByText(hub, { exact: true }) });
  const t = await timeUntilShown(page, [{ selector: `table[aria-label="Schools in ${hub}"] tbody tr` }, { selector: '.page-header h1', text: hub }], () => card.click());
  return t.ms;
}

/** The Spend page's category chart: its tallest bar to that category's claims. */
export async function drillDown(page: Page, origin: string, year: string): Promise<number> {
  await load(page, origin, '/spend', SCREENS[4]!.shown, year);
  const bars = page.locator('.chart-card').first().locator('.recharts-bar-rectangle path');
  const tallest = await bars.evaluateAll((els) => {
    let best = -1;
    let height = 0;
    els.forEach((e, i) => {
      const h = e.getBoundingClientRect().height;
      if (h > height) {
        height = h;
        best = i;
      }
    });
    return best;
  });
  if (tallest < 0) throw new Error('the Spend page’s category chart has no bar to click');
  const t = await timeUntilShown(page, [{ selector: 'table[aria-label^="Claims under"] tbody tr' }, { selector: '.page-header .subtitle', text: 'claims in' }], () => bars.nth(tallest).click());
  return t.ms;
}

/** A school's "Edit school" dialog: opened (the record's fields painted), then saved with a new phone number. */
export async function editSchool(page: Page, origin: string, schoolId: number, phone: string, year: string): Promise<{ open: number; save: number }> {
  await load(page, origin, `/schools/${schoolId}`, [{ selector: '.page-header h1' }, { selector: 'button', text: 'Edit school' }], year);
  const dialog = 'dialog[aria-label="Edit school"]';
  const open = await timeUntilShown(page, [{ selector: `${dialog} .record-grid input` }], () => page.getByRole('button', { name: 'Edit school', exact: true }).click());
  await page.locator(dialog).getByLabel('Phone').fill(phone);
  const save = await timeUntilShown(page, [{ selector: dialog, absent: true }, { selector: '.undo-toast', text: 'Saved' }], () =>
    page.locator(dialog).getByRole('button', { name: 'Save school' }).click(),
  );
  return { open: open.ms, save: save.ms };
}

/** The Exports page's network export as a zip of hub workbooks with their charts, until "Saved …" is painted. */
export async function networkExport(page: Page, origin: string, year: string): Promise<number> {
  await load(page, origin, '/exports', SCREENS[6]!.shown, year);
  const panel = page.locator('section[aria-labelledby="network-export-title"]');
  await panel.getByLabel(/One workbook per hub, in a \.zip/).check();
  const downloaded = page.waitForEvent('download', { timeout: 300_000 });
  const t = await timeUntilShown(page, [{ selector: 'section[aria-labelledby="network-export-title"] [role="status"]', text: 'Saved Hub dashboards' }], () =>
    panel.getByRole('button', { name: 'Export hub workbooks (.zip)' }).click(),
  300_000);
  await (await downloaded).delete();
  return t.ms;
}
