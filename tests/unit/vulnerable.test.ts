import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfstedInspection, OfstedJudgement } from '../../shared/domain/ofsted';
import { academicYearOf, vulnerabilityJudgement, vulnerableFlag, vulnerableFlagForYear } from '../../shared/domain/vulnerable';
import { OEIF_AREAS, REPORT_CARD_AREAS, type OfstedFramework } from '../../shared/domain/vocabulary';

function inspection(startDate: string, framework: OfstedFramework, judgements: OfstedJudgement[] = [], extra: Partial<OfstedInspection> = {}): OfstedInspection {
  return { startDate, publicationDate: null, framework, inspectionType: null, categoryOfConcern: null, outcomeText: null, judgements, ...extra };
}
const oeif = (startDate: string, grade: string, extra: Partial<OfstedInspection> = {}) =>
  inspection(startDate, 'oeif', [{ area: OEIF_AREAS.overall, grade, gradeDate: startDate }], extra);
const ungraded = (startDate: string) => inspection(startDate, 'ungraded', [], { outcomeText: 'Some aspects not as strong' });

// The year 2023/24 is the last with overall grades; most OEIF cases are evaluated against it.
const IN_2023_24 = '2024-03-01';

describe('academicYearOf', () => {
  it.each([
    ['2024-08-31', '2023-09-01', '2024-08-31'],
    ['2024-09-01', '2024-09-01', '2025-08-31'],
    ['2026-11-23', '2026-09-01', '2027-08-31'],
    ['2027-01-01', '2026-09-01', '2027-08-31'],
  ])('%s is in %s – %s', (date, start, end) => {
    expect(academicYearOf(date)).toEqual({ start, end });
  });
  it('refuses a non-ISO date', () => {
    expect(() => academicYearOf('23/11/2026')).toThrow(/ISO date/);
  });
});

describe('vulnerabilityJudgement: what counts as a whole-school judgement', () => {
  it('reads the OEIF overall grade', () => {
    expect(['1', '2', '3', '4'].map((g) => vulnerabilityJudgement(oeif('2023-01-01', g)))).toEqual(['1', '2', '3', '4']);
  });
  it('an OEIF inspection without a usable overall grade is not a judgement', () => {
    for (const g of ['9', 'NULL', '', 'Not judged', '5']) expect(vulnerabilityJudgement(oeif('2023-01-01', g))).toBeNull();
    expect(vulnerabilityJudgement(inspection('2023-01-01', 'oeif'))).toBeNull();
  });
  it('a category of concern counts as Inadequate on every graded framework, whatever the overall cell says', () => {
    expect(vulnerabilityJudgement(oeif('2023-01-01', '3', { categoryOfConcern: 'Serious weaknesses' }))).toBe('4');
    expect(vulnerabilityJudgement(inspection('2025-01-10', 'interim_2024', [], { categoryOfConcern: 'Special Measures' }))).toBe('4');
    expect(vulnerabilityJudgement(inspection('2026-01-10', 'report_card', [], { categoryOfConcern: 'SM' }))).toBe('4');
  });
  it('nothing after August 2024 is "Requires improvement": key judgements and report-card areas are never an overall grade', () => {
    const interim = inspection('2025-01-10', 'interim_2024', [
      { area: OEIF_AREAS.overall, grade: 'Not judged', gradeDate: null },
      { area: OEIF_AREAS.quality, grade: '3', gradeDate: null },
      { area: OEIF_AREAS.leadership, grade: '4', gradeDate: null },
    ]);
    const card = inspection('2026-01-10', 'report_card', [
      { area: REPORT_CARD_AREAS.safeguarding, grade: 'Not met', gradeDate: null },
      { area: REPORT_CARD_AREAS.leadership, grade: 'Urgent improvement', gradeDate: null },
      { area: REPORT_CARD_AREAS.curriculum, grade: 'Needs attention', gradeDate: null },
    ]);
    expect(vulnerabilityJudgement(interim)).toBeNull();
    expect(vulnerabilityJudgement(card)).toBeNull();
    // Even a stray overall pair on a report card is not read.
    expect(vulnerabilityJudgement(inspection('2026-01-10', 'report_card', [{ area: OEIF_AREAS.overall, grade: '4', gradeDate: null }]))).toBeNull();
  });
  it('an ungraded inspection is never a judgement, not even with a category of concern', () => {
    expect(vulnerabilityJudgement(ungraded('2023-01-01'))).toBeNull();
    expect(vulnerabilityJudgement(inspection('2023-01-01', 'ungraded', [], { categoryOfConcern: 'Special measures' }))).toBeNull();
  });
});

