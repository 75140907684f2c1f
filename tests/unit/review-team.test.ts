import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PHASE_REVIEW_TEAM_COLUMN,
  REVIEW_TEAM_SIZE_TABLE,
  UNKNOWN_PHASE_REVIEW_TEAM_COLUMN,
  canonicalPhase,
  reviewTeamColumn,
  reviewTeamSize,
} from '../../shared/domain/review-team';
import { PHASES } from '../../shared/domain/vocabulary';

const PRIMARY_COLUMN = ['Primary', 'Special', 'Alternative Provision', 'Middle', 'Nursery'] as const;
const SECONDARY_COLUMN = ['Secondary', '16 plus', 'All-through'] as const;

describe('REVIEW_TEAM_SIZE_TABLE', () => {
  it('holds the review-team table (reviewers per school size) as data', () => {
    expect(REVIEW_TEAM_SIZE_TABLE).toEqual([
      { maxPupils: 300, primary: 2, secondary: 2 },
      { maxPupils: 500, primary: 3, secondary: 3 },
      { maxPupils: 1600, primary: 3, secondary: 4 },
      { maxPupils: null, primary: 3, secondary: 5 },
    ]);
    expect(Object.isFrozen(REVIEW_TEAM_SIZE_TABLE)).toBe(true);
  });
  it('gives every phase in PHASES a column, and the two lists cover PHASES exactly', () => {
    expect([...PRIMARY_COLUMN, ...SECONDARY_COLUMN].sort()).toEqual([...PHASES].sort());
    for (const p of PRIMARY_COLUMN) expect(PHASE_REVIEW_TEAM_COLUMN[p]).toBe('primary');
    for (const p of SECONDARY_COLUMN) expect(PHASE_REVIEW_TEAM_COLUMN[p]).toBe('secondary');
  });
});

describe('reviewTeamSize', () => {
  // [pupils, primary column, secondary column]: every cell and every boundary.
  const cells: [number, number, number][] = [
    [0, 2, 2],
    [1, 2, 2],
    [299, 2, 2],
    [300, 2, 2], // Decision: exactly 300 falls in the first row
    [301, 3, 3],
    [500, 3, 3],
    [501, 3, 4],
    [1000, 3, 4],
    [1600, 3, 4],
    [1601, 3, 5],
    [3000, 3, 5],
  ];
  for (const phase of PRIMARY_COLUMN) {
    it.each(cells)(`${phase}: %i pupils → %i`, (pupils, primary) => {
      expect(reviewTeamSize(pupils, phase)).toBe(primary);
    });
  }
  for (const phase of SECONDARY_COLUMN) {
    it.each(cells)(`${phase}: %i pupils → secondary column`, (pupils, _primary, secondary) => {
      expect(reviewTeamSize(pupils, phase)).toBe(secondary);
    });
  }

  it('reads an unknown, blank or null phase from the Primary column, and says it assumed', () => {
    expect(UNKNOWN_PHASE_REVIEW_TEAM_COLUMN).toBe('primary');
    for (const phase of [null, '', '   ', 'Not applicable', 'Sixth form college']) {
      expect(reviewTeamSize(1601, phase)).toBe(3);
      expect(reviewTeamColumn(phase)).toEqual({ column: 'primary', assumed: true });
    }
    expect(reviewTeamColumn('Secondary')).toEqual({ column: 'secondary', assumed: false });
  });

  it('matches phases case- and space-insensitively, with AP as an alias', () => {
    expect(reviewTeamSize(1601, '  secondary ')).toBe(5);
    expect(reviewTeamSize(1601, 'ALL-THROUGH')).toBe(5);
    expect(reviewTeamSize(1601, '16  Plus')).toBe(5);
    expect(canonicalPhase('ap')).toBe('Alternative Provision');
    expect(canonicalPhase('alternative  provision')).toBe('Alternative Provision');
    expect(canonicalPhase('Sixth form')).toBeNull();
  });

  it('reads the phase names of GIAS and Ofsted files: both kinds of middle school are Middle, PRU is AP', () => {
    expect(canonicalPhase('Middle deemed secondary')).toBe('Middle');
    expect(canonicalPhase('middle deemed primary')).toBe('Middle');
    expect(reviewTeamColumn('Middle deemed secondary')).toEqual({ column: 'primary', assumed: false });
    expect(canonicalPhase('PRU')).toBe('Alternative Provision');
    expect(reviewTeamSize(1601, 'PRU')).toBe(3);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0.5])('throws on %s pupils', (pupils) => {
    expect(() => reviewTeamSize(pupils, 'Primary')).toThrow(/whole number/);
  });

  it('is never below 2 or above 5, and never larger for the primary column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (pupils) => {
        const p = reviewTeamSize(pupils, 'Primary');
        const s = reviewTeamSize(pupils, 'Secondary');
        expect(p).toBeGreaterThanOrEqual(2);
        expect(s).toBeLessThanOrEqual(5);
        expect(p).toBeLessThanOrEqual(s);
        expect(reviewTeamSize(pupils + 1, 'Secondary')).toBeGreaterThanOrEqual(s);
      }),
    );
  });
});
