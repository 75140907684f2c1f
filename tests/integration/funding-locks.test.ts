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

/** The stored row of a records change's audit entry, before and after. */
function rowOf(entry: { before_json: string | null; after_json: string | null }, ref: string) {
  return { before: JSON.parse(entry.before_json!).rows[ref], after: JSON.parse(entry.after_json!).rows[ref] };
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
    expect(await call('lockFunding', { year: '2026/27' })).toMatchObject({ locked: 2, alreadyLocked: 0, summary: '2026/27: 2 hubs’ allocations locked' });
    const locked = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(locked.locked).toMatchObject({ basis: 'locked', lockedBy: 'tester', figures: { totalAvailablePence: 813_620, fundingPence: 692_760 } });
    expect(locked.basis).toBe('locked');
    expect(locked.pendingDifference).toBeNull();
    expect((await audit('funding_locks')).map((a) => a.action)).toEqual(['records.funding.lock']);

    // The roll changes: North High goes from 1,100 to 1,200 pupils (+£300.00).
    await t.store.db.updateTable('memberships').set({ pupils: 1200 }).where('school_id', '=', f.schools['North High 1000']!).where('year_id', '=', f.y26).execute();
    const pending = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(pending.figures.totalAvailablePence).toBe(813_620); // the locked figure stays in force
    expect(pending.live.figures.totalAvailablePence).toBe(843_620);
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

    const approved = (await call('approveFundingDifference', { hubId: f.north, year: '2026/27' })).record;
    expect(approved.figures.totalAvailablePence).toBe(843_620);
    expect(approved.pendingDifference).toBeNull();
    const log = (await audit('funding_locks')).at(-1)!;
    expect(log.action).toBe('records.funding.approve_difference');
    const lockRow = rowOf(log, `funding_locks:${(await t.store.db.selectFrom('funding_locks').select('id').where('hub_id', '=', f.north).where('year_id', '=', f.y26).executeTakeFirstOrThrow()).id}`);
    expect(lockRow.before.total_available_pence).toBe(813_620);
    expect(lockRow.after.total_available_pence).toBe(843_620);
    expect(JSON.parse(log.after_json!).difference).toContain('Total available: locked £8,136.20, now £8,436.20.');

    // Nothing left to approve.
    expect((await refused('approveFundingDifference', { hubId: f.north, year: '2026/27' })).message).toMatch(/nothing to approve/);
  });

  it('a lock on last year holds this year’s carry forward too', async () => {
    await call('lockFunding', { year: '2025/26', hubId: f.north });
    await t.store.db.updateTable('memberships').set({ pupils: 1100 }).where('school_id', '=', f.schools['North High 1000']!).where('year_id', '=', f.y25).execute();
    const last = await call('getHubFunding', { hubId: f.north, year: '2025/26' });
    expect(last.figures.totalAvailablePence).toBe(520_860);
    expect(last.live.figures.totalAvailablePence).toBe(550_860);
    const now = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(now.carryForward.pence).toBe(120_860);
  });

  it('locking all hubs leaves already locked hubs alone; approving an unlocked hub is refused', async () => {
    await call('lockFunding', { year: '2026/27', hubId: f.small });
    expect(await call('lockFunding', { year: '2026/27' })).toMatchObject({ locked: 1, alreadyLocked: 1 });
    const none = await call('lockFunding', { year: '2026/27' });
    expect(none).toEqual({ locked: 0, alreadyLocked: 2, auditId: null, summary: 'Every hub is already locked: nothing was changed.' });
    const t2 = await refused('approveFundingDifference', { hubId: f.north, year: '2025/26' });
    expect(t2).toMatchObject({ kind: 'validation' });
    expect(t2.message).toMatch(/^hubId: .*not locked/);
    expect((await refused('lockFunding', { year: '2031/32' })).message).toBe('year: there is no membership year 2031/32');
    expect((await refused('lockFunding', { year: '2026/27', hubId: 777 })).message).toBe('hubId: there is no hub with id 777');
  });
});

describe('carry forward set by finance', () => {
  it('sets an amount with a reason (audited before and after), shows it and how it differs from the computed figure, and clears it', async () => {
    const d = (await call('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: 100_000, reason: 'Agreed with the Senior Partner: £208.60 returned' })).record;
    expect(d.carryForward).toMatchObject({ source: 'override', pence: 100_000, computedPence: 120_860 });
    expect(d.carryForward.override).toMatchObject({ pence: 100_000, reason: 'Agreed with the Senior Partner: £208.60 returned', setBy: 'tester' });
    expect(d.carryForward.explanation).toContain('Reason: Agreed with the Senior Partner');
    expect(d.figures.totalAvailablePence).toBe(692_760 + 100_000);
    const [entry] = await audit('carry_forward_overrides');
    const ref = `carry_forward_overrides:${f.north}/${f.y26}`;
    expect(rowOf(entry!, ref)).toMatchObject({ before: null, after: { amount_pence: 100_000, reason: 'Agreed with the Senior Partner: £208.60 returned', set_by: 'tester' } });
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ reason: 'Agreed with the Senior Partner: £208.60 returned', computedPence: 120_860 });

    const changed = (await call('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: 90_000, reason: 'Corrected' })).record;
    expect(changed.carryForward.pence).toBe(90_000);
    const cleared = await call('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: null, reason: 'Back to the computed figure' });
    expect(cleared.record.carryForward).toMatchObject({ source: 'computed', pence: 120_860, override: null });
    expect(cleared.summary).toBe('North Hub 2026/27: carry forward set by hand (£900.00) cleared, back to the computed £1,208.60: Back to the computed figure');
    expect((await audit('carry_forward_overrides')).map((a) => a.action)).toEqual(['records.funding.carry_forward', 'records.funding.carry_forward', 'records.funding.carry_forward']);
    // Each is undoable like any hand edit: undo the clearing, and the £900.00 is back.
    await call('undoLastChange', {});
    expect((await call('getHubFunding', { hubId: f.north, year: '2026/27' })).carryForward).toMatchObject({ source: 'override', pence: 90_000 });
  });

  it('on a locked hub the override is a pending difference, not a silent change', async () => {
    await call('lockFunding', { year: '2026/27', hubId: f.north });
    const d = (await call('setCarryForward', { hubId: f.north, year: '2026/27', amountPence: 0, reason: 'Returned to the network' })).record;
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
