import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfstedInspection, OfstedJudgement } from '../../shared/domain/ofsted';
import { readInspection, type OfstedReading } from '../../shared/domain/ofsted-reading';
import { academicYearOf, vulnerableFlag, vulnerableFlagForYear } from '../../shared/domain/vulnerable';
import { OEIF_AREAS, REPORT_CARD_AREAS, type OfstedFramework } from '../../shared/domain/vocabulary';

function inspection(startDate: string, framework: OfstedFramework, judgements: OfstedJudgement[] = [], extra: Partial<OfstedInspection> = {}): OfstedInspection {
  return { startDate, publicationDate: null, framework, inspectionType: null, categoryOfConcern: null, outcomeText: null, judgements, ...extra };
}
const oeif = (startDate: string, grade: string, extra: Partial<OfstedInspection> = {}) =>
  inspection(startDate, 'oeif', [{ area: OEIF_AREAS.overall, grade, gradeDate: startDate }], extra);
/** A 2024–25 inspection: overall "Not judged" (stored as given), quality of education graded. */
const interim = (startDate: string, quality: string, extra: Partial<OfstedInspection> = {}) =>
  inspection(
    startDate,
    'interim_2024',
    [
      { area: OEIF_AREAS.overall, grade: 'Not judged', gradeDate: startDate },
      { area: OEIF_AREAS.quality, grade: quality, gradeDate: startDate },
      { area: OEIF_AREAS.leadership, grade: '2', gradeDate: startDate },
    ],
    extra,
  );
const card = (startDate: string, grades: Partial<Record<keyof typeof REPORT_CARD_AREAS, string>>, extra: Partial<OfstedInspection> = {}) =>
  inspection(
    startDate,
    'report_card',
    Object.entries(grades).map(([k, grade]) => ({ area: REPORT_CARD_AREAS[k as keyof typeof REPORT_CARD_AREAS], grade: grade!, gradeDate: startDate })),
    extra,
  );
const ungraded = (startDate: string) => inspection(startDate, 'ungraded', [], { outcomeText: 'Some aspects not as strong' });
const reads = (i: OfstedInspection): OfstedReading | null => readInspection(i)?.reading ?? null;

// The year 2023/24 is the last with overall grades; most OEIF cases are evaluated against it.
const IN_2023_24 = '2024-03-01';
const TODAY = '2026-11-23';

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

describe('readInspection: each framework read as Good or better / RI-equivalent / Inadequate-equivalent', () => {
  it('until August 2024: the overall grade; a category of concern is Inadequate-equivalent', () => {
    expect(['1', '2', '3', '4'].map((g) => reads(oeif('2023-01-01', g)))).toEqual(['Good or better', 'Good or better', 'RI-equivalent', 'Inadequate-equivalent']);
    expect(readInspection(oeif('2023-01-01', '3'))!.label).toBe('Overall effectiveness: Requires improvement → read as RI-equivalent');
    expect(reads(oeif('2023-01-01', '3', { categoryOfConcern: 'Serious weaknesses' }))).toBe('Inadequate-equivalent');
  });
  it('September 2024 to November 2025: the quality of education judgement; a category of concern is Inadequate-equivalent', () => {
    expect(['1', '2', '3', '4'].map((g) => reads(interim('2025-01-10', g)))).toEqual(['Good or better', 'Good or better', 'RI-equivalent', 'Inadequate-equivalent']);
    expect(readInspection(interim('2025-01-10', '3'))!.label).toBe('Quality of education: Requires improvement → read as RI-equivalent');
    expect(reads(interim('2025-01-10', '2', { categoryOfConcern: 'Special Measures' }))).toBe('Inadequate-equivalent');
  });
  it('report cards: any area Needs attention is RI-equivalent; Urgent improvement, safeguarding Not met or a concern is Inadequate-equivalent', () => {
    const needs = card('2026-01-10', { curriculum: 'Needs attention', leadership: 'Strong standard', safeguarding: 'Met' });
    expect(readInspection(needs)).toEqual({
      reading: 'RI-equivalent',
      basis: 'Needs attention (Curriculum and teaching)',
      label: 'Needs attention (Curriculum and teaching) → read as RI-equivalent',
    });
    expect(reads(card('2026-01-10', { curriculum: 'Needs attention', leadership: 'Urgent improvement' }))).toBe('Inadequate-equivalent');
    expect(reads(card('2026-01-10', { curriculum: 'Expected standard', safeguarding: 'Not met' }))).toBe('Inadequate-equivalent');
    expect(reads(card('2026-01-10', { curriculum: 'Expected standard' }, { categoryOfConcern: 'SM' }))).toBe('Inadequate-equivalent');
    expect(readInspection(card('2026-01-10', { curriculum: 'Exceptional', inclusion: 'Expected standard', safeguarding: 'Met' }))!.label).toBe(
      'No area below Expected standard → read as Good or better',
    );
  });
  it('cells that hold no grade — blank, 9, Not applicable, Not judged — are never read as one', () => {
    for (const g of ['9', 'NULL', '', 'Not judged', 'Not applicable', '5']) expect(reads(oeif('2023-01-01', g))).toBeNull();
    for (const g of ['9', 'Not judged', 'Not applicable']) expect(reads(interim('2025-01-10', g))).toBeNull();
    expect(reads(card('2026-01-10', { earlyYears: 'Not applicable', post16: '9', curriculum: 'Not judged' }))).toBeNull();
    // A not-applicable area beside graded ones changes nothing.
    expect(reads(card('2026-01-10', { earlyYears: 'Not applicable', curriculum: 'Needs attention' }))).toBe('RI-equivalent');
    // The overall "Not judged" of 2024–25 is not read: its quality of education is.
    expect(reads(interim('2025-01-10', '4'))).toBe('Inadequate-equivalent');
  });
  it('an ungraded inspection has no reading, not even with a category of concern', () => {
    expect(reads(ungraded('2023-01-01'))).toBeNull();
    expect(reads(inspection('2023-01-01', 'ungraded', [], { categoryOfConcern: 'Special measures' }))).toBeNull();
  });
});

