import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { seedFundingNetwork, seedPaidClaim, type FundingFixture } from '../helpers/funding-seed';
import type { MethodName, ResponseOf, RequestOf } from '../../shared/contract';

let t: TestStore;
let f: FundingFixture;

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

async function refused<M extends MethodName>(method: M, request: RequestOf<M>) {
  const before = (await storeHash(t.store));
  const r = await dispatch(t.ctx, method, request);
  expect(r.ok, `${method} should have been refused`).toBe(false);
  expect((await storeHash(t.store))).toBe(before);
  if (r.ok) throw new Error('unreachable');
  return r.error;
}

async function audit(entity: string) {
  return t.store.db.selectFrom('audit_log').selectAll().where('entity', '=', entity).orderBy('id').execute();
}

beforeEach(async () => {
  t = await openTestStore();
  f = await seedFundingNetwork(t.store.db);
  await seedPaidClaim(t.store.db, { hubId: f.north, yearId: f.y25, pence: 400_000, categoryId: f.training, paidOn: '2026-03-01' });
});
afterEach(async () => {
  await t.close();
});

describe('finalising a year’s allocation', () => {
  it('locks every hub; a later roll change is a pending difference, never a silent change; approving re-locks (audited)', async () => {
    expect(await call('lockFunding', { year: '2026/27' })).toEqual({ locked: 2, alreadyLocked: 0 });
    const locked = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(locked.lock).toMatchObject({ lockedBy: 'tester', figures: { totalAvailablePence: 813_620, fundingPence: 692_760 } });
    expect(locked.pendingDifference).toBeNull();
    expect((await audit('funding_lock')).map((a) => a.action)).toEqual(['lock', 'lock']);

    // The roll changes: North High goes from 1,100 to 1,200 pupils (+£300.00).
    await t.store.db.updateTable('memberships').set({ pupils: 1200 }).where('school_id', '=', f.schools['North High 1000']!).where('year_id', '=', f.y26).execute();
    const pending = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(pending.figures.totalAvailablePence).toBe(813_620); // the locked figure stays in force
    expect(pending.computed.totalAvailablePence).toBe(843_620);
    expect(pending.pendingDifference!.figures.map((d) => d.key)).toEqual(['pupils', 'formulaPence', 'fundingPence', 'totalAvailablePence']);
    expect(pending.pendingDifference!.lines).toContain('North High 1000 (URN 100002): pupils 1100 when locked, 1200 now.');
    expect(pending.pendingDifference!.lines).toContain('Total available: locked £8,136.20, now £8,436.20.');
    const row = (await call('listFunding', { year: '2026/27' })).hubs.find((h) => h.hubId === f.north)!;
    expect(row).toMatchObject({ lockState: 'pending', totalAvailablePence: 813_620 });
    expect((await call('fundingReport', { year: '2026/27', hub: 'North Hub' }))[0]!.totalAvailablePence).toBe(813_620);

    // Locking again is refused: the difference must be approved.
    const again = await refused('lockFunding', { year: '2026/27', hubId: f.north });
    expect(again.kind).toBe('conflict');
    expect(again.message).toMatch(/approve the difference/);

    const approved = await call('approveFundingDifference', { hubId: f.north, year: '2026/27' });
    expect(approved.figures.totalAvailablePence).toBe(843_620);
    expect(approved.pendingDifference).toBeNull();
    const log = (await audit('funding_lock')).at(-1)!;
    expect(log.action).toBe('approve_difference');
    expect(JSON.parse(log.before_json!).figures.totalAvailablePence).toBe(813_620);
    expect(JSON.parse(log.after_json!).figures.totalAvailablePence).toBe(843_620);

    // Nothing left to approve.
    expect((await refused('approveFundingDifference', { hubId: f.north, year: '2026/27' })).message).toMatch(/nothing to approve/);
  });

  it('a lock on last year holds this year’s carry forward too', async () => {
    await call('lockFunding', { year: '2025/26', hubId: f.north });
    await t.store.db.updateTable('memberships').set({ pupils: 1100 }).where('school_id', '=', f.schools['North High 1000']!).where('year_id', '=', f.y25).execute();
    const last = await call('getHubFunding', { hubId: f.north, year: '2025/26' });
    expect(last.figures.totalAvailablePence).toBe(520_860);
    expect(last.computed.totalAvailablePence).toBe(550_860);
    const now = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(now.carryForward.pence).toBe(120_860);
  });

  it('locking all hubs leaves already locked hubs alone; approving an unlocked hub is refused', async () => {
    await call('lockFunding', { year: '2026/27', hubId: f.small });
    expect(await call('lockFunding', { year: '2026/27' })).toEqual({ locked: 1, alreadyLocked: 1 });
    const t2 = await refused('approveFundingDifference', { hubId: f.north, year: '2025/26' });
    expect(t2).toMatchObject({ kind: 'validation' });
    expect(t2.message).toMatch(/^hubId: .*not locked/);
    expect((await refused('lockFunding', { year: '2031/32' })).message).toBe('year: there is no membership year 2031/32');
    expect((await refused('lockFunding', { year: '2026/27', hubId: 777 })).message).toBe('hubId: there is no hub with id 777');
  });
});

