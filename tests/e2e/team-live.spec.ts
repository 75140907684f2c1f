import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Browser } from '@playwright/test';
import type { FixtureSchool } from '../fixtures/ofsted/generate';
import { expect, test, type Page } from './test';
import { TEST_NOW } from '../helpers/clock';
import { startTeamServer, type RunningTeamServer, type TeamPerson } from './team-server-fixture';

/**
 * Several people at once on one team server, each in their own browser context (their own cookie):
 * a colleague's change reaches an open screen without a reload, the second of two edits of one
 * record is refused naming the first, and roles hold at the door whatever the page does.
 */
let server: RunningTeamServer;
const SIGN_IN_WAIT_MS = 20_000;
test.use({ ignoreHTTPSErrors: true });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startTeamServer({
    admin: { name: 'Ada Admin', email: 'ada@example.org', roles: 'administrator' },
    manager: { name: 'Mo Manager', email: 'mo@example.org', roles: 'memberships_manager' },
    second: { name: 'Sam Second', email: 'sam@example.org', roles: 'memberships_manager' },
    finance: { name: 'Fin Ance', email: 'fin@example.org', roles: 'finance' },
    finance2: { name: 'Fay Nance', email: 'fay@example.org', roles: 'finance' },
    viewer: { name: 'Vi Ewer', email: 'vi@example.org', roles: 'viewer' },
  });
});
test.afterAll(async () => {
  await server.stop();
});

/** A new browser context signed in as `who` (their own session cookie), on the app's first screen. */
async function signedIn(browser: Browser, who: TeamPerson): Promise<Page> {
  // A context made by hand takes none of the config's settings: the UK locale and time zone are passed on.
  const { locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale, timezoneId });
  // The tests' clock, as every page of the suite has (the `page` fixture's context does this itself).
  await context.clock.setFixedTime(TEST_NOW);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Signed in as ${who.name}`)).toBeVisible({ timeout: SIGN_IN_WAIT_MS });
  return page;
}

/** A call to the core as the page's signed-in person: their cookie and their session's anti-forgery token. */
async function call<T>(page: Page, method: string, request: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { kind: string; message: string } }> {
  return page.evaluate(
    async ({ method, request }) => {
      const session = (await (await fetch('/auth/session')).json()) as { value: { csrfToken: string } };
      const res = await fetch(`/api/call/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hubdesk-CSRF': session.value.csrfToken }, body: JSON.stringify(request) });
      return res.json();
    },
    { method, request },
  );
}

