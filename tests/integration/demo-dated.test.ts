import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDemoNetwork } from '../../resources/demo/network';
import { fitsPhase } from '../../resources/demo/qa-texts';
import { dispatch } from '../../electron/core/dispatch';
import { createContext } from '../../electron/core/context';
import { currentYear } from '../../shared/domain/years';
import { CALL_KINDS, previousTerm, termOf } from '../../shared/domain/calls';
import { isSchoolDay } from '../../resources/demo/random';
import type { MyCalls } from '../../shared/contract/calls';
import type { HubDashboard } from '../../shared/contract/dashboards';
import type { HubFundingDetail } from '../../shared/contract/funding';
import type { StatusView } from '../../shared/contract/system';
import { openTestStore, type TestStore } from '../helpers/store';
import { TEST_NOW } from '../helpers/clock';

/** A year and twelve days after the tests' clock: the demo must still look current. */
const A_YEAR_ON = new Date(TEST_NOW.getTime() + 377 * 86_400_000);
const A_YEAR_ON_DAY = A_YEAR_ON.toISOString().slice(0, 10);

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  t.ctx = createContext(t.store, { now: () => A_YEAR_ON, user: 'tester' });
  const loaded = await dispatch(t.ctx, 'loadDemo', { confirm: true });
  if (!loaded.ok) throw new Error(loaded.error.message);
});
afterAll(async () => {
  await t.close();
});

