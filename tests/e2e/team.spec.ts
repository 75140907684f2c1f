import fs from 'node:fs';
import { expect, test, type Page } from './test';
import { startTeamServer, type RunningTeamServer, type TeamPerson } from './team-server-fixture';

let server: RunningTeamServer;
/** How long a sign-in may take before the test calls it failed. */
const SIGN_IN_WAIT_MS = 20_000;
test.use({ ignoreHTTPSErrors: true });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startTeamServer({
    admin: { name: 'Ada Admin', email: 'ada@example.org', roles: 'administrator' },
    viewer: { name: 'Vi Ewer', email: 'vi@example.org', roles: 'viewer' },
    manager: { name: 'Mo Manager', email: 'mo@example.org', roles: 'memberships_manager' },
  });
});
test.afterAll(async () => {
  await server.stop();
});

async function signIn(page: Page, who: TeamPerson) {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // Keyboard first: the email field has focus, Enter signs in.
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(who.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
  // A password check is a memory-hard hash plus the first screen's data: slow on a loaded machine.
  await expect(page.getByText(`Signed in as ${who.name}`)).toBeVisible({ timeout: SIGN_IN_WAIT_MS });
}

test('sign-in: a wrong password is said plainly, a lockout says when to try again (UK time), the right password opens the app', async ({ page }) => {
  const consoleText: string[] = [];
  page.on('console', (m) => consoleText.push(m.text()));
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // Nothing from the data is shown before signing in.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/team-sign-in-1440.png' });

  await page.getByLabel('Email').fill('mo@example.org');
  await page.getByLabel('Password').fill('not-the-password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('The email or password is wrong.');
  // The password is emptied and focus is back on it.
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(page.getByLabel('Password')).toHaveValue('');
  for (let i = 2; i <= 5; i++) {
    await page.getByLabel('Password').fill(`guess-${i}`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await expect(page.getByRole('alert')).toHaveText(/^Too many wrong passwords for this email: try again at \d\d:\d\d \(UK time\), in [12] minutes?\.$/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screens/team-sign-in-locked-1280.png' });
  // Even the right password is refused while locked.
  await page.getByLabel('Password').fill(server.people.manager!.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Too many wrong passwords');

  // Another person signs in at once.
  await page.getByLabel('Email').fill(server.people.admin!.email);
  await page.getByLabel('Password').fill(server.people.admin!.password);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Signed in as Ada Admin')).toBeVisible({ timeout: SIGN_IN_WAIT_MS });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // No password ever reaches the page's log.
  for (const p of Object.values(server.people)) expect(consoleText.join('\n')).not.toContain(p.password);
  expect(fs.readdirSync(server.dataDir).length).toBeGreaterThan(0);
});

test('a Viewer sees no contact details and no buttons that change anything, each disabled one saying which role it needs', async ({ page }) => {
  await signIn(page, server.people.viewer!);
  await page.getByRole('table', { name: 'Hubs' }).locator('tbody tr', { hasText: 'Aspire Hub' }).click();
  const schools = page.getByRole('table', { name: 'Schools in Aspire Hub' });
  await expect(schools).toBeVisible();
  // The hub's schools table shows no email or telephone.
  await expect(page.locator('a[href^="mailto:"]')).toHaveCount(0);
  const edit = page.getByRole('button', { name: 'Edit hub' });
  await expect(edit).toBeDisabled();
  await expect(edit).toHaveAttribute('title', 'Needs the Memberships Manager role.');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screens/team-viewer-hub-1280.png' });

  await schools.locator('tbody tr').first().getByRole('link').first().click();
  await expect(page.getByText('Not shown to Viewers').first()).toBeVisible();
  await expect(page.locator('a[href^="mailto:"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit school' })).toBeDisabled();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screens/team-viewer-school-1440.png' });

  // Exports: the contact details choice is unticked and cannot be ticked.
  await page.getByRole('link', { name: 'Exports' }).click();
  const contacts = page.getByLabel('Include personal contact details (email, telephone, other contacts)').first();
  await expect(contacts).toBeDisabled();
  await expect(contacts).not.toBeChecked();

  // Settings: no People, no backups, no audit log; signing out is offered.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'People' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Backups' })).toHaveCount(0);
  await expect(page.getByText('The audit log is for Memberships Managers, Finance and administrators.')).toBeVisible();
  await page.getByRole('region', { name: 'You' }).getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('You have signed out.')).toBeVisible();
});

test('an administrator adds a person in Settings → People, who then signs in with the one-time password', async ({ page, browser }) => {
  await signIn(page, server.people.admin!);
  await page.getByRole('link', { name: 'Settings' }).click();
  const people = page.getByRole('table', { name: 'People' });
  await expect(people.locator('tbody tr')).toHaveCount(3);
  await page.getByRole('button', { name: 'Add a person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await dialog.getByRole('button', { name: 'Add the person' }).click();
  await expect(dialog.getByText('give the person at least one role')).toBeVisible();
  await dialog.getByLabel('Name').fill('Fin Ance');
  await dialog.getByLabel('Email').fill('FIN@example.org');
  await dialog.getByRole('checkbox', { name: /^Finance/ }).check();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screens/team-add-person-1280.png' });
  await page.keyboard.press('Enter');
  const shown = page.getByRole('dialog', { name: 'Password for Fin Ance' });
  await expect(shown).toBeVisible();
  const password = (await shown.getByLabel('One-time password').textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(20);
  await shown.getByRole('button', { name: /^Done/ }).click();
  await expect(people.locator('tbody tr')).toHaveCount(4);
  await expect(people.getByRole('row', { name: /Fin Ance/ })).toContainText('fin@example.org');
  await expect(people.getByRole('row', { name: /Fin Ance/ })).toContainText('Finance');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screens/team-people-1440.png', fullPage: true });

  // The new person signs in elsewhere with it; Finance may log a claim, not edit a school.
  const { locale, timezoneId } = test.info().project.use;
  const other = await browser.newContext({ ignoreHTTPSErrors: true, locale, timezoneId });
  const theirs = await other.newPage();
  await theirs.goto(server.url);
  await theirs.getByLabel('Email').fill('fin@example.org');
  await theirs.getByLabel('Password').fill(password);
  await theirs.keyboard.press('Enter');
  await expect(theirs.getByText('Signed in as Fin Ance')).toBeVisible();

  // The administrator signs them out everywhere: their open screen hears of it (the change stream)
  // and asks them to sign in again.
  await people.getByRole('button', { name: 'Sign Fin Ance out everywhere' }).click();
  await page.getByRole('dialog', { name: 'Sign Fin Ance out everywhere?' }).getByRole('button', { name: 'Sign them out everywhere' }).click();
  await expect(page.getByRole('status')).toHaveText('Fin Ance is signed out everywhere.');
  await expect(theirs.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(theirs.getByText(/Your session has ended/)).toBeVisible();
  await other.close();
});