describe('TSI-eligible: a single Inadequate-equivalent in the current academic year', () => {
  it('flags an Inadequate in the year, on both boundary days', () => {
    for (const day of ['2023-09-01', '2024-08-31']) {
      const i = oeif(day, '4');
      const r = vulnerableFlag([oeif('2019-01-01', '2'), i], IN_2023_24);
      expect(r.tsi).toEqual({ flagged: true, reasons: [`Inadequate-equivalent at the inspection of ${day} (Overall effectiveness: Inadequate), in 2023/24`], triggeredBy: [i] });
      expect(r.vulnerable).toBe(true);
      expect(r.academicYear).toEqual({ start: '2023-09-01', end: '2024-08-31' });
    }
  });
  it('does not flag an Inadequate the day before the year starts or after it ends', () => {
    expect(vulnerableFlag([oeif('2023-08-31', '4')], IN_2023_24).tsi.flagged).toBe(false);
    expect(vulnerableFlag([oeif('2024-09-01', '4')], IN_2023_24).tsi.flagged).toBe(false);
  });
  it('flags a later better grade in the same year anyway (the source says "received")', () => {
    expect(vulnerableFlag([oeif('2023-10-01', '4'), oeif('2024-06-01', '2')], IN_2023_24).tsi.flagged).toBe(true);
  });
  it('flags a report card of Urgent improvement this year (today 23 November 2026), which the old overall-grade rule could not', () => {
    const c = card('2026-10-06', { leadership: 'Urgent improvement', curriculum: 'Needs attention' });
    const r = vulnerableFlag([oeif('2021-03-01', '2'), c], TODAY);
    expect(r.tsi.flagged).toBe(true);
    expect(r.tsi.triggeredBy).toEqual([c]);
    expect(r.tsi.reasons).toEqual(['Inadequate-equivalent at the inspection of 2026-10-06 (Urgent improvement (Leadership and governance)), in 2026/27']);
  });
  it('flags a report card placing the school in a category of concern, naming it', () => {
    const c = card('2026-10-06', { curriculum: 'Expected standard' }, { categoryOfConcern: 'Serious weaknesses' });
    expect(vulnerableFlag([c], TODAY).tsi.reasons).toEqual(['Inadequate-equivalent at the inspection of 2026-10-06 (Category of concern: serious weaknesses), in 2026/27']);
  });
});