describe('vulnerableFlag: a single Inadequate in the current academic year', () => {
  it('flags an Inadequate in the year, on both boundary days', () => {
    for (const day of ['2023-09-01', '2024-08-31']) {
      const i = oeif(day, '4');
      const r = vulnerableFlag([oeif('2019-01-01', '2'), i], IN_2023_24);
      expect(r.vulnerable).toBe(true);
      expect(r.triggeredBy).toEqual([i]);
      expect(r.reasons).toEqual([`Inadequate at the inspection of ${day}, in 2023/24`]);
      expect(r.academicYear).toEqual({ start: '2023-09-01', end: '2024-08-31' });
    }
  });
  it('does not flag an Inadequate the day before the year starts or after it ends', () => {
    expect(vulnerableFlag([oeif('2023-08-31', '4')], IN_2023_24).vulnerable).toBe(false);
    expect(vulnerableFlag([oeif('2024-09-01', '4')], IN_2023_24).vulnerable).toBe(false);
  });
  it('flags a later better grade in the same year anyway (the source says "received")', () => {
    expect(vulnerableFlag([oeif('2023-10-01', '4'), oeif('2024-06-01', '2')], IN_2023_24).vulnerable).toBe(true);
  });
  it('names the category of concern', () => {
    const r = vulnerableFlag([oeif('2023-10-01', '4', { categoryOfConcern: 'Special measures' })], IN_2023_24);
    expect(r.reasons).toEqual(['Inadequate (special measures) at the inspection of 2023-10-01, in 2023/24']);
  });
  it('flags a report card placing the school in a category of concern this year (today = 2026-11-23)', () => {
    const card = inspection('2026-10-06', 'report_card', [], { categoryOfConcern: 'Serious weaknesses' });
    const r = vulnerableFlag([oeif('2021-03-01', '3'), card], '2026-11-23');
    expect(r.vulnerable).toBe(true);
    expect(r.triggeredBy).toEqual([card]);
    expect(r.reasons).toEqual(['Category of concern (serious weaknesses), counted as Inadequate, at the inspection of 2026-10-06, in 2026/27']);
  });
  it('does not flag a report card of Urgent improvement / safeguarding Not met without a category of concern', () => {
    const card = inspection('2026-10-06', 'report_card', [
      { area: REPORT_CARD_AREAS.safeguarding, grade: 'Not met', gradeDate: '2026-10-06' },
      { area: REPORT_CARD_AREAS.leadership, grade: 'Urgent improvement', gradeDate: '2026-10-06' },
    ]);
    expect(vulnerableFlag([card], '2026-11-23')).toMatchObject({ vulnerable: false, reasons: [], triggeredBy: [] });
  });
});

