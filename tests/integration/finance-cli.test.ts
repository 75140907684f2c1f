import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/connection';
import { tempDir } from '../helpers/store';
import { meetReleaseConditions, seedFundingNetwork, seedPaidClaim } from '../helpers/funding-seed';
import { cli, hashOf } from '../helpers/cli';

let dir: string;
let claimId: number;
beforeAll(async () => {
  dir = tempDir();
  const store = await openStore(dir);
  const f = await seedFundingNetwork(store.db);
  await meetReleaseConditions(store.db, f);
  await seedPaidClaim(store.db, { hubId: f.north, yearId: f.y26, pence: 125_000, categoryId: f.training, paidOn: '2026-11-01' });
  claimId = (await store.db.selectFrom('claims').select('id').executeTakeFirstOrThrow()).id;
  await store.close();
});

describe('hubdesk claims / claim edit|delete|reverse / funding lock|unlock', () => {
  it('lists, reverses with a reason, corrects, deletes and undoes; refusals exit 1 and write nothing; usage mistakes exit 2', async () => {
    const listed = await cli(['--data', dir, 'claims', '--hub', 'North Hub', '--year', '2026/27']);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^#${claimId} · 2026-11-01 · \\(no invoice\\) · £1,250\\.00 · paid 2026-11-01 · Staff training · version [0-9a-f]{16}$`));

    // Refused: a paid claim is not deleted, nor its amount changed; nothing is written.
    let h = await hashOf(dir);
    const del = await cli(['--data', dir, 'claim', 'delete', String(claimId)]);
    expect(del.code).toBe(1);
    expect(del.err).toMatch(/^claimId: the claim is paid \(£1,250\.00 on 1 November 2026\): reverse the payment first/);
    const amount = await cli(['--data', dir, 'claim', 'edit', String(claimId), '--amount', '£1,000.00']);
    expect(amount.code).toBe(1);
    expect(amount.err).toMatch(/^amount: the claim is paid: its amount changes only by reversing the payment first/);
    expect(await hashOf(dir)).toBe(h);
    // Usage: a reversal needs its reason; a claim is named by its id.
    expect((await cli(['--data', dir, 'claim', 'reverse', String(claimId)])).code).toBe(2);
    expect((await cli(['--data', dir, 'claim', 'reverse', 'NH-001', '--reason', 'x'])).code).toBe(2);
    expect(await hashOf(dir)).toBe(h);

    const reversed = await cli(['--data', dir, 'claim', 'reverse', String(claimId), '--reason', 'Paid twice by mistake']);
    expect(reversed.code, reversed.err).toBe(0);
    expect(reversed.out).toBe('North Hub 2026/27: claim of 1 November 2026 (£1,250.00): payment of 1 November 2026 reversed (Paid twice by mistake)');
    const edited = await cli(['--data', dir, 'claim', 'edit', String(claimId), '--amount', '£1,000.00', '--invoice', 'NH-009']);
    expect(edited.code, edited.err).toBe(0);
    expect(edited.out).toBe('North Hub 2026/27: claim NH-009 (£1,000.00) corrected');
    const shown = await cli(['--data', dir, 'claims', '--hub', 'North Hub', '--year', '2026/27']);
    expect(shown.out).toContain('· approved · ');
    expect(shown.out).toMatch(/payment reversed \d{4}-\d{2}-\d{2} by .+: Paid twice by mistake$/);

    const deleted = await cli(['--data', dir, 'claim', 'delete', String(claimId)]);
    expect(deleted.code, deleted.err).toBe(0);
    expect((await cli(['--data', dir, 'claims', '--hub', 'North Hub', '--year', '2026/27'])).out).toBe('No claims.');
    const undone = await cli(['--data', dir, 'undo-change']);
    expect(undone.out).toBe('Undone: North Hub 2026/27: claim NH-009 (£1,000.00) deleted (was approved)');
    expect((await cli(['--data', dir, 'claims', '--hub', 'North Hub', '--year', '2026/27'])).out).toContain('NH-009');
    h = await hashOf(dir);
    expect((await cli(['--data', dir, 'claim', 'edit', '99999', '--amount', '£5'])).code).toBe(1);
    expect(await hashOf(dir)).toBe(h);
  });

  it('locks and unlocks a hub’s allocation with a reason', async () => {
    const locked = await cli(['--data', dir, 'funding', 'lock', '--year', '2026/27', '--hub', 'North Hub']);
    expect(locked.code, locked.err).toBe(0);
    expect(locked.out).toMatch(/^North Hub 2026\/27: allocation locked at a total available of £[\d,]+\.\d\d$/);
    expect((await cli(['--data', dir, 'funding', 'unlock', '--hub', 'North Hub', '--year', '2026/27'])).code).toBe(2);
    const unlocked = await cli(['--data', dir, 'funding', 'unlock', '--hub', 'North Hub', '--year', '2026/27', '--reason', 'Roll not yet checked']);
    expect(unlocked.code, unlocked.err).toBe(0);
    expect(unlocked.out).toMatch(/^North Hub 2026\/27: allocation unlocked \(locked at £[\d,]+\.\d\d by .+ on \d+ \w+ 2026\): Roll not yet checked$/);
    const h = await hashOf(dir);
    const again = await cli(['--data', dir, 'funding', 'unlock', '--hub', 'North Hub', '--year', '2026/27', '--reason', 'x']);
    expect(again.code).toBe(1);
    expect(again.err).toBe('hubId: North Hub’s 2026/27 figures are not locked: there is nothing to unlock');
    expect(await hashOf(dir)).toBe(h);
  });
});
