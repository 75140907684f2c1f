import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/connection';
import { contentHash, tempDir } from '../helpers/store';
import { seedFundingNetwork, seedPaidClaim } from '../helpers/funding-seed';
import { cli } from '../helpers/cli';

let dir: string;
let hash: string;
beforeAll(async () => {
  dir = tempDir();
  const store = await openStore(dir);
  const f = await seedFundingNetwork(store.db);
  await seedPaidClaim(store.db, { hubId: f.north, yearId: f.y25, pence: 400_000, categoryId: f.training, paidOn: '2026-03-01' });
  await seedPaidClaim(store.db, { hubId: f.north, yearId: f.y26, pence: 13_620, categoryId: f.training, paidOn: '2026-11-01' });
  hash = contentHash(store.sqlite);
  await store.close();
});

describe('hubdesk funding', () => {
  it('--json: one object per hub with exactly the documented keys, in pence', async () => {
    const r = await cli(['--data', dir, 'funding', '--year', '2026/27', '--json']);
    expect(r.code).toBe(0);
    const hubs = JSON.parse(r.out) as Record<string, unknown>[];
    expect(hubs.map((h) => h.hub)).toEqual(['North Hub', 'Small Hub']);
    for (const h of hubs) {
      expect(Object.keys(h)).toEqual([
        'hub',
        'schools',
        'formulaPence',
        'minimumPence',
        'fundingPence',
        'carryForwardPence',
        'totalAvailablePence',
        'releasedPence',
        'remainingPence',
        'perSchool',
      ]);
      for (const s of h.perSchool as Record<string, unknown>[]) expect(Object.keys(s)).toEqual(['urn', 'name', 'pupils', 'contributionPence', 'capped']);
    }
    expect(hubs[0]).toMatchObject({
      hub: 'North Hub',
      schools: 6,
      formulaPence: 692_760,
      minimumPence: 150_000,
      fundingPence: 692_760,
      carryForwardPence: 120_860,
      totalAvailablePence: 813_620,
      releasedPence: 13_620,
      remainingPence: 800_000,
    });
    expect((hubs[0]!.perSchool as unknown[])[0]).toEqual({ urn: '100001', name: 'North Academy 1300', pupils: 1300, contributionPence: 236_160, capped: true });
  });

  it('--hub picks one hub by name (any case) and prints its schools without --json', async () => {
    const r = await cli(['--data', dir, 'funding', '--year', '2026/27', '--hub', 'north hub']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/North Hub\s+6\s+£6,927\.60\s+£1,208\.60\s+£8,136\.20\s+£136\.20\s+£8,000\.00/);
    expect(r.out).toMatch(/100001 {2}North Academy 1300\s+1300 pupils\s+£2,361\.60 {2}\(capped\)/);
    const json = JSON.parse((await cli(['--data', dir, 'funding', '--year', '2025/26', '--hub', 'North Hub', '--json'])).out) as { hub: string; releasedPence: number }[];
    expect(json).toEqual([expect.objectContaining({ hub: 'North Hub', releasedPence: 400_000, totalAvailablePence: 520_860, carryForwardPence: 0 })]);
  });

  it('exits 2 without --year, 1 for an unknown hub or year or a malformed year; writes nothing', async () => {
    const noYear = await cli(['--data', dir, 'funding', '--json']);
    expect(noYear.code).toBe(2);
    expect(noYear.err).toMatch(/funding needs --year/);
    const hub = await cli(['--data', dir, 'funding', '--year', '2026/27', '--hub', 'Atlantis Hub']);
    expect(hub).toMatchObject({ code: 1, out: '' });
    expect(hub.err).toBe('hub: there is no hub named “Atlantis Hub” with funding in 2026/27');
    const year = await cli(['--data', dir, 'funding', '--year', '2030/31']);
    expect(year.code).toBe(1);
    expect(year.err).toBe('There is no membership year 2030/31.');
    const bad = await cli(['--data', dir, 'funding', '--year', '2026-27']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/year: must look like 2025\/26/);
    const store = await openStore(dir);
    expect(contentHash(store.sqlite)).toBe(hash);
    await store.close();
  });
});