describe('vulnerableFlag: two or more consecutive Requires improvement, the latest in the year', () => {
  it('flags two RIs whose later one is in the year, reporting both', () => {
    const a = oeif('2021-05-04', '3');
    const b = oeif('2023-11-14', '3');
    const r = vulnerableFlag([b, a], IN_2023_24);
    expect(r.vulnerable).toBe(true);
    expect(r.triggeredBy).toEqual([a, b]);
    expect(r.reasons).toEqual(['2 consecutive Requires improvement judgements (2021-05-04, 2023-11-14), the latest in 2023/24']);
  });
  it('does not flag a single RI in the year, nor two RIs whose later one is before the year', () => {
    expect(vulnerableFlag([oeif('2023-11-14', '3')], IN_2023_24).vulnerable).toBe(false);
    expect(vulnerableFlag([oeif('2019-01-01', '3'), oeif('2023-08-31', '3')], IN_2023_24).vulnerable).toBe(false);
  });
  it('a better (or Inadequate) judgement between two RIs breaks the run', () => {
    expect(vulnerableFlag([oeif('2019-01-01', '3'), oeif('2021-01-01', '2'), oeif('2023-11-14', '3')], IN_2023_24).vulnerable).toBe(false);
    const r = vulnerableFlag([oeif('2019-01-01', '3'), oeif('2021-01-01', '4'), oeif('2023-11-14', '3')], IN_2023_24);
    expect(r.vulnerable).toBe(false); // the Inadequate is not in the year, and it broke the run
  });
  it('ungraded inspections, and OEIF ones without an overall grade, do not break a run', () => {
    const a = oeif('2019-01-01', '3');
    const b = oeif('2023-11-14', '3');
    const r = vulnerableFlag([a, ungraded('2021-06-01'), oeif('2022-01-01', '9'), b], IN_2023_24);
    expect(r.vulnerable).toBe(true);
    expect(r.triggeredBy).toEqual([a, b]);
  });
  it('reports the whole run of three', () => {
    const run = [oeif('2017-01-01', '3'), oeif('2019-01-01', '3'), oeif('2024-01-10', '3')];
    const r = vulnerableFlag(run, IN_2023_24);
    expect(r.triggeredBy).toEqual(run);
    expect(r.reasons[0]).toMatch(/^3 consecutive Requires improvement judgements/);
  });
  it('reports both triggers, each inspection once', () => {
    const ri1 = oeif('2019-01-01', '3');
    const ri2 = oeif('2023-10-01', '3');
    const inad = oeif('2024-05-01', '4');
    const r = vulnerableFlag([inad, ri2, ri1], IN_2023_24);
    expect(r.reasons).toHaveLength(2);
    expect(r.triggeredBy).toEqual([ri1, ri2, inad]);
  });
  it('interim and report-card inspections without a category of concern neither break nor extend a run', () => {
    const ri = oeif('2022-01-01', '3');
    const interim = inspection('2025-01-10', 'interim_2024', [{ area: OEIF_AREAS.quality, grade: '3', gradeDate: null }]);
    // Never RI: an interim after an RI gives no second RI, now or in the year of the interim inspection.
    expect(vulnerableFlag([ri, interim], '2025-03-01').vulnerable).toBe(false);
    // And it does not break the run of two earlier RIs (evaluated in their year).
    const ri2 = oeif('2024-06-01', '3');
    expect(vulnerableFlag([ri, interim, ri2], IN_2023_24).vulnerable).toBe(true);
  });
  it('with today = 2026-11-23 no RI run can trigger: no inspection since August 2024 has an overall grade', () => {
    const history = [oeif('2019-01-01', '3'), oeif('2023-01-01', '3'), inspection('2025-03-01', 'interim_2024'), inspection('2026-10-01', 'report_card')];
    expect(vulnerableFlag(history, '2026-11-23').vulnerable).toBe(false);
  });
});

describe('vulnerableFlagForYear', () => {
  it('refuses a start that is not a 1 September', () => {
    expect(() => vulnerableFlagForYear([], '2024-09-02')).toThrow(/1 September/);
    expect(() => vulnerableFlagForYear([], '01/09/2024')).toThrow(/ISO date/);
  });
  it('agrees with vulnerableFlag for any day of the year', () => {
    const history = [oeif('2022-02-02', '3'), oeif('2024-02-02', '3')];
    expect(vulnerableFlagForYear(history, '2023-09-01')).toEqual(vulnerableFlag(history, '2024-08-31'));
  });
});

describe('properties', () => {
  const day = fc
    .record({ y: fc.integer({ min: 2015, max: 2024 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const anyInspection = fc.oneof(
    fc.record({ date: day, grade: fc.constantFrom('1', '2', '3', '4', '9', 'NULL') }).map(({ date, grade }) => oeif(date, grade)),
    day.map(ungraded),
  );
  it('is flagged exactly when an in-year judgement is Inadequate or an in-year RI follows an RI (skipping non-judgements)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyInspection, { maxLength: 8, selector: (i) => i.startDate }), day, (history, today) => {
        const r = vulnerableFlag(history, today);
        const { start, end } = academicYearOf(today);
        const codes = [...history]
          .sort((a, b) => a.startDate.localeCompare(b.startDate))
          .map((i) => ({ date: i.startDate, code: vulnerabilityJudgement(i) }))
          .filter((j) => j.code !== null);
        const inYear = (d: string) => start <= d && d <= end;
        const expected =
          codes.some((j) => j.code === '4' && inYear(j.date)) ||
          codes.some((j, k) => k > 0 && j.code === '3' && codes[k - 1]?.code === '3' && inYear(j.date));
        expect(r.vulnerable).toBe(expected);
        expect(r.vulnerable).toBe(r.triggeredBy.length > 0);
        expect(r.vulnerable).toBe(r.reasons.length > 0);
        for (const i of r.triggeredBy) expect(history).toContain(i);
        // Ungraded inspections never trigger and never change the result.
        for (const i of r.triggeredBy) expect(i.framework).toBe('oeif');
        expect(vulnerableFlag(history.filter((i) => i.framework !== 'ungraded'), today).vulnerable).toBe(r.vulnerable);
      }),
    );
  });
});
