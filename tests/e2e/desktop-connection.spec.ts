import { expect, test, type Page } from './test';
import { startServer, startServerWithDemo, type RunningServer } from './server-fixture';

// The desktop app's choice of where the data is. Electron cannot run here, so the window's preload
// is stood in for by a bridge of the same shape (shared/desktop.ts) that records what the screen
// asks the main process; the main process's side is tested under Node (desktop-connection.test.ts,
// desktop-team-probe.test.ts).

interface FakeBridgeOptions {
  mode: 'setup' | 'local' | 'team';
  saved?: { kind: 'local' } | { kind: 'team'; server: string } | null;
  problem?: string | null;
  /** What the main process answers to each choice, in turn. */
  answers: Array<{ ok: true } | { ok: false; message: string }>;
}

async function installFakeBridge(page: Page, options: FakeBridgeOptions): Promise<void> {
  await page.addInitScript((o: FakeBridgeOptions) => {
    const chosen: unknown[] = [];
    (window as unknown as { chosen: unknown[] }).chosen = chosen;
    (window as unknown as { hubdeskDesktop: unknown }).hubdeskDesktop = {
      mode: o.mode,
      connection: async () => ({ choice: o.saved ?? null, problem: o.problem ?? null }),
      choose: async (choice: unknown) => {
        chosen.push(choice);
        await new Promise((r) => setTimeout(r, 150));
        return o.answers[chosen.length - 1] ?? { ok: true };
      },
    };
  }, options);
}

const chosen = (page: Page) => page.evaluate(() => (window as unknown as { chosen: unknown[] }).chosen);

let empty: RunningServer;
let demo: RunningServer;
test.beforeAll(async () => {
  [empty, demo] = await Promise.all([startServer(), startServerWithDemo()]);
});
test.afterAll(async () => {
  await Promise.all([empty?.stop(), demo?.stop()]);
});

const CERTIFICATE_REFUSAL =
  'https://hubdesk.example.org: the server’s certificate is not trusted by this computer (ERR_CERT_AUTHORITY_INVALID). hubdesk does not connect to a server whose certificate this computer cannot verify (that is how it knows it reached your team’s server and not an impostor). Ask your administrator: the server needs a certificate from a public authority, or your organisation’s own authority installed on this computer.';

test('first start: choose our team’s server by keyboard; an HTTP address and an untrusted certificate are refused in plain words', async ({ page }) => {
  const coreCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) coreCalls.push(r.url());
  });
  await installFakeBridge(page, { mode: 'setup', answers: [{ ok: false, message: CERTIFICATE_REFUSAL }, { ok: true }] });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(empty.entryUrl);
  await expect(page.getByRole('heading', { name: 'Welcome to hubdesk' })).toBeVisible();
  const local = page.getByRole('radio', { name: /On this computer/ });
  await expect(local).toBeChecked();
  await local.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Our team’s server/ })).toBeChecked();
  const address = page.getByLabel('Server address');
  await address.fill('http://hubdesk.example.org');
  await address.press('Enter');
  await expect(page.getByText(/only over HTTPS .* is http\./)).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  expect(await chosen(page)).toEqual([]);

  await address.fill('hubdesk.example.org');
  await address.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(CERTIFICATE_REFUSAL);
  await expect(address).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/desktop-first-start-1280.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screens/desktop-first-start-1440.png' });

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Checking the server…' })).toBeDisabled();
  await expect(page.getByRole('status')).toHaveText('hubdesk is restarting on your choice.');
  expect(await chosen(page)).toEqual([
    { kind: 'team', server: 'https://hubdesk.example.org' },
    { kind: 'team', server: 'https://hubdesk.example.org' },
  ]);
  // Until a choice is made there is no store: the screen asked the core for nothing.
  expect(coreCalls).toEqual([]);
});

test('a saved team server that could not be reached: the reason, with the server filled in to try again', async ({ page }) => {
  await installFakeBridge(page, { mode: 'setup', saved: { kind: 'team', server: 'https://hubdesk.example.org' }, problem: CERTIFICATE_REFUSAL, answers: [{ ok: true }] });
  await page.goto(empty.entryUrl);
  await expect(page.getByRole('alert')).toContainText('hubdesk could not use the saved choice.');
  await expect(page.getByRole('alert')).toContainText('ERR_CERT_AUTHORITY_INVALID');
  await expect(page.getByRole('radio', { name: /Our team’s server/ })).toBeChecked();
  await expect(page.getByLabel('Server address')).toHaveValue('https://hubdesk.example.org');
  // Or keep the data on this computer instead.
  await page.getByRole('radio', { name: /On this computer/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('status')).toHaveText('hubdesk is restarting on your choice.');
  expect(await chosen(page)).toEqual([{ kind: 'local' }]);
});

test('Settings in the desktop app: where the data is, and moving to the team’s server', async ({ page }) => {
  await installFakeBridge(page, { mode: 'local', saved: { kind: 'local' }, answers: [{ ok: true }] });
  await page.goto(demo.entryUrl);
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Where the data is' });
  await expect(panel).toContainText('This computer keeps hubdesk’s data itself.');
  await panel.getByRole('button', { name: 'Change and restart' }).click();
  await expect(panel.getByRole('alert')).toHaveText('hubdesk already keeps its data on this computer.');
  expect(await chosen(page)).toEqual([]);
  await panel.getByRole('radio', { name: /Our team’s server/ }).check();
  await panel.getByLabel('Server address').fill('https://hubdesk.example.org:8443');
  await panel.screenshot({ path: 'test-results/screens/desktop-settings-connection.png' });
  await panel.getByRole('button', { name: 'Change and restart' }).click();
  await expect(panel.getByRole('status')).toHaveText('hubdesk is restarting on your choice.');
  expect(await chosen(page)).toEqual([{ kind: 'team', server: 'https://hubdesk.example.org:8443' }]);
});