describe('carry forward set by finance', () => {
  it('sets an amount with a reason (audited before and after), shows it and how it differs from the computed figure, and clears it', async () => {
    const d = await call('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: 100_000, reason: 'Agreed with the Senior Partner: £208.60 returned' });
    expect(d.carryForward).toMatchObject({ source: 'override', pence: 100_000, computedPence: 120_860 });
    expect(d.carryForward.override).toMatchObject({ pence: 100_000, reason: 'Agreed with the Senior Partner: £208.60 returned', setBy: 'tester' });
    expect(d.carryForward.explanation).toContain('Reason: Agreed with the Senior Partner');
    expect(d.figures.totalAvailablePence).toBe(692_760 + 100_000);
    const [entry] = await audit('carry_forward');
    expect(JSON.parse(entry!.before_json!)).toMatchObject({ carryForwardPence: 120_860, source: 'computed', override: null });
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ carryForwardPence: 100_000, source: 'override', reason: 'Agreed with the Senior Partner: £208.60 returned' });

    const changed = await call('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: 90_000, reason: 'Corrected' });
    expect(changed.carryForward.pence).toBe(90_000);
    const cleared = await call('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: null, reason: 'Back to the computed figure' });
    expect(cleared.carryForward).toMatchObject({ source: 'computed', pence: 120_860, override: null });
    expect((await audit('carry_forward')).map((a) => a.action)).toEqual(['set_override', 'set_override', 'clear_override']);
  });

  it('on a locked hub the override is a pending difference, not a silent change', async () => {
    await call('lockFunding', { year: '2026/27', hubId: f.north });
    const d = await call('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: 0, reason: 'Returned to the network' });
    expect(d.figures.carryForwardPence).toBe(120_860);
    expect(d.pendingDifference!.figures.map((x) => x.key)).toEqual(['carryForwardPence', 'totalAvailablePence']);
  });

  it('refuses a missing reason, an unknown hub or year, and clearing what is not set, writing nothing', async () => {
    expect((await refused('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: 5, reason: '   ' })).message).toMatch(/^setCarryForward: reason: a reason is needed/);
    expect((await refused('setCarryForward', { hubId: 404, year: '2026/27', amountPence: 5, reason: 'x' })).message).toBe('hubId: there is no hub with id 404');
    expect((await refused('setCarryForward', { hubId: f.north, year: '2019/20', amountPence: 5, reason: 'x' })).message).toBe('year: there is no membership year 2019/20');
    expect((await refused('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: null, reason: 'x' })).message).toMatch(/^amountPence: North Hub has no carry forward set by hand/);
    expect((await refused('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: 1.5, reason: 'x' } as never)).message).toMatch(/amountPence/);
  });
});