async function value<T>(page: Page, method: string, request: unknown): Promise<T> {
  const r = await call<T>(page, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

async function openFunding(page: Page, hub: string) {
  await page.keyboard.press('Alt+4');
  await page.getByLabel('Filter hubs').fill(hub.replace(/ Hub$/, ''));
  await page.getByRole('table', { name: 'Hub funding' }).locator('tbody tr').first().click();
  await expect(page.getByRole('heading', { name: hub })).toBeVisible();
}

test('finance pays a claim and the manager’s open funding page shows it paid within two seconds, without a reload', async ({ browser }) => {
  const finance = await signedIn(browser, server.people.finance!);
  const manager = await signedIn(browser, server.people.manager!);
  await openFunding(finance, 'Aspire Hub');
  await finance.getByRole('button', { name: 'Log a claim' }).click();
  const form = finance.getByRole('form', { name: 'Log a claim' });
  await form.getByLabel('Amount').fill('£120.00');
  await form.getByLabel('Invoice reference').fill('ASP-LIVE-1');
  await form.getByLabel('Description').fill('Cover for the live-changes programme');
  await form.getByRole('button', { name: 'Log claim' }).click();
  await expect(form).toBeHidden();

  await openFunding(manager, 'Aspire Hub');
  const theirs = manager.getByRole('table', { name: 'Claims' }).locator('tr', { hasText: 'ASP-LIVE-1' });
  await expect(theirs.locator('.tag-claim-submitted')).toBeVisible();
  const loads = manager.waitForEvent('load', { timeout: 3000 }).then(() => true, () => false);

  await finance.getByRole('button', { name: 'Mark ASP-LIVE-1 paid' }).click();
  await finance.getByRole('button', { name: 'Record payment' }).click();
  await expect(finance.getByRole('table', { name: 'Claims' }).locator('tr', { hasText: 'ASP-LIVE-1' }).locator('.tag-claim-paid')).toBeVisible();
  await expect(theirs.locator('.tag-claim-paid')).toBeVisible({ timeout: 2000 });
  expect(await loads, 'the manager’s page was not reloaded').toBe(false);
  await manager.setViewportSize({ width: 1280, height: 720 });
  await manager.screenshot({ path: 'test-results/screens/team-live-paid-1280.png' });
  await finance.context().close();
  await manager.context().close();
});

test('two people edit one school: the second save is refused naming the first, and Reload brings the first’s value', async ({ browser }) => {
  const mo = await signedIn(browser, server.people.manager!);
  const sam = await signedIn(browser, server.people.second!);
  const school = (await value<{ schoolId: number }[]>(mo, 'listSchools', {}))[0]!;
  for (const page of [mo, sam]) {
    await page.goto(`${server.url}/#/schools/${school.schoolId}`);
    await page.getByRole('button', { name: 'Edit school' }).click();
    await expect(page.getByRole('dialog', { name: 'Edit school' }).getByLabel('Name')).toBeFocused();
  }
  const moForm = mo.getByRole('dialog', { name: 'Edit school' });
  const samForm = sam.getByRole('dialog', { name: 'Edit school' });
  await samForm.getByLabel('Trust').fill('Sam’s Trust');
  await moForm.getByLabel('Trust').fill('Mo’s Trust');
  await moForm.getByRole('button', { name: 'Save school' }).click();
  await expect(moForm).toBeHidden();

  // Sam's form still holds what Sam typed, on the record as Sam loaded it: the save is refused.
  await samForm.getByRole('button', { name: 'Save school' }).click();
  const refusal = samForm.getByRole('alert');
  await expect(refusal).toHaveText(/^Mo Manager changed .+ at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 2026; reload to see their change\./);
  await expect(samForm.getByLabel('Trust')).toHaveValue('Sam’s Trust');
  await sam.setViewportSize({ width: 1440, height: 900 });
  await sam.screenshot({ path: 'test-results/screens/team-conflict-1440.png' });

  // Reload is reached from the keyboard; it brings Mo's value and puts focus back on the form.
  const reload = samForm.getByRole('button', { name: 'Reload' });
  await reload.focus();
  await sam.keyboard.press('Enter');
  await expect(samForm.getByLabel('Trust')).toHaveValue('Mo’s Trust');
  await expect(samForm.getByRole('alert')).toHaveCount(0);
  await expect(samForm.getByLabel('Name')).toBeFocused();
  // Now Sam's change goes through, over Mo's as Sam saw it.
  await samForm.getByLabel('Trust').fill('Sam’s Trust');
  await samForm.getByRole('button', { name: 'Save school' }).click();
  await expect(samForm).toBeHidden();
  expect((await value<{ trust: string | null }>(mo, 'schoolRecord', { schoolId: school.schoolId })).trust).toBe('Sam’s Trust');
  await mo.context().close();
  await sam.context().close();
});

test('a claim corrected meanwhile by a colleague: the save is refused naming them, Reload shows their value, and saving again works', async ({ browser }) => {
  const fin = await signedIn(browser, server.people.finance!);
  const fay = await signedIn(browser, server.people.finance2!);
  const hub = (await value<{ id: number; name: string }[]>(fin, 'listHubs', {})).find((h) => h.name === 'Aspire Hub')!;
  const category = (await value<{ id: number }[]>(fin, 'listSpendCategories', {}))[0]!;
  const logged = await value<{ record: { id: number } }>(fin, 'createClaim', { hubId: hub.id, year: '2026/27', claimedOn: '2026-11-23', amount: '£50.00', invoiceRef: 'ASP-RACE-1', categoryId: category.id, status: 'submitted', description: 'As logged' });
  await openFunding(fin, 'Aspire Hub');
  await fin.getByRole('button', { name: 'Edit claim ASP-RACE-1' }).click();
  const form = fin.getByRole('dialog', { name: 'Correct claim ASP-RACE-1' });
  await form.getByLabel('Description').fill('Fin’s description');

  // Fay corrects the same claim; Fin's page fetches it again from the live stream (the row shows it).
  const claim = (await value<{ id: number; version: string }[]>(fay, 'listClaims', { hubId: hub.id, year: '2026/27' })).find((c) => c.id === logged.record.id)!;
  await value(fay, 'updateClaim', { claimId: claim.id, version: claim.version, description: 'Fay’s description' });
  await expect(fin.getByRole('table', { name: 'Claims' }).locator('tr', { hasText: 'ASP-RACE-1' })).toContainText('Fay’s description', { timeout: 2000 });
  await expect(form.getByLabel('Description')).toHaveValue('Fin’s description');

  // Fin's form was made from the claim as Fin found it: the save is refused, naming Fay.
  await form.getByRole('button', { name: 'Save the correction' }).click();
  await expect(form.getByRole('alert')).toHaveText(/^Fay Nance changed .+ at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 2026; reload to see their change\./);
  await form.getByRole('button', { name: 'Reload' }).click();
  await expect(form.getByLabel('Description')).toHaveValue('Fay’s description');
  await expect(form.getByRole('alert')).toHaveCount(0);

  await form.getByLabel('Description').fill('Fin’s description');
  await form.getByRole('button', { name: 'Save the correction' }).click();
  await expect(form).toBeHidden();
  const saved = (await value<{ id: number; description: string | null }[]>(fay, 'listClaims', { hubId: hub.id, year: '2026/27' })).find((c) => c.id === logged.record.id)!;
  expect(saved.description).toBe('Fin’s description');
  await fin.context().close();
  await fay.context().close();
});

test('a claim corrected while finance was about to pay it: the payment is refused naming the colleague, and paid after Reload', async ({ browser }) => {
  const fin = await signedIn(browser, server.people.finance!);
  const fay = await signedIn(browser, server.people.finance2!);
  const hub = (await value<{ id: number; name: string }[]>(fin, 'listHubs', {})).find((h) => h.name === 'Aspire Hub')!;
  const category = (await value<{ id: number }[]>(fin, 'listSpendCategories', {}))[0]!;
  const logged = await value<{ record: { id: number } }>(fin, 'createClaim', { hubId: hub.id, year: '2026/27', claimedOn: '2026-11-23', amount: '£50.00', invoiceRef: 'ASP-PAY-RACE', categoryId: category.id, status: 'submitted', description: 'Supply cover' });
  const claimOf = async () => (await value<{ id: number; version: string; status: string; amountPence: number }[]>(fay, 'listClaims', { hubId: hub.id, year: '2026/27' })).find((c) => c.id === logged.record.id)!;
  await openFunding(fin, 'Aspire Hub');
  const row = fin.getByRole('table', { name: 'Claims' }).locator('tr', { hasText: 'ASP-PAY-RACE' }).first();
  await fin.getByRole('button', { name: 'Mark ASP-PAY-RACE paid' }).click();
  await expect(fin.getByRole('button', { name: 'Record payment' })).toBeVisible();

  // Fay corrects the amount; Fin's row shows it from the live stream, but Fin chose to pay £50.00.
  await value(fay, 'updateClaim', { claimId: logged.record.id, version: (await claimOf()).version, amount: '£75.00' });
  await expect(row).toContainText('£75.00', { timeout: 2000 });
  await fin.getByRole('button', { name: 'Record payment' }).click();
  const refusal = fin.getByRole('table', { name: 'Claims' }).getByRole('alert');
  await expect(refusal).toHaveText(/^Fay Nance changed .+ at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 2026; reload to see their change\./);
  expect((await claimOf()).status).toBe('submitted');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await fin.setViewportSize({ width, height });
    await refusal.scrollIntoViewIfNeeded();
    await fin.screenshot({ path: `test-results/screens/team-live-payment-refused-${width}.png` });
  }

  // Reload: the payment is now of the claim as Fin sees it.
  await refusal.getByRole('button', { name: 'Reload' }).click();
  await expect(refusal).toHaveCount(0);
  await fin.getByRole('button', { name: 'Record payment' }).click();
  await expect(row.locator('.tag-claim-paid')).toBeVisible();
  const paid = await claimOf();
  expect([paid.status, paid.amountPence]).toEqual(['paid', 7500]);
  await fin.context().close();
  await fay.context().close();
});

test('a Viewer sees no contact details and no enabled edit buttons on a school', async ({ browser }) => {
  const viewer = await signedIn(browser, server.people.viewer!);
  const school = (await value<{ schoolId: number }[]>(viewer, 'listSchools', {}))[0]!;
  await viewer.goto(`${server.url}/#/schools/${school.schoolId}`);
  await expect(viewer.getByText('Not shown to Viewers').first()).toBeVisible();
  await expect(viewer.locator('a[href^="mailto:"], a[href^="tel:"]')).toHaveCount(0);
  const record = await value<{ email: string | null; phone: string | null }>(viewer, 'schoolRecord', { schoolId: school.schoolId });
  expect(record.email ?? null).toBeNull();
  expect(record.phone ?? null).toBeNull();
  // Every button that leads to a change is disabled, saying which role it needs.
  const edits = viewer.locator('main button[title^="Needs the"]');
  expect(await edits.count()).toBeGreaterThan(0);
  for (const b of await edits.all()) await expect(b).toBeDisabled();
  await expect(viewer.getByRole('button', { name: 'Edit school' })).toBeDisabled();
  await viewer.context().close();
});

test('Imports says who may import before a file is chosen: Finance and a Viewer cannot choose one, a Memberships Manager can', async ({ browser }) => {
  for (const [who, may] of [[server.people.finance!, false], [server.people.viewer!, false], [server.people.manager!, true]] as const) {
    const page = await signedIn(browser, who);
    await page.keyboard.press('Alt+6');
    await expect(page.getByRole('heading', { name: 'Imports' })).toBeVisible();
    for (const kind of [/Membership roll/, /Ofsted/]) {
      await page.getByRole('radio', { name: kind }).check();
      const zone = page.getByTestId('drop-zone').first();
      const choose = zone.getByRole('button', { name: 'Choose a file…' });
      if (may) {
        await expect(choose).toBeEnabled();
        await expect(zone).not.toContainText('Importing this file needs');
      } else {
        await expect(choose).toBeDisabled();
        await expect(zone).toContainText('Importing this file needs the Memberships Manager role.');
      }
    }
    if (who === server.people.finance) {
      for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: `test-results/screens/team-imports-finance-${width}.png` });
      }
    }
    await page.context().close();
  }
});

