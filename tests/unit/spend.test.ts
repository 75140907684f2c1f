import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareYears, cumulativeReleased, NO_PRIORITY, spendByCategory, spendByPriority, type SpendClaim, type SpendPlanLine } from '../../shared/domain/spend';
import { CLAIM_STATUSES } from '../../shared/domain/vocabulary';

const categories = [
  { id: 1, name: 'Workshops and events', position: 1, retiredAt: null },
  { id: 2, name: 'Staff training', position: 2, retiredAt: null },
  { id: 3, name: 'Old category', position: 3, retiredAt: '2026-01-01' },
  { id: 4, name: 'Another retired', position: 4, retiredAt: '2026-01-01' },
];
const line = (categoryId: number, plannedPence: number, priority = 'SEND'): SpendPlanLine => ({ hubId: 1, priority, categoryId, plannedPence });
const claim = (categoryId: number, amountPence: number, status: SpendClaim['status'], paidOn: string | null = null, priority: string | null = 'SEND'): SpendClaim => ({
  hubId: 1, priority, categoryId, amountPence, status, claimedOn: '2026-10-01', paidOn,
});

describe('spend by network category', () => {
  it('adds planned, claimed (not rejected) and released (paid) per category, exactly', () => {
    const rows = spendByCategory(
      categories,
      [line(1, 2_130_000), line(1, 328_977), line(2, 650_000)],
      [claim(1, 100_001, 'paid', '2026-10-10'), claim(1, 50_000, 'approved'), claim(1, 70_000, 'submitted'), claim(1, 999_999, 'rejected'), claim(2, 1, 'paid', '2026-11-01')],
    );
    expect(rows.map((r) => [r.label, r.plannedPence, r.claimedPence, r.releasedPence])).toEqual([
      ['Workshops and events', 2_458_977, 220_001, 100_001],
      ['Staff training', 650_000, 1, 1],
    ]);
  });

  it('shows every active category even with nothing in it, and a retired one only when it holds history', () => {
    const rows = spendByCategory(categories, [line(3, 500)], []);
    expect(rows.map((r) => r.label)).toEqual(['Workshops and events', 'Staff training', 'Old category']);
    expect(rows[2]!.retired).toBe(true);
  });

  it('refuses money in a category it does not know rather than hiding it', () => {
    expect(() => spendByCategory(categories, [line(99, 1)], [])).toThrow(/category 99/);
  });

  it('never loses or invents a penny (property)', () => {
    const claimArb = fc.record({
      categoryId: fc.constantFrom(1, 2, 3),
      amountPence: fc.integer({ min: 1, max: 10_000_000 }),
      status: fc.constantFrom(...CLAIM_STATUSES),
    });
    fc.assert(
      fc.property(fc.array(fc.record({ categoryId: fc.constantFrom(1, 2, 3), plannedPence: fc.integer({ min: 0, max: 10_000_000 }) })), fc.array(claimArb), (ls, cs) => {
        const rows = spendByCategory(categories, ls.map((l) => line(l.categoryId, l.plannedPence)), cs.map((c) => claim(c.categoryId, c.amountPence, c.status, '2026-10-01')));
        const sum = (f: (r: { plannedPence: number; claimedPence: number; releasedPence: number }) => number) => rows.reduce((n, r) => n + f(r), 0);
        expect(sum((r) => r.plannedPence)).toBe(ls.reduce((n, l) => n + l.plannedPence, 0));
        expect(sum((r) => r.claimedPence)).toBe(cs.filter((c) => c.status !== 'rejected').reduce((n, c) => n + c.amountPence, 0));
        expect(sum((r) => r.releasedPence)).toBe(cs.filter((c) => c.status === 'paid').reduce((n, c) => n + c.amountPence, 0));
        for (const r of rows) expect(r.releasedPence).toBeLessThanOrEqual(r.claimedPence);
      }),
    );
  });
});

describe('spend by hub priority', () => {
  it('groups by priority ignoring case and spacing, in the order first named, with claims lacking one kept visible', () => {
    const rows = spendByPriority([line(1, 100, 'SEND'), line(1, 200, 'Leadership'), line(2, 50, 'send ')], [claim(1, 30, 'paid', '2026-10-02', ' SEND'), claim(1, 7, 'submitted', null, null)]);
    expect(rows.map((r) => [r.label, r.plannedPence, r.claimedPence, r.releasedPence])).toEqual([
      ['SEND', 150, 30, 30],
      ['Leadership', 200, 0, 0],
      [NO_PRIORITY, 0, 7, 0],
    ]);
  });
});

describe('funding used over the year', () => {
  it('accumulates paid claims by paid date, month by month, up to today', () => {
    const points = cumulativeReleased(
      [claim(1, 1_000, 'paid', '2026-09-15'), claim(1, 2_000, 'paid', '2026-10-31'), claim(1, 4_000, 'paid', '2026-11-01'), claim(1, 8_000, 'approved'), claim(1, 16_000, 'rejected')],
      '2026-09-01',
      '2027-08-31',
      '2026-11-23',
    );
    expect(points.map((p) => [p.label, p.date, p.releasedInMonthPence, p.cumulativeReleasedPence])).toEqual([
      ['Sep 26', '2026-09-30', 1_000, 1_000],
      ['Oct 26', '2026-10-31', 2_000, 3_000],
      ['Nov 26', '2026-11-30', 4_000, 7_000],
    ]);
  });

  it('covers the whole year once it is over, and keeps out-of-year payments in the total', () => {
    const points = cumulativeReleased([claim(1, 5, 'paid', '2025-08-20'), claim(1, 7, 'paid', '2026-09-02')], '2025-09-01', '2026-08-31', '2026-11-23');
    expect(points).toHaveLength(12);
    expect(points[0]!.label).toBe('Sep 25');
    expect(points.at(-1)!).toMatchObject({ label: 'Aug 26', date: '2026-08-31', cumulativeReleasedPence: 12 });
  });

  it('is empty before the year starts', () => {
    expect(cumulativeReleased([], '2027-09-01', '2028-08-31', '2026-11-23')).toEqual([]);
  });
});

describe('year on year', () => {
  it('matches categories by key and keeps one that only last year had', () => {
    const now = [{ key: '1', label: 'A', plannedPence: 10, claimedPence: 5, releasedPence: 1 }];
    const before = [
      { key: '1', label: 'A', plannedPence: 20, claimedPence: 6, releasedPence: 2 },
      { key: '9', label: 'Gone', plannedPence: 3, claimedPence: 3, releasedPence: 3 },
    ];
    expect(compareYears(now, before)).toEqual([
      { key: '1', label: 'A', plannedPence: 10, claimedPence: 5, releasedPence: 1, previousPlannedPence: 20, previousClaimedPence: 6, previousReleasedPence: 2 },
      { key: '9', label: 'Gone', plannedPence: 0, claimedPence: 0, releasedPence: 0, previousPlannedPence: 3, previousClaimedPence: 3, previousReleasedPence: 3 },
    ]);
  });
});
