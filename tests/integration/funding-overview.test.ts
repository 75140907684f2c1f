import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, type TestStore } from '../helpers/store';
import { seedFundingNetwork, seedPaidClaim, type FundingFixture } from '../helpers/funding-seed';
import type { MethodName, ResponseOf, RequestOf } from '../../shared/contract';

let t: TestStore;
let f: FundingFixture;

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

beforeEach(async () => {
  t = await openTestStore();
  f = await seedFundingNetwork(t.store.db);
  // North released £4,000.00 of its £5,208.60 in 2025/26: £1,208.60 carries forward.
  await seedPaidClaim(t.store.db, { hubId: f.north, yearId: f.y25, pence: 400_000, categoryId: f.training, paidOn: '2026-03-01' });
});
afterEach(async () => {
  await t.close();
});

describe('the Funding overview', () => {
  it('computes every hub’s figures for a year from the roll, with the carry forward from the year before', async () => {
    const o = await call('listFunding', { year: '2026/27' });
    expect(o.year).toBe('2026/27');
    expect(o.previousYear).toBe('2025/26');
    expect(o.hubs.map((h) => h.hub)).toEqual(['North Hub', 'Small Hub']);
    const north = o.hubs.find((h) => h.hub === 'North Hub')!;
    // 1300 → £2,361.60 (cap), 1100 → £2,019.00, 800 → £1,119.00, 430 → £9.00, 300 → £0, 900 → £1,419.00
    expect(north).toMatchObject({
      schools: 6,
      pupils: 1300 + 1100 + 800 + 430 + 300 + 900,
      formulaPence: 236_160 + 201_900 + 111_900 + 900 + 141_900,
      minimumPence: 6 * 25_000,
      applied: 'formula',
      carryForwardPence: 520_860 - 400_000,
      carryForwardSource: 'computed',
      lockState: 'open',
      releasedPence: 0,
      overReleased: false,
    });
    expect(north.fundingPence).toBe(north.formulaPence);
    expect(north.totalAvailablePence).toBe(692_760 + 120_860);
    expect(north.remainingPence).toBe(north.totalAvailablePence);
    const small = o.hubs.find((h) => h.hub === 'Small Hub')!;
    expect(small).toMatchObject({ schools: 3, formulaPence: 0, minimumPence: 0, fundingPence: 0, totalAvailablePence: 0, applied: 'none' });
    expect(o.totals.totalAvailablePence).toBe(north.totalAvailablePence + small.totalAvailablePence);
    expect(o.totals.schools).toBe(9);
  });

  it('the first year on record has no carry forward, and says so', async () => {
    const d = await call('getHubFunding', { hubId: f.north, year: '2025/26' });
    expect(d.figures.carryForwardPence).toBe(0);
    expect(d.carryForward.previousYear).toBeNull();
    expect(d.carryForward.explanation).toMatch(/no previous year/);
    expect(d.reconciliation.releasedPence).toBe(400_000);
    expect(d.reconciliation.remainingPence).toBe(120_860);
  });

  it('the hub drill-down explains each school’s contribution, the carry forward and what stops release', async () => {
    const d = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    const bySchool = Object.fromEntries(d.perSchool.map((s) => [s.name, s]));
    expect(bySchool['North Academy 1300']).toMatchObject({ pupils: 1300, pupilsOverThreshold: 873, uncappedPence: 261_900, contributionPence: 236_160, capped: true });
    expect(bySchool['North Infants 300']).toMatchObject({ pupilsOverThreshold: 0, contributionPence: 0, capped: false });
    expect(d.explanation[0]).toMatch(/6 schools: the formula gives £6,927\.60; .* £1,500\.00; the formula is higher, so the hub receives £6,927\.60/);
    expect(d.carryForward).toMatchObject({ source: 'computed', previousYear: '2025/26', previousTotalAvailablePence: 520_860, previousReleasedPence: 400_000, pence: 120_860 });
    expect(d.carryForward.explanation).toContain('£5,208.60 − released £4,000.00 = £1,208.60');

    expect(d.release.met).toBe(false);
    const byKey = Object.fromEntries(d.release.conditions.map((c) => [c.key, c]));
    expect(byKey.final_plan!.met).toBe(false);
    expect(byKey.meeting_dates!.met).toBe(false);
    expect(byKey.fees_paid!.met).toBe(false);
    expect(byKey.fees_paid!.detail).toContain('North Primary 430');
    // Today (the tests' clock) is after both deadlines (31 October, 14 November) have passed.
    expect(d.deadlines.draft.status).toBe('overdue');
    expect(d.deadlines.final.status).toBe('overdue');
    expect(d.plan.allocation.status).toBe('under');
    expect(d.categories.map((c) => c.name)).toContain('Staff training');

    // Meet the three conditions.
    await call('setPlanSubmission', { hubId: f.north, year: '2026/27', draftSubmittedOn: '2026-10-30', finalSubmittedOn: '2026-11-16' });
    await t.store.db.insertInto('hub_meetings').values({ hub_id: f.north, year_id: f.y26, meeting_date: '2026-12-01', term: 'autumn', submitted_on: '2026-09-10' }).execute();
    await t.store.db.updateTable('memberships').set({ fee_paid_on: '2026-11-20' }).where('year_id', '=', f.y26).execute();
    // One submitted meeting is not "the meeting dates for the year": each term needs one, every one submitted.
    let meetings = (await call('getHubFunding', { hubId: f.north, year: '2026/27' })).release.conditions.find((c) => c.key === 'meeting_dates')!;
    expect(meetings).toMatchObject({ met: false, detail: 'No meeting is dated in the spring and summer terms.' });
    await t.store.db.insertInto('hub_meetings').values({ hub_id: f.north, year_id: f.y26, meeting_date: '2027-02-02', term: 'spring', submitted_on: null }).execute();
    await t.store.db.insertInto('hub_meetings').values({ hub_id: f.north, year_id: f.y26, meeting_date: '2027-06-08', term: 'summer', submitted_on: '2026-09-10' }).execute();
    meetings = (await call('getHubFunding', { hubId: f.north, year: '2026/27' })).release.conditions.find((c) => c.key === 'meeting_dates')!;
    expect(meetings).toMatchObject({ met: false, detail: '1 of 3 meetings is not submitted (2 February 2027).' });
    await t.store.db.updateTable('hub_meetings').set({ submitted_on: '2026-09-10' }).where('hub_id', '=', f.north).execute();
    const after = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(after.release.met).toBe(true);
    expect(after.deadlines.draft.status).toBe('met');
    expect(after.deadlines.final).toMatchObject({ status: 'late', days: 2 });
    expect((await call('listFunding', { year: '2026/27' })).hubs.find((h) => h.hubId === f.north)!.releaseConditionsMet).toBe(true);
  });

  it('year over year: the change in each hub’s funding split into joiners, leavers and pupil changes', async () => {
    const c = await call('fundingChanges', { year: '2026/27' });
    expect(c.previousYear).toBe('2025/26');
    const north = c.hubs.find((h) => h.hub === 'North Hub')!;
    expect(north.changePence).toBe(692_760 - 520_860);
    expect(north.joiners.map((j) => j.name)).toEqual(['North Joiner 900']);
    expect(north.joinersPence).toBe(141_900);
    expect(north.leavers.map((l) => l.name)).toEqual(['North Leaver 200']);
    expect(north.leaversPence).toBe(0);
    expect(north.pupilChanges).toEqual([expect.objectContaining({ name: 'North High 1000', pupilsBefore: 1000, pupilsAfter: 1100, effectPence: 30_000 })]);
    expect(north.joinersPence + north.leaversPence + north.pupilChangesPence + north.minimumEffectPence).toBe(north.changePence);
    const small = c.hubs.find((h) => h.hub === 'Small Hub')!;
    expect(small.changePence).toBe(0);
    expect(small.explanation).toEqual(['No change: the same 3 schools with the same pupil numbers.']);
  });

  it('shows a hub that released more than its total available as an error, never hiding it', async () => {
    await seedPaidClaim(t.store.db, { hubId: f.north, yearId: f.y25, pence: 200_000, categoryId: f.training, paidOn: '2026-05-01' });
    const o = await call('listFunding', { year: '2025/26' });
    const north = o.hubs.find((h) => h.hub === 'North Hub')!;
    expect(north.releasedPence).toBe(600_000);
    expect(north.overReleased).toBe(true);
    expect(north.remainingPence).toBe(520_860 - 600_000);
    expect(o.totals.overReleasedHubs).toBe(1);
    // …and the overspend is carried forward as a negative amount.
    const next = await call('getHubFunding', { hubId: f.north, year: '2026/27' });
    expect(next.carryForward.pence).toBe(-79_140);
    expect(next.carryForward.explanation).toMatch(/released more than it had/);
  });

  it('says clearly when the year or hub does not exist', async () => {
    const r = await dispatch(t.ctx, 'getHubFunding', { hubId: 9999, year: '2026/27' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'not_found', message: 'There is no hub with id 9999.' });
    const y = await dispatch(t.ctx, 'listFunding', { year: '2030/31' });
    expect(y.ok).toBe(false);
    if (!y.ok) expect(y.error.message).toMatch(/no membership year 2030\/31/);
  });
});
