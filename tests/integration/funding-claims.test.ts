import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { TEST_TODAY, TEST_TOMORROW } from '../helpers/clock';
import { meetReleaseConditions, seedFundingNetwork, seedPaidClaim, type FundingFixture } from '../helpers/funding-seed';
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
  expect(r.ok, `${method} should have been refused: ${JSON.stringify(request)}`).toBe(false);
  expect((await storeHash(t.store))).toBe(before);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.kind).toBe('validation');
  return r.error.message;
}

beforeEach(async () => {
  t = await openTestStore();
  f = await seedFundingNetwork(t.store.db);
  await seedPaidClaim(t.store.db, { hubId: f.north, yearId: f.y25, pence: 400_000, categoryId: f.training, paidOn: '2026-03-01' });
});

/** Release conditions met (the pay gate is tested on its own below). */
async function released() {
  await meetReleaseConditions(t.store.db, f);
}
afterEach(async () => {
  await t.close();
});

// North Hub 2026/27: total available £8,136.20.
const base = () => ({ hubId: f.north, year: '2026/27', claimedOn: '2026-11-02', amount: '£1,250.00', invoiceRef: 'NH-001', priority: 'Leadership', categoryId: f.training, status: 'submitted' as const });

describe('claims', () => {
  it('logs a claim, moves it through approved to paid, and keeps every change in the audit log', async () => {
    await released();
    const { record: c, summary } = await call('createClaim', base());
    expect(c).toMatchObject({ amountPence: 125_000, status: 'submitted', category: 'Staff training', invoiceRef: 'NH-001', paidOn: null, reversal: null });
    expect(summary).toBe('North Hub 2026/27: claim NH-001 (£1,250.00) logged, submitted');
    let d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(d.reconciliation).toMatchObject({ claimedPence: 125_000, releasedPence: 0, awaitingPaymentPence: 125_000 });

    await call('updateClaim', { claimId: c.id, status: 'approved' });
    const paid = await call('updateClaim', { claimId: c.id, status: 'paid', paidOn: '2026-11-20' });
    expect(paid.record).toMatchObject({ status: 'paid', paidOn: '2026-11-20', releaseOverrideReason: null });
    d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(d.reconciliation).toMatchObject({ releasedPence: 125_000, remainingPence: 813_620 - 125_000 });

    const log = await t.store.db.selectFrom('audit_log').selectAll().where('entity', '=', 'claims').orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['records.claim.create', 'records.claim.update', 'records.claim.update']);
    const ref = `claims:${c.id}`;
    expect(JSON.parse(log[2]!.before_json!).rows[ref]).toMatchObject({ status: 'approved', paid_on: null });
    expect(JSON.parse(log[2]!.after_json!)).toMatchObject({ summary: 'North Hub 2026/27: claim NH-001 (£1,250.00) approved → paid on 20 November 2026', hub: 'North Hub', year: '2026/27' });
    expect(JSON.parse(log[2]!.after_json!).rows[ref]).toMatchObject({ status: 'paid', paid_on: '2026-11-20' });
  });

  it('refuses bad amounts, unknown hubs, years and categories, and paid-date mistakes, writing nothing', async () => {
    expect(await refused('createClaim', { ...base(), amount: '-£50.00' })).toMatch(/^amount: “-£50\.00” is not an exact amount of money \(a negative amount\)/);
    expect(await refused('createClaim', { ...base(), amount: '£0.00' })).toBe('amount: a claim must be for more than £0.00, got £0.00');
    expect(await refused('createClaim', { ...base(), amount: '0' })).toMatch(/^amount: a claim must be for more than £0\.00/);
    expect(await refused('createClaim', { ...base(), amount: 'lots' })).toMatch(/^amount: “lots” is not an exact amount of money \(no number in the text\)/);
    expect(await refused('createClaim', { ...base(), amount: 'Approx £1,300' })).toMatch(/^amount: .*an approximate amount/);
    expect(await refused('createClaim', { ...base(), amount: '' })).toMatch(/^amount: .*no amount was given/);
    expect(await refused('createClaim', { ...base(), hubId: 999 })).toBe('hubId: there is no hub with id 999');
    expect(await refused('createClaim', { ...base(), categoryId: 999 })).toBe('categoryId: there is no spend category with id 999');
    expect(await refused('createClaim', { ...base(), year: '2040/41' })).toBe('year: there is no membership year 2040/41');
    expect(await refused('createClaim', { ...base(), status: 'paid' })).toBe('paidOn: a paid claim needs the date it was paid');
    expect(await refused('createClaim', { ...base(), paidOn: '2026-11-03' })).toBe('paidOn: only a paid claim has a paid date (this claim is submitted)');
    expect(await refused('createClaim', { ...base(), status: 'paid', paidOn: '2026-10-01' })).toMatch(/^paidOn: the claim cannot be paid \(2026-10-01\) before it was made/);
    expect(await refused('createClaim', { ...base(), status: 'settled' } as never)).toMatch(/^createClaim: status:/);
    expect(await refused('createClaim', { ...base(), claimedOn: '2026-02-30' })).toMatch(/^createClaim: claimedOn: is not a real calendar date/);
    expect(await refused('createClaim', { ...base(), status: 'paid', paidOn: TEST_TOMORROW })).toBe(`paidOn: the payment date (${TEST_TOMORROW}) is after today (${TEST_TODAY})`);
    expect(await refused('updateClaim', { claimId: 12345, status: 'paid', paidOn: '2026-11-20' })).toBe('claimId: there is no claim with id 12345');
  });

  it('refuses a paid claim that takes the hub past its total available, unless overridden with a reason', async () => {
    await released();
    await seedPaidClaim(t.store.db, { hubId: f.north, yearId: f.y26, pence: 800_000, categoryId: f.training, paidOn: '2026-11-01' });
    const over = { ...base(), amount: '£200.00', status: 'paid' as const, paidOn: '2026-11-20' };
    expect(await refused('createClaim', over)).toBe(
      'amount: paying this claim would take North Hub’s released amount to £8,200.00, £63.80 more than its total available £8,136.20 for 2026/27. To pay it anyway, override with a reason.',
    );
    expect(await refused('createClaim', { ...over, override: true })).toBe('overrideReason: a reason is needed to pay a claim beyond the total available');
    expect(await refused('createClaim', { ...over, override: true, overrideReason: '  ' })).toMatch(/^overrideReason:/);

    // Exactly up to the total is fine without an override.
    const exact = (await call('createClaim', { ...over, amount: '£136.20' })).record;
    expect(exact.overReleaseReason).toBeNull();

    // An approved claim may be logged; paying it is what is checked.
    const pending = (await call('createClaim', { ...base(), amount: '£50.00', status: 'approved' })).record;
    expect(await refused('updateClaim', { claimId: pending.id, status: 'paid', paidOn: '2026-11-21' })).toMatch(/^amount: paying this claim would take North Hub’s released amount to £8,186\.20/);
    const forced = (await call('updateClaim', { claimId: pending.id, status: 'paid', paidOn: '2026-11-21', override: true, overrideReason: 'Finance director agreed: paid from next year' })).record;
    expect(forced.overReleaseReason).toBe('Finance director agreed: paid from next year');
    const d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(d.reconciliation.overReleased).toBe(true);
    expect(d.reconciliation.problems[0]).toBe('Released £8,186.20 is £50.00 more than the total available £8,136.20.');
    // Changing the description of an already over-released paid claim is not refused.
    expect((await call('updateClaim', { claimId: pending.id, description: 'Speaker fees' })).record.description).toBe('Speaker fees');
  });
});
