import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fundingChange, type ChangeSchool } from '../../shared/domain/funding-change';
import { compareAllocation, snapshotUnderKeptRecords, type AllocationSnapshot } from '../../shared/domain/funding-lock';

const s = (key: string, pupils: number, otherHub: string | null = null): ChangeSchool => ({ key, name: `School ${key}`, pupils, otherHub });

describe('fundingChange', () => {
  it('splits a change into joiners, leavers and pupil changes that add up exactly', () => {
    const c = fundingChange([s('a', 1300), s('b', 1000), s('c', 200)], [s('a', 1300), s('b', 1100), s('d', 900, 'West Hub')]);
    expect(c.previousFundingPence).toBe(236_160 + 171_900);
    expect(c.currentFundingPence).toBe(236_160 + 201_900 + 141_900);
    expect(c.joiners).toEqual([{ key: 'd', name: 'School d', pupils: 900, contributionPence: 141_900, otherHub: 'West Hub' }]);
    expect(c.leavers.map((l) => l.key)).toEqual(['c']);
    expect(c).toMatchObject({ joinersPence: 141_900, leaversPence: 0, pupilChangesPence: 30_000, minimumEffectPence: 0, changePence: 171_900 });
    expect(c.explanation).toEqual([
      'Funding £4,080.60 last year → £5,799.60 this year (+£1,719.00).',
      '1 school joined: +£1,419.00.',
      '1 school left: £0.00.',
      'Pupil numbers changed at 1 school: +£300.00.',
    ]);
  });

  it('shows what the hub minimum added or took away', () => {
    // 5 small schools get the £1,250 minimum; one leaving drops the hub below 5 schools: £0.
    const five = ['a', 'b', 'c', 'd', 'e'].map((k) => s(k, 300));
    const c = fundingChange(five, five.slice(0, 4));
    expect(c).toMatchObject({ previousFundingPence: 125_000, currentFundingPence: 0, leaversPence: 0, minimumEffectPence: -125_000, changePence: -125_000 });
    expect(c.explanation.at(-1)).toBe('The hub minimum (£250.00 per school for hubs of 5+ schools): −£1,250.00.');
  });

  it('a leaver with pupils above 427 takes its contribution away; no change says so', () => {
    expect(fundingChange([s('a', 528), s('b', 100)], [s('b', 100)]).leaversPence).toBe(-30_300);
    const same = fundingChange([s('a', 500)], [s('a', 500)]);
    expect(same.changePence).toBe(0);
    expect(same.explanation).toEqual(['No change: the same 1 school with the same pupil numbers.']);
    expect(Object.is(same.leaversPence, 0)).toBe(true);
  });

  it('the causes always add up to the change (property)', () => {
    const school = fc.record({ key: fc.constantFrom(...'abcdefghij'.split('')), pupils: fc.integer({ min: 0, max: 2500 }) });
    const hub = fc.uniqueArray(school, { selector: (x) => x.key, maxLength: 10 }).map((xs) => xs.map((x) => s(x.key, x.pupils)));
    fc.assert(
      fc.property(hub, hub, (before, after) => {
        const c = fundingChange(before, after);
        expect(c.joinersPence + c.leaversPence + c.pupilChangesPence + c.minimumEffectPence).toBe(c.changePence);
        expect(c.changePence).toBe(c.currentFundingPence - c.previousFundingPence);
        expect(c.joiners.length - c.leavers.length).toBe(after.length - before.length);
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

describe('compareAllocation', () => {
  const snap = (pupils: number[], cf = 0): AllocationSnapshot => {
    const perSchool = pupils.map((p, i) => ({ schoolId: i + 1, urn: `10000${i}`, name: `S${i}`, pupils: p, contributionPence: Math.min(Math.max(0, p - 427) * 300, 236_160), capped: p > 1214 }));
    const formula = perSchool.reduce((n, x) => n + x.contributionPence, 0);
    return {
      figures: { schools: pupils.length, pupils: pupils.reduce((a, b) => a + b, 0), formulaPence: formula, minimumPence: 0, fundingPence: formula, carryForwardPence: cf, totalAvailablePence: formula + cf },
      perSchool,
    };
  };

  it('is null when nothing differs, and names every figure and school that does', () => {
    expect(compareAllocation(snap([500, 600]), snap([500, 600]))).toBeNull();
    const d = compareAllocation(snap([500, 600]), snap([500, 700, 300]))!;
    expect(d.figures.map((f) => f.key)).toEqual(['schools', 'pupils', 'formulaPence', 'fundingPence', 'totalAvailablePence']);
    expect(d.schools.map((x) => [x.name, x.kind])).toEqual([
      ['S1', 'pupils'],
      ['S2', 'joined'],
    ]);
    expect(d.lines).toContain('Formula: locked £738.00, now £1,038.00.');
    expect(d.lines).toContain('S1 (URN 100001): pupils 600 when locked, 700 now.');
    const left = compareAllocation(snap([500, 600]), snap([500]))!;
    expect(left.lines.at(-1)).toBe('S1 (URN 100001) was in the hub when the figures were locked and is not now.');
  });

  it('a pupil change with no funding effect is still a difference (the roll changed)', () => {
    const d = compareAllocation(snap([300]), snap([310]))!;
    expect(d.figures.map((f) => f.key)).toEqual(['pupils']);
    expect(compareAllocation(snap([300], 5), snap([300], 6))!.figures.map((f) => f.key)).toEqual(['carryForwardPence', 'totalAvailablePence']);
  });

  it('a school whose record was merged since the lock is the same school under its kept record, not a leaver and a joiner', () => {
    const locked = snap([500, 600]);
    // After the merge the second school (id 2, URN 100001) stands under record 9 (URN 200009).
    const now: AllocationSnapshot = { ...locked, perSchool: locked.perSchool.map((x) => (x.schoolId === 2 ? { ...x, schoolId: 9, urn: '200009', name: 'S1 Academy' } : x)) };
    expect(compareAllocation(locked, now)!.schools.map((x) => x.kind)).toEqual(['joined', 'left']);
    const kept = new Map([[2, { schoolId: 9, urn: '200009', name: 'S1 Academy' }]]);
    expect(compareAllocation({ ...locked, perSchool: snapshotUnderKeptRecords(locked.perSchool, kept) }, now)).toBeNull();
    // Pupils as locked are kept: a pupil change after the merge is still a difference.
    const grown: AllocationSnapshot = { ...now, perSchool: now.perSchool.map((x) => (x.schoolId === 9 ? { ...x, pupils: 650 } : x)), figures: { ...now.figures, pupils: 1150 } };
    const d = compareAllocation({ ...locked, perSchool: snapshotUnderKeptRecords(locked.perSchool, kept) }, grown)!;
    expect(d.lines).toContain('S1 Academy (URN 200009): pupils 600 when locked, 650 now.');
    expect(snapshotUnderKeptRecords(locked.perSchool, new Map())).toEqual(locked.perSchool);
  });
});