test('a Memberships Manager’s call to pay a claim is refused at the door (forbidden), and nothing changes', async ({ browser }) => {
  const finance = await signedIn(browser, server.people.finance!);
  const manager = await signedIn(browser, server.people.manager!);
  const hub = (await value<{ id: number; name: string }[]>(manager, 'listHubs', {})).find((h) => h.name === 'Aspire Hub')!;
  const category = (await value<{ id: number }[]>(finance, 'listSpendCategories', {}))[0]!;
  const logged = await value<{ record: { id: number; version: string } }>(finance, 'createClaim', { hubId: hub.id, year: '2026/27', claimedOn: '2026-11-23', amount: '£80.00', invoiceRef: 'ASP-DOOR-1', categoryId: category.id, status: 'submitted' });
  const claimsBefore = await value<unknown[]>(manager, 'listClaims', { hubId: hub.id, year: '2026/27' });
  const auditBefore = await value<{ total: number }>(finance, 'listAudit', { limit: 1 });

  const refused = await call(manager, 'updateClaim', { claimId: logged.record.id, version: logged.record.version, status: 'paid', paidOn: '2026-11-23' });
  expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  expect(await value<unknown[]>(manager, 'listClaims', { hubId: hub.id, year: '2026/27' })).toEqual(claimsBefore);
  expect((await value<{ total: number }>(finance, 'listAudit', { limit: 1 })).total).toBe(auditBefore.total);
  await finance.context().close();
  await manager.context().close();
});