describe('TSI-eligible: two or more consecutive RI-equivalent, the latest in the year', () => {
  it('flags two RIs whose later one is in the year, reporting both', () => {
    const a = oeif('2021-05-04', '3');
    const b = oeif('2023-11-14', '3');
    const r = vulnerableFlag([b, a], IN_2023_24);
    expect(r.tsi).toEqual({ flagged: true, reasons: ['2 consecutive RI-equivalent inspections (2021-05-04, 2023-11-14), the latest in 2023/24'], triggeredBy: [a, b] });
  });
  it('reads across frameworks: an overall 3, then a 2024–25 quality of education 3, then a report card with Needs attention this year', () => {
    const run = [oeif('2022-01-01', '3'), interim('2025-02-01', '3'), card('2026-10-01', { achievement: 'Needs attention' })];
    const r = vulnerableFlag(run, TODAY);
    expect(r.tsi.triggeredBy).toEqual(run);
    expect(r.tsi.reasons).toEqual(['3 consecutive RI-equivalent inspections (2022-01-01, 2025-02-01, 2026-10-01), the latest in 2026/27']);
  });
  it('does not flag a single RI in the year, nor two RIs whose later one is before the year', () => {
    expect(vulnerableFlag([oeif('2023-11-14', '3')], IN_2023_24).tsi.flagged).toBe(false);
    expect(vulnerableFlag([oeif('2019-01-01', '3'), oeif('2023-08-31', '3')], IN_2023_24).tsi.flagged).toBe(false);
  });
  it('a Good-or-better (or Inadequate-equivalent) inspection between two RIs breaks the run', () => {
    expect(vulnerableFlag([oeif('2019-01-01', '3'), oeif('2021-01-01', '2'), oeif('2023-11-14', '3')], IN_2023_24).tsi.flagged).toBe(false);
    expect(vulnerableFlag([oeif('2019-01-01', '3'), oeif('2021-01-01', '4'), oeif('2023-11-14', '3')], IN_2023_24).tsi.flagged).toBe(false);
    expect(vulnerableFlag([interim('2025-01-01', '3'), card('2026-01-01', { curriculum: 'Strong standard' }), card('2026-10-01', { curriculum: 'Needs attention' })], TODAY).tsi.flagged).toBe(false);
  });
  it('ungraded inspections, and ones whose grade cell holds no grade, do not break a run', () => {
    const a = oeif('2019-01-01', '3');
    const b = oeif('2023-11-14', '3');
    const r = vulnerableFlag([a, ungraded('2021-06-01'), oeif('2022-01-01', '9'), oeif('2022-06-01', 'Not judged'), b], IN_2023_24);
    expect(r.tsi.triggeredBy).toEqual([a, b]);
  });
  it('reports both triggers, each inspection once', () => {
    const ri1 = oeif('2019-01-01', '3');
    const ri2 = oeif('2023-10-01', '3');
    const inad = oeif('2024-05-01', '4');
    const r = vulnerableFlag([inad, ri2, ri1], IN_2023_24);
    expect(r.tsi.reasons).toHaveLength(2);
    expect(r.tsi.triggeredBy).toEqual([ri1, ri2, inad]);
  });
});

