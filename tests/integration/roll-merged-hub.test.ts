import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { hubRecord } from '../../electron/core/records/hubs';
import { commitFile, mustPreview } from '../fixtures/roll/request';
import { openTestStore, tempDir, type TestStore, storeHash } from '../helpers/store';
import { viaDispatch } from '../helpers/records';

const mergeHubs = viaDispatch('mergeHubs');

/** A hub merged into another from 2026/27 still has its 2025/26 roll; from 2026/27 on, its name is refused. */
let t: TestStore;
let dir: string;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
  dir = tempDir('hubdesk-merged-roll-');
  const hub = (name: string) => t.ctx.db.selectFrom('hubs').where('name', '=', name).select('id').executeTakeFirstOrThrow();
  const [from, into] = [await hub('Kingsbridge Hub'), await hub('Kent Hub')];
  await mergeHubs(t.ctx, { fromHubId: from.id, intoHubId: into.id, year: '2026/27', fromVersion: (await hubRecord(t.ctx.db, from.id)).version, intoVersion: (await hubRecord(t.ctx.db, into.id)).version });
}, 120_000);
afterAll(async () => {
  await t.close();
});

/** The year's roll of the merged hub's schools as a CSV, with the given hub name on every row. */
async function rollOf(yearLabel: string, hubName: string): Promise<string> {
  const rows = await t.ctx.db
    .selectFrom('memberships')
    .innerJoin('membership_years as y', 'y.id', 'memberships.year_id')
    .innerJoin('hubs', 'hubs.id', 'memberships.hub_id')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .where('y.label', '=', yearLabel)
    .where('hubs.name', '=', 'Kingsbridge Hub')
    .select(['schools.urn', 'schools.name', 'memberships.pupils'])
    .execute();
  expect(rows.length).toBeGreaterThan(0);
  const file = path.join(dir, `${yearLabel.replace('/', '-')}-${hubName.replace(/\W+/g, '-')}.csv`);
  fs.writeFileSync(file, ['URN,School name,Hub,Pupils', ...rows.map((r) => `${r.urn},"${r.name}",${hubName},${r.pupils}`)].join('\n'));
  return file;
}

describe('a roll naming a merged hub', () => {
  it('is accepted for a year before the merge (the hub’s history)', async () => {
    const p = await mustPreview(t.ctx, await rollOf('2025/26', 'Kingsbridge Hub'), { year: '2025/26' });
    expect(p.errors).toEqual([]);
  });

  it('is refused from the merge year on, naming the hub to use', async () => {
    // 2026/27's Kingsbridge schools now sit in Kent Hub; a roll still naming Kingsbridge is refused row by row.
    const file = await rollOf('2025/26', 'Kingsbridge Hub');
    const before = (await storeHash(t.store));
    const p = await mustPreview(t.ctx, file, { year: '2026/27' });
    expect(p.errors.length).toBeGreaterThan(0);
    expect(p.errors.every((e) => /hub "Kingsbridge Hub" was merged into Kent Hub: use Kent Hub/.test(e.message))).toBe(true);
    // Committing it anyway is refused, and nothing is written.
    const c = await commitFile(t.ctx, file, p, { year: '2026/27' });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error.message).toMatch(/nothing was imported|was merged into Kent Hub/);
    expect((await storeHash(t.store))).toBe(before);
    const later = await mustPreview(t.ctx, file, { year: '2027/28' });
    expect(later.errors.some((e) => /was merged into Kent Hub/.test(e.message))).toBe(true);
  });
});
