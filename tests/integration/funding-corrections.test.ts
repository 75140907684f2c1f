import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, TEST_NOW, TEST_TODAY, type TestStore, storeHash } from '../helpers/store';
import { longDate } from '../../shared/domain/reconciliation';
import { meetReleaseConditions, seedFundingNetwork, type FundingFixture } from '../helpers/funding-seed';
import type { MethodName, ResponseOf, RequestOf } from '../../shared/contract';

let t: TestStore;
let f: FundingFixture;

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

/** A refused change: its message, and the store proved unchanged by its content hash. */
async function refused<M extends MethodName>(method: M, request: RequestOf<M>, kind = 'validation') {
  const before = (await storeHash(t.store));
  const r = await dispatch(t.ctx, method, request);
  expect(r.ok, `${method} should have been refused: ${JSON.stringify(request)}`).toBe(false);
  expect((await storeHash(t.store))).toBe(before);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.kind).toBe(kind);
  return r.error.message;
}

async function auditActions(entity: string): Promise<string[]> {
  return (await t.store.db.selectFrom('audit_log').select('action').where('entity', '=', entity).orderBy('id').execute()).map((a) => a.action);
}

beforeEach(async () => {
  t = await openTestStore();
  f = await seedFundingNetwork(t.store.db);
});
afterEach(async () => {
  await t.close();
});

const claim = (over: Partial<RequestOf<'createClaim'>> = {}): RequestOf<'createClaim'> => ({
  hubId: f.north,
  year: '2026/27',
  claimedOn: '2026-11-02',
  amount: '£1,250.00',
  invoiceRef: 'NH-001',
  priority: 'Leadership',
  categoryId: f.training,
  status: 'approved',
  ...over,
});

describe('the pay gate: a claim is paid only while the three release conditions hold', () => {
  it('refuses paying while a condition is unmet, naming each unmet condition, and writes nothing', async () => {
    // As seeded: North Primary 430 has not paid its fee, no final plan, no meetings.
    const c = (await call('createClaim', claim())).record;
    const message = await refused('updateClaim', { claimId: c.id, status: 'paid', paidOn: '2026-11-20' });
    expect(message).toMatch(/^releaseOverride: North Hub’s 2026\/27 funding is not released: /);
    expect(message).toContain('the final Hub Action Plan has been submitted — no (The final plan has not been submitted yet)');
    expect(message).toContain("the hub's meeting dates for the year have been submitted — no (No meeting dates are recorded for the year)");
    expect(message).toContain('every school in the hub has paid its membership fee — no (1 school has not paid: North Primary 430)');
    expect(message).toMatch(/To pay this claim anyway, give a reason\.$/);
    expect(await refused('createClaim', claim({ status: 'paid', paidOn: '2026-11-20' }))).toMatch(/^releaseOverride: /);
    // Overriding needs a reason.
    expect(await refused('updateClaim', { claimId: c.id, status: 'paid', paidOn: '2026-11-20', releaseOverride: true })).toBe(
      'releaseOverrideReason: a reason is needed to pay a claim while the release conditions do not all hold',
    );
    expect(await refused('updateClaim', { claimId: c.id, status: 'paid', paidOn: '2026-11-20', releaseOverride: true, releaseOverrideReason: '   ' })).toMatch(
      /^releaseOverrideReason:/,
    );
  });

  it('finance may pay regardless with a reason: kept beside the claim, in the audit history and in the workbook', async () => {
    const c = (await call('createClaim', claim())).record;
    const reason = 'Speaker already booked; North Primary pays on 1 December';
    const paid = await call('updateClaim', { claimId: c.id, status: 'paid', paidOn: '2026-11-20', releaseOverride: true, releaseOverrideReason: reason });
    expect(paid.record).toMatchObject({ status: 'paid', releaseOverrideReason: reason, overReleaseReason: null });
    const log = await t.store.db.selectFrom('audit_log').selectAll().where('id', '=', paid.auditId).executeTakeFirstOrThrow();
    expect(JSON.parse(log.after_json!).rows[`claims:${c.id}`]).toMatchObject({ release_override_reason: reason });
    const d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(d.claims.find((k) => k.id === c.id)!.releaseOverrideReason).toBe(reason);
  });

  it('pays without a reason once every condition holds', async () => {
    await meetReleaseConditions(t.store.db, f);
    const c = (await call('createClaim', claim({ status: 'paid', paidOn: '2026-11-20' }))).record;
    expect(c).toMatchObject({ status: 'paid', releaseOverrideReason: null });
  });
});

