import { expect, test } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

test('Settings: take a backup, restore it after a change, and read the audit log', async ({ page }) => {
  await page.goto(server.entryUrl);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toContainText('Backup taken');
  const backups = page.getByRole('table', { name: 'Backups' });
  await expect(backups.locator('tbody tr')).toHaveCount(1);
  await expect(backups).toContainText('By hand');

  // A change after the backup: a new membership year, made through the same API the app uses.
  await page.evaluate(() => (window as unknown as { api: { createYear(r: { label: string }): Promise<unknown> } }).api.createYear({ label: '2027/28' }));
  await page.reload();
  await expect(page.getByRole('table', { name: 'Membership years' }).getByRole('cell', { name: '2027/28', exact: true })).toBeVisible();

  await backups.getByRole('button', { name: 'Restore…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toBeVisible();
  // Focus starts on Cancel: Enter must not restore by accident.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/settings-restore-confirm.png' });
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status')).toContainText('Restored the backup');
  await expect(page.getByRole('table', { name: 'Membership years' }).getByRole('cell', { name: '2027/28', exact: true })).toHaveCount(0);

  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit.locator('tbody tr').first()).toContainText('restore');
  await page.getByLabel('Search the audit log').fill('demo_network');
  await expect(audit.locator('tbody tr')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^hubdesk-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.getByLabel('Search the audit log').fill('');
  await page.screenshot({ path: 'test-results/screens/settings.png', fullPage: true });
});
