import { expect, test, type Page } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

const shots = 'test-results/screens';

/** Both window sizes the team uses, for a screen worth looking at. */
async function shoot(page: Page, name: string) {
  for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${shots}/${name}-${w}.png` });
  }
}

async function openAspireFunding(page: Page) {
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible();
  await page.keyboard.press('Alt+4');
  await page.getByLabel('Filter hubs').fill('Aspire');
  await page.getByRole('table', { name: 'Hub funding' }).locator('tbody tr').first().click();
  await expect(page.getByRole('heading', { name: 'Aspire Hub' })).toBeVisible();
}

async function logClaim(page: Page, invoice: string, amount: string) {
  await page.getByRole('button', { name: 'Log a claim' }).click();
  const form = page.getByRole('form', { name: 'Log a claim' });
  await expect(form.getByLabel('Claimed on')).toBeFocused();
  await form.getByLabel('Amount').fill(amount);
  await form.getByLabel('Invoice reference').fill(invoice);
  await form.getByLabel('Description').fill('Supply cover for the middle leaders programme');
  await form.getByRole('button', { name: 'Log claim' }).click();
  await expect(form).toBeHidden();
}

test('finance corrects mistakes: edit a claim, pay and reverse it with a reason, reject and delete with confirmation, unlock with a reason; the audit log shows each', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openAspireFunding(page);
  const claims = page.getByRole('table', { name: 'Claims' });
  const panel = page.getByRole('region', { name: 'Claims' });
  const notice = panel.locator('.undo-notice');

  await logClaim(page, 'ASP-FIX-1', '£250.00');
  const row = claims.locator('tr', { hasText: 'ASP-FIX-1' });
  await expect(row).toContainText('submitted');
  await expect(notice).toContainText('Saved: Aspire Hub 2026/27: claim ASP-FIX-1 (£250.00) logged, submitted');
  await expect(notice.getByRole('button', { name: 'Undo' })).toBeVisible();

  // Edit: the dialog opens on its first field and offers every field of a claim not yet paid.
  await page.getByRole('button', { name: 'Edit claim ASP-FIX-1' }).click();
  const edit = page.getByRole('dialog', { name: 'Correct claim ASP-FIX-1' });
  await expect(edit.getByLabel('Claimed on')).toBeFocused();
  await expect(edit.getByLabel('Status')).toBeVisible();
  await edit.getByLabel('Amount').fill('£275.5O');
  await expect(edit.getByText('“£275.5O” is not an exact amount of money')).toBeVisible();
  await edit.getByLabel('Amount').fill('£275.50');
  await expect(edit.getByText('Saved as £275.50')).toBeVisible();
  await shoot(page, 'corrections-01-edit-dialog');
  await edit.getByRole('button', { name: 'Save the correction' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('£275.50');
  await expect(notice).toContainText('Saved: Aspire Hub 2026/27: claim ASP-FIX-1 (£275.50) corrected');

  // Pay it: Aspire's release conditions hold, so it is paid at once (today, as the form offers).
  await expect(page.getByRole('heading', { name: /Release conditions/ })).toContainText('All met');
  await page.getByRole('button', { name: 'Mark ASP-FIX-1 paid' }).click();
  await expect(page.getByLabel('Paid on')).toBeFocused();
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(row).toContainText('paid');
  await expect(notice).toContainText('submitted → paid on 23 November 2026');

  // A paid claim: its amount and status are shown, not offered; no Delete, but Reverse payment.
  await expect(page.getByRole('button', { name: 'Delete claim ASP-FIX-1' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit claim ASP-FIX-1' }).click();
  await expect(edit.getByLabel('Amount')).toHaveCount(0);
  await expect(edit.getByLabel('Status')).toHaveCount(0);
  await expect(edit.getByText('The claim is paid: its amount and status change only by reversing the payment first')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  // Reverse the payment: a reason is required, and kept beside the claim.
  await page.getByRole('button', { name: 'Reverse the payment of claim ASP-FIX-1' }).click();
  const reverse = page.getByRole('dialog', { name: 'Reverse the payment of claim ASP-FIX-1?' });
  const reason = reverse.getByLabel('Reason (kept beside the claim and in the audit log)');
  await expect(reason).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reverse.getByText('a reason is needed')).toBeVisible();
  await reason.fill('Paid from the wrong budget line');
  await shoot(page, 'corrections-02-reverse-dialog');
  await page.keyboard.press('Enter');
  await expect(reverse).toBeHidden();
  await expect(row).toContainText('approved');
  await expect(row).toContainText('Payment reversed 23 Nov 2026');
  await expect(row).toContainText('Paid from the wrong budget line');
  await expect(notice).toContainText('payment of 23 November 2026 reversed (Paid from the wrong budget line)');

  // Reject asks first (Cancel focused); Delete asks first, and Undo puts the claim back.
  await logClaim(page, 'ASP-FIX-2', '£90.00');
  const second = claims.locator('tr', { hasText: 'ASP-FIX-2' });
  await page.getByRole('button', { name: 'Reject claim ASP-FIX-2' }).click();
  const reject = page.getByRole('dialog', { name: 'Reject claim ASP-FIX-2?' });
  await expect(reject.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reject).toBeHidden();
  await expect(second).toContainText('submitted');
  await page.getByRole('button', { name: 'Reject claim ASP-FIX-2' }).click();
  await reject.getByRole('button', { name: 'Reject the claim' }).click();
  await expect(second).toContainText('rejected');
  await expect(notice).toContainText('submitted → rejected');

  await page.getByRole('button', { name: 'Delete claim ASP-FIX-2' }).click();
  const del = page.getByRole('dialog', { name: 'Delete claim ASP-FIX-2?' });
  await expect(del.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shoot(page, 'corrections-03-delete-confirm');
  await del.getByRole('button', { name: 'Delete the claim' }).click();
  await expect(second).toHaveCount(0);
  await expect(notice).toContainText('deleted (was rejected)');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toContainText('Undone:');
  await expect(second).toContainText('rejected');
  await page.setViewportSize({ width: 1280, height: 720 });
  await panel.scrollIntoViewIfNeeded();
  await shoot(page, 'corrections-04-claims-panel');

  // Lock, then unlock with a reason; each confirmed in the app's dialog, each with its Undo.
  const lockPanel = page.locator('.lock-panel');
  await page.getByRole('button', { name: 'Lock £38,589.77 for 2026/27' }).click();
  const lock = page.getByRole('dialog', { name: 'Lock Aspire Hub’s 2026/27 allocation?' });
  await lock.getByRole('button', { name: 'Lock £38,589.77' }).click();
  await expect(page.getByRole('heading', { name: 'Allocation locked' })).toBeVisible();
  await expect(lockPanel.locator('.undo-notice')).toContainText('allocation locked at a total available of £38,589.77');
  await page.getByRole('button', { name: 'Unlock…' }).click();
  const unlock = page.getByRole('dialog', { name: 'Unlock Aspire Hub’s 2026/27 allocation?' });
  await expect(unlock.getByLabel('Reason (kept in the audit log)')).toBeFocused();
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByText('a reason is needed')).toBeVisible();
  await unlock.getByLabel('Reason (kept in the audit log)').fill('Joiner missed from the roll');
  await shoot(page, 'corrections-05-unlock-dialog');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Allocation not locked' })).toBeVisible();
  await expect(lockPanel.locator('.undo-notice')).toContainText('allocation unlocked');

  // The audit log shows each change, with its reason.
  await page.getByRole('link', { name: 'Settings' }).click();
  const audit = page.getByRole('table', { name: 'Audit log' });
  const search = page.getByLabel('Search the audit log');
  await search.fill('ASP-FIX-1');
  await expect(audit.locator('tbody tr', { hasText: 'records.claim.create' })).toHaveCount(1);
  await expect(audit.locator('tbody tr', { hasText: 'records.claim.update' })).toHaveCount(2);
  await expect(audit.locator('tbody tr', { hasText: 'records.claim.reverse_payment' })).toHaveCount(1);
  await search.fill('Paid from the wrong budget line');
  await expect(audit.locator('tbody tr')).toHaveCount(1);
  await expect(audit.locator('tbody tr')).toContainText('records.claim.reverse_payment');
  await search.fill('Joiner missed from the roll');
  await expect(audit.locator('tbody tr')).toHaveCount(1);
  await expect(audit.locator('tbody tr')).toContainText('records.funding.unlock');
  await search.fill('ASP-FIX-2');
  await expect(audit.locator('tbody tr', { hasText: 'records.claim.delete' })).toHaveCount(1);
  await expect(audit.locator('tbody tr', { hasText: 'records.undo' })).toHaveCount(1);
  expect(errors).toEqual([]);
});