describe('finance corrects mistakes: edit, delete, reverse a payment, unlock — each audited and undoable', () => {
  beforeEach(async () => {
    await meetReleaseConditions(t.store.db, f);
  });

  it('round trip: edit a claim, reverse its payment with a reason, correct it, unlock the year with a reason; the audit log shows each', async () => {
    const logged = (await call('createClaim', claim({ amount: '£1,200.00' }))).record;
    // Edit any field of a claim not yet paid: here the amount typed wrongly, and the date.
    const edited = await call('updateClaim', { claimId: logged.id, version: logged.version, amount: '£1,250.00', claimedOn: '2026-11-03' });
    expect(edited.record).toMatchObject({ amountPence: 125_000, claimedOn: '2026-11-03' });
    const paid = (await call('updateClaim', { claimId: logged.id, version: edited.record.version, status: 'paid', paidOn: '2026-11-20' })).record;

    // A paid claim's amount changes only via a reversal; it leaves "paid" only via a reversal.
    expect(await refused('updateClaim', { claimId: paid.id, amount: '£1,150.00' })).toMatch(/^amount: the claim is paid: its amount changes only by reversing the payment first, with a reason/);
    expect(await refused('updateClaim', { claimId: paid.id, status: 'approved' })).toBe('status: the claim is paid: it leaves “paid” only by reversing the payment, with a reason');
    expect(await refused('deleteClaim', { claimId: paid.id })).toMatch(/^claimId: the claim is paid \(£1,250\.00 on 20 November 2026\): reverse the payment first/);
    expect(await refused('reverseClaimPayment', { claimId: paid.id, reason: '  ' })).toMatch(/^reverseClaimPayment: reason: a reason is needed/);
    // A correction sent with the version the form loaded is refused once the claim changed since.
    expect(await refused('reverseClaimPayment', { claimId: paid.id, version: logged.version, reason: 'x' }, 'conflict')).toMatch(/changed .* at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 20\d\d; reload to see (their|that) change\./);

    const reason = 'Invoice NH-001 was for £1,150.00: paid in error, refunded by the supplier';
    const reversed = await call('reverseClaimPayment', { claimId: paid.id, version: paid.version, reason });
    expect(reversed.record).toMatchObject({ status: 'approved', paidOn: null, reversal: { reason, at: TEST_NOW.toISOString(), by: 'tester' } });
    expect(reversed.summary).toBe(`North Hub 2026/27: claim NH-001 (£1,250.00): payment of 20 November 2026 reversed (${reason})`);
    expect((await call('getHubFunding', { hubId: f.north, year: '2026/27' })).reconciliation.releasedPence).toBe(0);
    expect(await refused('reverseClaimPayment', { claimId: paid.id, reason: 'again' })).toBe('claimId: the claim is approved, not paid: there is no payment to reverse');

    const corrected = (await call('updateClaim', { claimId: paid.id, amount: '£1,150.00', status: 'paid', paidOn: '2026-11-22' })).record;
    // The reversal stays shown with the claim once it is paid again.
    expect(corrected).toMatchObject({ amountPence: 115_000, status: 'paid', reversal: { reason } });

    await call('lockFunding', { year: '2026/27', hubId: f.north });
    expect(await refused('unlockFunding', { hubId: f.north, year: '2026/27', reason: '' })).toMatch(/^unlockFunding: reason: a reason is needed/);
    const unlocked = await call('unlockFunding', { hubId: f.north, year: '2026/27', reason: 'Locked before the October roll was checked' });
    expect(unlocked.record).toMatchObject({ basis: 'live', locked: null, sideBySide: null });
    expect(unlocked.summary).toBe(`North Hub 2026/27: allocation unlocked (locked at £12,136.20 by tester on ${longDate(TEST_TODAY)}): Locked before the October roll was checked`);
    expect(await refused('unlockFunding', { hubId: f.north, year: '2026/27', reason: 'again' })).toBe('hubId: North Hub’s 2026/27 figures are not locked: there is nothing to unlock');

    expect(await auditActions('claims')).toEqual([
      'records.claim.create',
      'records.claim.update',
      'records.claim.update',
      'records.claim.reverse_payment',
      'records.claim.update',
    ]);
    expect(await auditActions('funding_locks')).toEqual(['records.funding.lock', 'records.funding.unlock']);
    const unlockEntry = await t.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'records.funding.unlock').executeTakeFirstOrThrow();
    expect(JSON.parse(unlockEntry.after_json!)).toMatchObject({ reason: 'Locked before the October roll was checked', hub: 'North Hub', year: '2026/27' });
    const reversal = await t.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'records.claim.reverse_payment').executeTakeFirstOrThrow();
    expect(JSON.parse(reversal.after_json!)).toMatchObject({ reason, reversedPaymentOn: '2026-11-20' });
    expect(JSON.parse(reversal.before_json!).rows[`claims:${paid.id}`]).toMatchObject({ status: 'paid', paid_on: '2026-11-20' });
  });

  it('each correction is undone by the undo of hand edits: unlock, payment, reversal and delete', async () => {
    const c = (await call('createClaim', claim({ status: 'paid', paidOn: '2026-11-20' }))).record;
    await call('lockFunding', { year: '2026/27', hubId: f.north });
    const locked = (await storeHash(t.store, ['audit_log']));
    await call('unlockFunding', { hubId: f.north, year: '2026/27', reason: 'Wrong year' });
    await call('undoLastChange', {});
    expect((await storeHash(t.store, ['audit_log']))).toBe(locked);
    expect((await call('getHubFunding', { hubId: f.north, year: '2026/27' })).basis).toBe('locked');

    const beforeReversal = (await storeHash(t.store, ['audit_log']));
    await call('reverseClaimPayment', { claimId: c.id, reason: 'Paid twice' });
    await call('undoLastChange', {});
    expect((await storeHash(t.store, ['audit_log']))).toBe(beforeReversal);

    const approved = (await call('createClaim', claim({ invoiceRef: 'NH-002' }))).record;
    const beforeDelete = (await storeHash(t.store, ['audit_log']));
    const deleted = await call('deleteClaim', { claimId: approved.id, version: approved.version });
    expect(deleted.summary).toBe('North Hub 2026/27: claim NH-002 (£1,250.00) deleted (was approved)');
    expect(await t.store.db.selectFrom('claims').where('id', '=', approved.id).selectAll().executeTakeFirst()).toBeUndefined();
    await call('undoLastChange', { auditId: deleted.auditId });
    expect((await storeHash(t.store, ['audit_log']))).toBe(beforeDelete);
  });

  it('locking is one change, undone as one', async () => {
    const before = (await storeHash(t.store, ['audit_log']));
    const lock = await call('lockFunding', { year: '2026/27' });
    expect(lock.locked).toBe(2);
    await call('undoLastChange', { auditId: lock.auditId! });
    expect((await storeHash(t.store, ['audit_log']))).toBe(before);
  });

  it('refuses a delete or reversal of a claim that does not exist, and an unknown hub or year to unlock', async () => {
    expect(await refused('deleteClaim', { claimId: 999 })).toBe('claimId: there is no claim with id 999');
    expect(await refused('reverseClaimPayment', { claimId: 999, reason: 'x' })).toBe('claimId: there is no claim with id 999');
    expect(await refused('unlockFunding', { hubId: 404, year: '2026/27', reason: 'x' })).toBe('hubId: there is no hub with id 404');
    expect(await refused('unlockFunding', { hubId: f.north, year: '2031/32', reason: 'x' })).toBe('year: there is no membership year 2031/32');
  });
});