describe('stuck: latest graded inspection RI-equivalent or worse, and the one before below Good, at any date', () => {
  it('flags RI then RI-equivalent years apart, listing the two inspections', () => {
    const before = oeif('2019-03-01', '3');
    const latest = interim('2025-03-01', '3');
    const r = vulnerableFlag([before, ungraded('2022-01-01'), latest], TODAY);
    expect(r.tsi.flagged).toBe(false); // the latest is not in 2026/27
    expect(r.stuck).toEqual({
      flagged: true,
      reasons: [
        'Stuck: RI-equivalent at the latest graded inspection (2025-03-01: Quality of education: Requires improvement) and below Good at the one before (2019-03-01: Overall effectiveness: Requires improvement)',
      ],
      triggeredBy: [before, latest],
    });
    expect(r.vulnerable).toBe(true);
    expect(r.triggeredBy).toEqual([before, latest]);
  });
  it('flags Inadequate then RI-equivalent, and RI then Inadequate-equivalent', () => {
    expect(vulnerableFlag([oeif('2018-01-01', '4'), card('2026-01-10', { inclusion: 'Needs attention' })], TODAY).stuck.flagged).toBe(true);
    expect(vulnerableFlag([oeif('2018-01-01', '3'), card('2026-01-10', { inclusion: 'Urgent improvement' })], TODAY).stuck.flagged).toBe(true);
  });
  it('does not flag when the latest graded inspection is Good or better, or the one before was', () => {
    expect(vulnerableFlag([oeif('2018-01-01', '3'), oeif('2022-01-01', '2')], TODAY).stuck.flagged).toBe(false);
    expect(vulnerableFlag([oeif('2018-01-01', '2'), oeif('2022-01-01', '3')], TODAY).stuck.flagged).toBe(false);
    expect(vulnerableFlag([oeif('2022-01-01', '3')], TODAY).stuck.flagged).toBe(false);
  });
  it('a later inspection without a grade to read is not "the latest graded"', () => {
    expect(vulnerableFlag([oeif('2018-01-01', '3'), oeif('2022-01-01', '3'), card('2026-01-10', { earlyYears: 'Not applicable' })], TODAY).stuck.flagged).toBe(true);
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
    .record({ y: fc.integer({ min: 2015, max: 2027 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  /** An inspection of the framework its date belongs to, with any grade (or non-grade) cell. */
  const codeCell = fc.constantFrom('1', '2', '3', '4', '9', 'NULL', 'Not judged');
  const cardCell = fc.constantFrom('Exceptional', 'Strong standard', 'Expected standard', 'Needs attention', 'Urgent improvement', 'Not applicable', '9');
  const anyInspection = fc.oneof(
    fc.record({ date: day, code: codeCell, word: cardCell }).map(({ date, code, word }) =>
      date < '2024-09-01' ? oeif(date, code) : date < '2025-11-10' ? interim(date, code) : card(date, { curriculum: word }),
    ),
    day.map(ungraded),
    fc.record({ date: day, concern: fc.constantFrom('Special measures', 'Serious weaknesses') }).map(({ date, concern }) => oeif(date, '2', { categoryOfConcern: concern })),
  );
  const history = fc.uniqueArray(anyInspection, { maxLength: 8, selector: (i) => i.startDate });

  it('TSI is flagged exactly when an in-year reading is Inadequate-equivalent or an in-year RI-equivalent follows one (skipping inspections without a reading)', () => {
    fc.assert(
      fc.property(history, day, (list, today) => {
        const r = vulnerableFlag(list, today);
        const { start, end } = academicYearOf(today);
        const read = [...list].sort((a, b) => a.startDate.localeCompare(b.startDate)).map((i) => ({ date: i.startDate, r: reads(i) })).filter((x) => x.r !== null);
        const inYear = (d: string) => start <= d && d <= end;
        const expected =
          read.some((x) => x.r === 'Inadequate-equivalent' && inYear(x.date)) ||
          read.some((x, k) => k > 0 && x.r === 'RI-equivalent' && read[k - 1]?.r === 'RI-equivalent' && inYear(x.date));
        expect(r.tsi.flagged).toBe(expected);
        expect(r.tsi.flagged).toBe(r.tsi.reasons.length > 0);
        for (const i of r.triggeredBy) expect(list).toContain(i);
        for (const i of r.triggeredBy) expect(reads(i)).not.toBeNull();
        // Inspections without a reading never trigger and never change the result.
        expect(vulnerableFlag(list.filter((i) => reads(i) !== null), today)).toEqual(r);
      }),
    );
  });

  it('stuck depends only on the last two readings, never on the day it is asked', () => {
    fc.assert(
      fc.property(history, day, day, (list, today, other) => {
        const read = [...list].sort((a, b) => a.startDate.localeCompare(b.startDate)).map(reads).filter((x) => x !== null);
        const [prev, last] = read.slice(-2);
        const expected = read.length >= 2 && prev !== 'Good or better' && last !== 'Good or better';
        expect(vulnerableFlag(list, today).stuck.flagged).toBe(expected);
        expect(vulnerableFlag(list, other).stuck).toEqual(vulnerableFlag(list, today).stuck);
        expect(vulnerableFlag(list, today).vulnerable).toBe(vulnerableFlag(list, today).tsi.flagged || expected);
      }),
    );
  });
});