async function call<T>(method: string, payload: unknown): Promise<T> {
  const r = await dispatch(t.ctx, method, payload);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

describe('the demo loaded a year after the tests’ clock', () => {
  it('is in the membership year that day falls in, with the year before as history', async () => {
    const status = await call<StatusView>('getStatus', {});
    const labels = status.years.map((y) => y.label).sort();
    const first = Number(A_YEAR_ON_DAY.slice(0, 4)) - (A_YEAR_ON_DAY.slice(5) >= '09-01' ? 0 : 1);
    expect(labels).toEqual([`${first - 1}/${String(first % 100).padStart(2, '0')}`, `${first}/${String((first + 1) % 100).padStart(2, '0')}`]);
    expect(currentYear(status.years, A_YEAR_ON_DAY)?.label).toBe(labels[1]);
  });

  it('still has this term’s calls due, reviews booked ahead and claims waiting to be paid', async () => {
    const calls = await call<MyCalls>('myCalls', { staffId: 1 });
    expect(calls.today).toBe(A_YEAR_ON_DAY);
    expect(calls.term.start <= A_YEAR_ON_DAY && A_YEAR_ON_DAY <= calls.term.end).toBe(true);
    expect(calls.totals.due + calls.totals.overdue).toBeGreaterThan(0);
    // The term before has its history: calls held, not all overdue.
    const before = await call<MyCalls>('myCalls', { staffId: 1, term: previousTerm(calls.term.id).id });
    expect(before.totals.held).toBeGreaterThan(0);

    const aspire = await t.ctx.db.selectFrom('hubs').where('name', '=', 'Aspire Hub').select('id').executeTakeFirstOrThrow();
    const dashboard = await call<HubDashboard>('hubDashboard', { hubId: aspire.id });
    expect(dashboard.today).toBe(A_YEAR_ON_DAY);
    expect(dashboard.upcomingReviews.length).toBeGreaterThan(0);
    for (const r of dashboard.upcomingReviews) expect(r.startDate >= A_YEAR_ON_DAY, JSON.stringify(r)).toBe(true);

    const funding = await call<HubFundingDetail>('getHubFunding', { hubId: aspire.id });
    expect(funding.reconciliation.totalAvailablePence).toBe(3_858_977);
    const pending = funding.claims.filter((c) => c.status === 'submitted' || c.status === 'approved');
    expect(pending.length).toBeGreaterThan(0);
    for (const c of funding.claims) expect(c.claimedOn <= A_YEAR_ON_DAY && (c.paidOn === null || c.paidOn <= A_YEAR_ON_DAY), JSON.stringify(c)).toBe(true);
  });
});

describe('the demo on any day', () => {
  const anyDay = fc.date({ min: new Date('2026-09-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('never has happened what is dated after that day, and keeps reviews and meetings on weekdays', () => {
    fc.assert(
      fc.property(anyDay, (today) => {
        const n = buildDemoNetwork(today);
        const year = currentYear(n.years, today)!;
        expect(year.startDate <= today && today <= year.endDate).toBe(true);
        for (const m of n.memberships) expect(m.feePaidOn === null || m.feePaidOn <= today).toBe(true);
        for (const c of n.claims) expect(c.claimedOn <= today && (c.paidOn === null || c.paidOn <= today)).toBe(true);
        for (const r of n.reviews) {
          if (r.estimates !== null) expect(r.endDate < today).toBe(true);
          expect([0, 6]).not.toContain(new Date(`${r.startDate}T00:00:00Z`).getUTCDay());
          for (const day of [r.startDate, r.endDate]) expect(day.slice(5) === '12-25' || day.slice(5, 7) === '08', `review on ${day}`).toBe(false);
        }
        for (const m of n.meetings) {
          if (m.attendance.length > 0) expect(m.meetingDate < today).toBe(true);
          expect([0, 6]).not.toContain(new Date(`${m.meetingDate}T00:00:00Z`).getUTCDay());
        }
        for (const p of n.plans) expect([p.draftSubmittedOn, p.finalSubmittedOn].every((d) => d === null || d <= today)).toBe(true);
        for (const i of n.inspections) {
          expect(i.startDate <= today).toBe(true);
          expect(i.startDate.slice(5) === '12-25' || i.startDate.slice(5, 7) === '08', `inspection on ${i.startDate}`).toBe(false);
        }
        for (const s of n.supportRequests) expect(s.requestedOn <= today && s.updatedOn <= today).toBe(true);
        for (const c of n.calls) {
          expect(c.heldOn < today && isSchoolDay(c.heldOn), `call on ${c.heldOn}`).toBe(true);
          for (const a of c.actions) {
            expect(a.dueOn > c.heldOn).toBe(true);
            if (a.doneOn !== null) expect(a.doneOn >= c.heldOn && a.doneOn <= today && a.status === 'done').toBe(true);
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('has a call history: in every term already over most calls of each kind were held, and some were missed', () => {
    fc.assert(
      fc.property(anyDay, (today) => {
        const n = buildDemoNetwork(today);
        const over = [termOf(today).id];
        for (let i = 0; i < 3; i++) over.push(previousTerm(over[over.length - 1]!).id);
        for (const term of over.slice(1)) {
          for (const kind of CALL_KINDS) {
            const hubsCalled = new Set(n.calls.filter((c) => c.kind === kind && termOf(c.heldOn).id === term).map((c) => c.hub));
            expect(hubsCalled.size / n.hubs.length, `${kind} calls in ${term}`).toBeGreaterThan(0.5);
            expect(hubsCalled.size, `${kind} calls in ${term}`).toBeLessThan(n.hubs.length);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('the demo’s review texts', () => {
  it('fit each school’s phase: no Key Stage 3 or sixth form in a primary, no phonics or Reception in a secondary', () => {
    const n = buildDemoNetwork(TEST_NOW.toISOString().slice(0, 10));
    const phaseOf = new Map(n.schools.map((s) => [s.urn, s.phase]));
    let primaries = 0;
    for (const r of n.reviews) {
      const phase = phaseOf.get(r.urn)!;
      if (phase === 'Primary' && r.estimates !== null) primaries += 1;
      for (const text of [...r.points.map((p) => p.text), r.aoeTitle ?? '']) expect(fitsPhase(text, phase), `${phase}: ${text}`).toBe(true);
      if (phase === 'Primary') for (const p of r.points) expect(p.text).not.toMatch(/Key Stage 3|sixth form/i);
    }
    expect(primaries).toBeGreaterThan(50);
  });
});