describe('locked and live figures side by side', () => {
  it('a joiner in a locked hub: the page’s figures, explanation and total all say the same (locked) thing, and the live ones stand beside them', async () => {
    await call('lockFunding', { year: '2026/27', hubId: f.north });
    // Carry forward from 2025/26: its whole £5,208.60 (nothing released). A seventh school joins North Hub after the lock (1,500 pupils: contributes £2,361.60, capped).
    const joiner = (await t.store.db.insertInto('schools').values({ urn: '100099', name: 'North Joiner 1500', created_at: 'x', updated_at: 'x' }).returning('id').executeTakeFirstOrThrow()).id;
    await t.store.db.insertInto('memberships').values({ school_id: joiner, hub_id: f.north, year_id: f.y26, pupils: 1500, status: 'new', fee_paid_on: null, updated_at: 'x' }).execute();

    const d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(d.basis).toBe('locked');
    expect(d.figures).toMatchObject({ schools: 6, totalAvailablePence: 1_213_620 });
    // The explanation is the locked figures' own: 6 schools, ending with the locked total.
    expect(d.explanation[0]).toMatch(/^6 schools: the formula gives £6,927\.60/);
    expect(d.explanation.at(-1)).toBe('Total available = funding £6,927.60 + carry forward £5,208.60 = £12,136.20.');
    // The live figures say they are live, with their own explanation and total.
    expect(d.live.basis).toBe('live');
    expect(d.live.figures).toMatchObject({ schools: 7, fundingPence: 692_760 + 236_160 });
    expect(d.live.explanation[0]).toMatch(/^7 schools: the formula gives £9,289\.20/);
    expect(d.live.explanation.at(-1)).toBe('Total available = funding £9,289.20 + carry forward £5,208.60 = £14,497.80.');
    // Side by side, with the differences.
    const total = d.sideBySide!.find((r) => r.key === 'totalAvailablePence')!;
    expect(total).toEqual({ key: 'totalAvailablePence', label: 'Total available', kind: 'money', locked: 1_213_620, live: 1_449_780, difference: 236_160 });
    expect(d.sideBySide!.find((r) => r.key === 'schools')).toMatchObject({ locked: 6, live: 7, difference: 1, kind: 'count' });
    // The overview and the dashboard say which figures they show.
    const row = (await call('listFunding', { year: '2026/27' })).hubs.find((h) => h.hubId === f.north)!;
    expect(row).toMatchObject({ basis: 'locked', totalAvailablePence: 1_213_620, lockState: 'pending', live: { totalAvailablePence: 1_449_780 } });
    const dash = await call('hubDashboard', { hubId: f.north, year: '2026/27' });
    expect(dash.funding).toMatchObject({ basis: 'locked', totalAvailablePence: 1_213_620, locked: true });
    expect(dash.funding.sideBySide!.find((r) => r.key === 'totalAvailablePence')!.live).toBe(1_449_780);
  });

  it('the hub workbook’s Funding sheet shows the locked figures beside the live ones, each set explained by its own figures', async () => {
    await call('lockFunding', { year: '2026/27', hubId: f.north });
    const joiner = (await t.store.db.insertInto('schools').values({ urn: '100099', name: 'North Joiner 1500', created_at: 'x', updated_at: 'x' }).returning('id').executeTakeFirstOrThrow()).id;
    await t.store.db.insertInto('memberships').values({ school_id: joiner, hub_id: f.north, year_id: f.y26, pupils: 1500, status: 'new', fee_paid_on: null, updated_at: 'x' }).execute();
    const file = await call('exportHubWorkbook', { hubId: f.north, year: '2026/27' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Funding and claims')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const at = rows.findIndex((r) => r[0] === 'Figure');
    expect(rows[at]).toEqual(['Figure', 'Locked (in force)', 'Live (roll today)', 'Difference (live − locked)']);
    expect(rows.find((r) => r[0] === 'Schools' && r.length === 4)).toEqual(['Schools', 6, 7, 1]);
    expect(rows.find((r) => r[0] === 'Total available' && r.length === 4)).toEqual(['Total available', 12_136.2, 14_497.8, 2_361.6]);
    const text = rows.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('How the locked figures were worked out');
    expect(text).toContain('Total available = funding £6,927.60 + carry forward £5,208.60 = £12,136.20.');
    expect(text).toContain('How the live figures are worked out');
    expect(text).toContain('Total available = funding £9,289.20 + carry forward £5,208.60 = £14,497.80.');
    expect(text).toContain('North Joiner 1500 (URN 100099) is in the hub now but was not when the figures were locked.');
  });

  it('a hub not locked shows live figures only, saying so', async () => {
    const d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(d).toMatchObject({ basis: 'live', locked: null, sideBySide: null });
    expect(d.figures).toEqual(d.live.figures);
    expect(d.explanation).toEqual(d.live.explanation);
  });
});
