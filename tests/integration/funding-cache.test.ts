/**
 * Funding and the dashboards are kept in memory until the store changes (db/store-cache.ts). After
 * every kind of write — records, funding edits, undo, an import and its undo, a restore, a write by a
 * second connection (the CLI while the app is open), a write that does not go through dispatch — what
 * the app is given must equal the figures computed from scratch, never the ones kept from before.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import type { CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { fundingOverview } from '../../electron/core/funding/overview';
import { hubFundingDetail } from '../../electron/core/funding/detail';
import { hubDashboard } from '../../electron/core/dashboards/hub';
import { networkDashboard } from '../../electron/core/dashboards/network';
import { openSqliteTestStore, tempDir, type SqliteTestStore } from '../helpers/store';
import { rollFromDb, standardCells, STANDARD_HEADERS, writeXlsx } from '../fixtures/roll/generate';
import { commitFile, mustPreview } from '../fixtures/roll/request';

const YEAR = '2026/27';
let t: SqliteTestStore;
let aspireId: number;

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

/** The same store seen by a context with nothing kept in memory: every figure computed from the rows. */
function uncached(): CoreContext {
  return { ...t.ctx, store: { ...t.store } };
}

/** What the app is shown now (through dispatch, read from memory where kept). */
async function shown() {
  return {
    overview: await call('listFunding', { year: YEAR }),
    detail: await call('getHubFunding', { hubId: aspireId, year: YEAR }),
    hub: await call('hubDashboard', { hubId: aspireId, year: YEAR }),
    network: await call('networkDashboard', { year: YEAR }),
  };
}

async function fromScratch() {
  const ctx = uncached();
  return {
    overview: await fundingOverview(ctx, YEAR),
    detail: await hubFundingDetail(ctx, aspireId, YEAR),
    hub: await hubDashboard(ctx, { hubId: aspireId, year: YEAR }),
    network: await networkDashboard(ctx, { year: YEAR }),
  };
}

/** Reads everything (so it is kept), runs the write, and checks what is shown afterwards is not stale. */
async function afterWrite(write: () => Promise<unknown> | unknown): Promise<{ before: Awaited<ReturnType<typeof shown>>; after: Awaited<ReturnType<typeof shown>> }> {
  const before = await shown();
  expect(await shown()).toEqual(before); // kept: the same answer twice
  await write();
  const after = await shown();
  expect(after).toEqual(await fromScratch());
  return { before, after };
}

const aspireTotal = (s: Awaited<ReturnType<typeof shown>>) => s.overview.hubs.find((h) => h.hubId === aspireId)!.totalAvailablePence;

async function aspireMembership(index = 0) {
  const school = await t.ctx.db
    .selectFrom('memberships as m')
    .innerJoin('schools as s', 's.id', 'm.school_id')
    .innerJoin('membership_years as y', 'y.id', 'm.year_id')
    .where('m.hub_id', '=', aspireId)
    .where('y.label', '=', YEAR)
    .select(['s.id', 'm.id as membershipId', 'm.pupils'])
    .orderBy('s.urn')
    .offset(index)
    .limit(1)
    .executeTakeFirstOrThrow();
  const form = await call('membershipForm', { schoolId: school.id, year: YEAR });
  return { ...school, version: form.membership!.version };
}