/** An Ofsted management-information CSV of report cards for these schools (the fixture generator, in a tsx child). */
function ofstedCsv(schools: { urn: string; name: string }[]): string {
  const rows: FixtureSchool[] = schools.map((s) => ({
    urn: s.urn,
    name: s.name,
    reportCard: {
      start: '03/11/2026',
      published: '17/11/2026',
      grades: { safeguarding: 'Met', inclusion: 'Strong standard', curriculum: 'Expected standard', achievement: 'Expected standard', attendance: 'Strong standard', personal: 'Expected standard', leadership: 'Strong standard' },
    },
  }));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-team-ofsted-')), 'Management_information_-_state-funded_schools_-_as_at_30_Nov_2026.csv');
  const r = spawnSync(path.resolve('node_modules/.bin/tsx'), [path.resolve('tests/e2e/ofsted-csv.mts'), file], { input: JSON.stringify(rows), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`writing ${file} failed: ${r.stderr}`);
  return file;
}

test('an import preview a colleague’s change overtook says so before commit, and imports only after previewing again', async ({ browser }) => {
  const mo = await signedIn(browser, server.people.manager!);
  const sam = await signedIn(browser, server.people.second!);
  const schools = await value<{ schoolId: number; urn: string; name: string; hubName: string }[]>(mo, 'listSchools', { year: '2026/27' });
  const members = schools.filter((s) => s.hubName === 'Aspire Hub').slice(0, 2);
  await mo.keyboard.press('Alt+6');
  await mo.getByRole('radio', { name: /Ofsted/ }).check();
  await mo.getByLabel('Ofsted file').setInputFiles(ofstedCsv(members));
  await expect(mo.getByRole('heading', { name: 'What this Ofsted file would add' })).toBeVisible();
  const commit = mo.getByRole('button', { name: /^Import \d+ inspection/ });
  await expect(commit).toBeEnabled();

  // Sam changes a school (the preview read the schools): Mo's wizard says so at once.
  const school = await value<Record<string, unknown> & { id: number; version: string }>(sam, 'schoolRecord', { schoolId: members[0]!.schoolId });
  await value(sam, 'updateSchool', { schoolId: school.id, version: school.version, urn: school.urn, name: school.name, phase: school.phase, localAuthority: school.localAuthority, trust: 'Changed by Sam', headteacher: school.headteacher, headteacherSince: school.headteacherSince, email: school.email, phone: school.phone, postcode: school.postcode });
  const notice = mo.locator('.overtaken-notice');
  await expect(notice).toHaveText(/Sam Second changed the data since this preview \(schools\); preview again to see what importing would do now\./, { timeout: 2000 });
  await expect(commit).toBeDisabled();
  await mo.setViewportSize({ width: 1280, height: 720 });
  await mo.screenshot({ path: 'test-results/screens/team-import-overtaken-1280.png' });

  // Preview again: the notice goes, and the import is offered again; it commits.
  await notice.getByRole('button', { name: 'Preview again' }).click();
  await expect(notice).toHaveCount(0);
  await expect(commit).toBeEnabled();
  await commit.click();
  await expect(mo.getByText(/Imported|imported/).first()).toBeVisible();
  await mo.context().close();
  await sam.context().close();
});

test('Settings → Who you are: a signed-in person chooses their own staff record; a colleague’s stays theirs', async ({ browser }) => {
  const sam = await signedIn(browser, server.people.second!);
  const mo = await signedIn(browser, server.people.manager!);
  await sam.getByRole('link', { name: 'Settings' }).click();
  const panel = sam.getByRole('region', { name: 'Who you are' });
  await expect(panel.getByTestId('identity-person')).toHaveText(/^You are signed in as Sam Second\. No central staff record has your email/);
  const staff = await value<{ staff: { id: number; name: string }[] }>(sam, 'getIdentity', {});
  const chosen = staff.staff[0]!;
  await panel.getByLabel('Your staff record').selectOption(String(chosen.id));
  await expect(panel.getByTestId('identity-person')).toHaveText(new RegExp(`^You are signed in as Sam Second: you chose ${chosen.name} as your staff record\\.`));
  await sam.setViewportSize({ width: 1280, height: 720 });
  await panel.screenshot({ path: 'test-results/screens/team-identity-1280.png' });
  // Mo's own is untouched by Sam's choice.
  expect(await value<{ staffId: number | null; person: string }>(mo, 'getIdentity', {})).toMatchObject({ staffId: null, person: 'Mo Manager' });
  await sam.context().close();
  await mo.context().close();
});
