import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/store';
import { cli, hashOf } from '../helpers/cli';

let dir: string;
let urn: string;
beforeAll(async () => {
  dir = tempDir();
  expect((await cli(['--data', dir, 'demo'])).code).toBe(0);
  const rows = JSON.parse((await cli(['--data', dir, 'dashboard', '--hub', 'Aspire Hub', '--year', '2026/27', '--json'])).out) as { urn: string; pupils: number }[];
  urn = [...rows].sort((a, b) => b.pupils - a.pupils)[0]!.urn;
}, 60_000);

describe('hubdesk membership / undo-change', () => {
  it('a change sent with the version read earlier is refused when someone changed the record since (exit 1, nothing written)', async () => {
    const shown = await cli(['--data', dir, 'membership', '--urn', urn, '--year', '2026/27', '--json']);
    expect(shown.code, shown.err).toBe(0);
    const m = JSON.parse(shown.out) as { version: string; hub: string };
    expect(m.hub).toBe('Aspire Hub');

    // Marking a paid fee paid again is refused (exit 1), saying so.
    const twice = await cli(['--data', dir, 'membership', 'set', '--urn', urn, '--year', '2026/27', '--fee-paid', '2026-11-02']);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/feePaidOn: .* fee is already recorded as paid on .*; to correct the date, clear it first/);

    // Someone else (another script, or the app before it was closed) clears the fee's date.
    const other = await cli(['--data', dir, 'membership', 'set', '--urn', urn, '--year', '2026/27', '--fee-paid', 'none']);
    expect(other.code, other.err).toBe(0);
    expect(other.out).toContain('fee payment date cleared');

    const before = await hashOf(dir);
    const stale = await cli(['--data', dir, 'membership', 'set', '--urn', urn, '--year', '2026/27', '--hub', 'Belleville Hub', '--version', m.version]);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/changed .* at \d\d:\d\d on .*; reload/);
    expect(await hashOf(dir)).toBe(before);
  });

  it('moves a school with the funding effect printed, refuses bad input with exit 1 and wrong usage with exit 2, and undoes', async () => {
    const before = await hashOf(dir);
    const moved = await cli(['--data', dir, 'membership', 'set', '--urn', urn, '--year', '2026/27', '--hub', 'Belleville Hub']);
    expect(moved.code, moved.err).toBe(0);
    expect(moved.out).toMatch(/moved from Aspire Hub to Belleville Hub/);
    expect(moved.out).toMatch(/Aspire Hub: funding [\d.]+ → [\d.]+/);
    expect(moved.out).toMatch(/Belleville Hub: funding [\d.]+ → [\d.]+/);

    const h = await hashOf(dir);
    const bad = await cli(['--data', dir, 'membership', 'set', '--urn', urn, '--year', '2026/27', '--pupils', '12.5']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/pupils: enter the number of pupils as a whole number/);
    const future = await cli(['--data', dir, 'membership', 'set', '--urn', urn, '--year', '2026/27', '--fee-paid', '2099-01-01']);
    expect(future.code).toBe(1);
    expect(future.err).toMatch(/feePaidOn: the payment date \(1 Jan 2099\) is after today/);
    expect((await cli(['--data', dir, 'membership', 'set', '--urn', '12', '--year', '2026/27'])).code).toBe(2);
    expect((await cli(['--data', dir, 'membership', 'set', '--urn', urn, '--year', '2026/27', '--hub', 'Nowhere Hub'])).code).toBe(1);
    expect(await hashOf(dir)).toBe(h);

    const shown = await cli(['--data', dir, 'undo-change', '--show']);
    expect(shown.out).toMatch(/moved from Aspire Hub to Belleville Hub/);
    const undone = await cli(['--data', dir, 'undo-change']);
    expect(undone.code, undone.err).toBe(0);
    expect(undone.out).toMatch(/^Undone: .*moved from Aspire Hub/);
    const after = await cli(['--data', dir, 'membership', '--urn', urn, '--year', '2026/27', '--json']);
    expect((JSON.parse(after.out) as { hub: string }).hub).toBe('Aspire Hub');
    expect(before).not.toBe(await hashOf(dir)); // the audit log records the move and its undo
  });
});