beforeAll(async () => {
  t = await openSqliteTestStore();
  await call('loadDemo', { confirm: true });
  aspireId = (await t.ctx.db.selectFrom('hubs').where('name', '=', 'Aspire Hub').select('id').executeTakeFirstOrThrow()).id;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('figures kept in memory are never served stale', () => {
  it('a records change (a membership’s pupils) through dispatch', async () => {
    const m = await aspireMembership();
    const { before, after } = await afterWrite(() => call('updateMembership', { membershipId: m.membershipId, version: m.version, pupils: m.pupils + 900 }));
    expect(aspireTotal(after)).toBeGreaterThan(aspireTotal(before));
    expect(after.hub.summary.pupils).toBe(before.hub.summary.pupils + 900);
  });

  it('undo of the last change made by hand', async () => {
    const { before, after } = await afterWrite(() => call('undoLastChange', {}));
    expect(aspireTotal(after)).toBeLessThan(aspireTotal(before));
  });

  it('a funding edit (carry forward set by hand) and a plan line', async () => {
    const { after } = await afterWrite(() => call('setCarryForward', { hubId: aspireId, year: YEAR, amountPence: 123_456, reason: 'agreed with finance' }));
    expect(after.detail.carryForward.pence).toBe(123_456);
    const categoryId = (await t.ctx.db.selectFrom('spend_categories').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const plan = await afterWrite(() => call('addPlanLine', { hubId: aspireId, year: YEAR, priority: 'SEND', activity: 'Extra training', amount: '£100.00', categoryId }));
    expect(plan.after.overview.hubs.find((h) => h.hubId === aspireId)!.plannedPence).toBe(plan.before.overview.hubs.find((h) => h.hubId === aspireId)!.plannedPence + 10_000);
  });

  it('a roll import and the undo of that import', async () => {
    const rows = await rollFromDb(t.ctx.db, YEAR);
    const aspire = rows.filter((r) => r.hub === 'Aspire Hub');
    const changed = rows.map((r) => (r.urn === aspire[1]!.urn ? { ...r, pupils: r.pupils + 700 } : r));
    const file = await writeXlsx(path.join(tempDir(), 'roll.xlsx'), [{ name: 'Roll', rows: [STANDARD_HEADERS, ...changed.map(standardCells)] }]);
    const preview = await mustPreview(t.ctx, file);
    let batchId = 0;
    const imported = await afterWrite(async () => {
      const r = await commitFile(t.ctx, file, preview);
      if (!r.ok) throw new Error(r.error.message);
      if (r.value.batchId === null) throw new Error('the import changed nothing');
      batchId = r.value.batchId;
    });
    expect(aspireTotal(imported.after)).toBeGreaterThan(aspireTotal(imported.before));
    const undone = await afterWrite(() => call('undoImportBatch', { batchId, confirm: true }));
    expect(aspireTotal(undone.after)).toBe(aspireTotal(imported.before));
  });

  it('a restore from a backup', async () => {
    const backup = await call('createBackup', {});
    const atBackup = await shown();
    const m = await aspireMembership(2);
    await call('updateMembership', { membershipId: m.membershipId, version: m.version, pupils: m.pupils + 1_000 });
    expect(aspireTotal(await shown())).not.toBe(aspireTotal(atBackup));
    const { after } = await afterWrite(() => call('restoreBackup', { name: backup.name, confirm: true }));
    expect(aspireTotal(after)).toBe(aspireTotal(atBackup));
  });

  it('a write by another connection to the same file (the command line while the app is open)', async () => {
    const m = await aspireMembership(3);
    const { before, after } = await afterWrite(() => {
      const other = new BetterSqlite3(t.store.file);
      try {
        other.pragma('busy_timeout = 5000');
        other.prepare('update memberships set pupils = pupils + 1200 where id = ?').run(m.membershipId);
      } finally {
        other.close();
      }
    });
    expect(aspireTotal(after)).toBeGreaterThan(aspireTotal(before));
    expect(after.network.totals.pupils).toBe(before.network.totals.pupils + 1200);
  });

  it('a write on this connection that does not go through dispatch', async () => {
    const m = await aspireMembership(4);
    const { before, after } = await afterWrite(() => t.ctx.db.updateTable('memberships').set({ pupils: m.pupils + 1500 }).where('id', '=', m.membershipId).execute());
    expect(after.hub.summary.pupils).toBe(before.hub.summary.pupils + 1500);
    expect(after.overview.totals.pupils).toBe(before.overview.totals.pupils + 1500);
  });

  it('a write that is rolled back leaves the figures as they were', async () => {
    const m = await aspireMembership(5);
    const { before, after } = await afterWrite(async () => {
      await t.ctx.db
        .transaction()
        .execute(async (trx) => {
          await trx.updateTable('memberships').set({ pupils: m.pupils + 2000 }).where('id', '=', m.membershipId).execute();
          await hubFundingDetail({ ...t.ctx, db: trx }, aspireId, YEAR);
          throw new Error('rolled back on purpose');
        })
        .catch(() => undefined);
    });
    expect(after).toEqual(before);
  });

  it('after random writes of every kind, what is shown always equals the figures computed from scratch', async () => {
    let seed = 20261123;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const hubs = (await t.ctx.db.selectFrom('hubs').select('id').orderBy('id').execute()).map((h) => h.id);
    for (let step = 0; step < 12; step += 1) {
      const m = await aspireMembership(random(10));
      const kind = random(4);
      await shown();
      if (kind === 0) await call('updateMembership', { membershipId: m.membershipId, version: m.version, pupils: random(1_500) });
      if (kind === 1) await call('updateMembership', { membershipId: m.membershipId, version: m.version, hubId: hubs[random(hubs.length)]! }).catch(() => undefined);
      if (kind === 2) await call('setCarryForward', { hubId: hubs[random(hubs.length)]!, year: YEAR, amountPence: random(5_000_000), reason: `step ${step}` });
      if (kind === 3) {
        const other = new BetterSqlite3(t.store.file);
        other.prepare('update memberships set pupils = ? where id = ?').run(random(2_000), m.membershipId);
        other.close();
      }
      const now = await shown();
      expect(now).toEqual(await fromScratch());
      // One hub's figures read on their own equal that hub's row of the whole network's.
      const hubId = hubs[random(hubs.length)]!;
      const ctx = uncached();
      const alone = await hubFundingDetail(ctx, hubId, YEAR);
      const row = now.overview.hubs.find((h) => h.hubId === hubId);
      if (row) expect(alone.figures.totalAvailablePence).toBe(row.totalAvailablePence);
    }
  }, 120_000);
});
