import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OVERALL_LABELS,
  categoryOfConcern,
  frameworkForGradedInspection,
  gradeTone,
  isGradedInspection,
  judgementFor,
  latestGraded,
  latestInspection,
  normaliseOeifGrade,
  normaliseReportCardAreaGrade,
  normaliseReportCardGrade,
  ofstedProfileKey,
  ofstedProfileKeyFor,
  overallEffectiveness,
  sortInspections,
  type OfstedInspection,
  type OfstedJudgement,
} from '../../shared/domain/ofsted';
import { OEIF_AREAS, REPORT_CARD_AREAS, REPORT_CARD_GRADES, type OfstedFramework } from '../../shared/domain/vocabulary';

function inspection(startDate: string, framework: OfstedFramework, judgements: OfstedJudgement[] = [], extra: Partial<OfstedInspection> = {}): OfstedInspection {
  return { startDate, publicationDate: null, framework, inspectionType: null, categoryOfConcern: null, outcomeText: null, judgements, ...extra };
}
const overall = (grade: string, gradeDate: string | null = null): OfstedJudgement => ({ area: OEIF_AREAS.overall, grade, gradeDate });
const oeif = (startDate: string, grade: string, extra: Partial<OfstedInspection> = {}) => inspection(startDate, 'oeif', [overall(grade)], extra);

describe('frameworkForGradedInspection', () => {
  it.each([
    ['2019-10-16', 'oeif'],
    ['2024-08-31', 'oeif'], // last day of the graded framework
    ['2024-09-01', 'interim_2024'], // first day without an overall grade
    ['2025-11-09', 'interim_2024'],
    ['2025-11-10', 'report_card'], // first day of report cards
    ['2026-03-04', 'report_card'],
  ])('%s → %s', (date, framework) => {
    expect(frameworkForGradedInspection(date)).toBe(framework);
  });
  it('refuses a date that is not ISO', () => {
    expect(() => frameworkForGradedInspection('12/06/2024')).toThrow(/ISO date/);
    expect(() => frameworkForGradedInspection('2024-13-01')).toThrow(/ISO date/);
  });
  it('property: the framework never goes back in time', () => {
    const order = ['oeif', 'interim_2024', 'report_card'];
    const day = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(frameworkForGradedInspection(x))).toBeLessThanOrEqual(order.indexOf(frameworkForGradedInspection(y)));
      }),
    );
  });
});

describe('normaliseOeifGrade', () => {
  it.each([
    ['1', 'Outstanding'],
    ['2', 'Good'],
    [' 3 ', 'Requires improvement'],
    ['4', 'Inadequate'],
  ])('%j is the grade %s', (raw, label) => {
    expect(normaliseOeifGrade(raw)).toEqual({ kind: 'grade', code: raw.trim(), label });
  });
  it('reads 9 and Not applicable as not applicable, Not judged as not judged', () => {
    expect(normaliseOeifGrade('9')).toEqual({ kind: 'not_applicable' });
    expect(normaliseOeifGrade('Not applicable')).toEqual({ kind: 'not_applicable' });
    expect(normaliseOeifGrade('Not judged')).toEqual({ kind: 'not_judged' });
    expect(normaliseOeifGrade('  NOT   JUDGED ')).toEqual({ kind: 'not_judged' });
  });
  it('reads blank, NULL and null as missing', () => {
    for (const raw of ['', '   ', 'NULL', 'null', null, undefined]) expect(normaliseOeifGrade(raw)).toEqual({ kind: 'missing' });
  });
  it.each(['0', '5', '10', '2.5', 'Good', 'Good-ish', '-1', 'Strong standard'])('%j is invalid (a legacy cell holds codes)', (raw) => {
    expect(normaliseOeifGrade(raw)).toEqual({ kind: 'invalid', raw });
  });
});

describe('normaliseReportCardGrade', () => {
  it('accepts the five words and Met / Not met in any case and spacing, giving the canonical spelling', () => {
    for (const g of REPORT_CARD_GRADES) {
      expect(normaliseReportCardGrade(g)).toEqual({ kind: 'grade', grade: g });
      expect(normaliseReportCardGrade(`  ${g.toUpperCase().replace(' ', '   ')} `)).toEqual({ kind: 'grade', grade: g });
    }
    expect(normaliseReportCardGrade('met')).toEqual({ kind: 'safeguarding', outcome: 'Met' });
    expect(normaliseReportCardGrade('Not Met')).toEqual({ kind: 'safeguarding', outcome: 'Not met' });
  });
  it('reads blank / NULL as missing and 9 as not applicable', () => {
    expect(normaliseReportCardGrade('NULL')).toEqual({ kind: 'missing' });
    expect(normaliseReportCardGrade('')).toEqual({ kind: 'missing' });
    expect(normaliseReportCardGrade('9')).toEqual({ kind: 'not_applicable' });
  });
  it.each(['Good', 'Strong', 'Expected', '2', 'Exceptional!'])('%j is invalid', (raw) => {
    expect(normaliseReportCardGrade(raw)).toEqual({ kind: 'invalid', raw });
  });
  it('per area: safeguarding takes only Met / Not met, the other areas only the scale', () => {
    expect(normaliseReportCardAreaGrade(REPORT_CARD_AREAS.safeguarding, 'Not met')).toEqual({ kind: 'safeguarding', outcome: 'Not met' });
    expect(normaliseReportCardAreaGrade(REPORT_CARD_AREAS.safeguarding, 'Strong standard')).toEqual({ kind: 'invalid', raw: 'Strong standard' });
    expect(normaliseReportCardAreaGrade(REPORT_CARD_AREAS.inclusion, 'Met')).toEqual({ kind: 'invalid', raw: 'Met' });
    expect(normaliseReportCardAreaGrade(REPORT_CARD_AREAS.inclusion, 'needs attention')).toEqual({ kind: 'grade', grade: 'Needs attention' });
    expect(normaliseReportCardAreaGrade(REPORT_CARD_AREAS.earlyYears, 'NULL')).toEqual({ kind: 'missing' });
  });
});

describe('categoryOfConcern', () => {
  it('names the two categories, case-insensitively and by their short forms', () => {
    expect(categoryOfConcern('Special Measures')).toBe('Special measures');
    expect(categoryOfConcern(' serious  weaknesses ')).toBe('Serious weaknesses');
    expect(categoryOfConcern('SM')).toBe('Special measures');
    expect(categoryOfConcern('SWK')).toBe('Serious weaknesses');
  });
  it('is null for blank, NULL and other text', () => {
    for (const raw of ['', 'NULL', null, undefined, 'Notice to improve', 'None']) expect(categoryOfConcern(raw)).toBeNull();
  });
});

describe('overallEffectiveness: never an invented overall grade', () => {
  it('gives the OEIF code and label, dated by its grade date or the start date', () => {
    expect(overallEffectiveness(inspection('2023-05-10', 'oeif', [overall('3', '2023-05-11')]))).toEqual({
      code: '3',
      label: 'Requires improvement',
      date: '2023-05-11',
    });
    expect(overallEffectiveness(oeif('2023-05-10', '1'))).toEqual({ code: '1', label: 'Outstanding', date: '2023-05-10' });
  });
  it('says what an OEIF inspection without a usable overall grade holds', () => {
    expect(overallEffectiveness(inspection('2023-05-10', 'oeif'))).toMatchObject({ code: null, label: OVERALL_LABELS.notRecorded });
    expect(overallEffectiveness(oeif('2023-05-10', '9'))).toMatchObject({ code: null, label: OVERALL_LABELS.notApplicable });
    expect(overallEffectiveness(oeif('2023-05-10', 'Not judged'))).toMatchObject({ code: null, label: OVERALL_LABELS.notJudged });
    expect(overallEffectiveness(oeif('2023-05-10', '7'))).toMatchObject({ code: null, label: 'Unrecognised grade "7"' });
  });
  it('has no overall grade for interim, report-card and ungraded inspections, whatever the judgements hold', () => {
    // Even a stray overall-effectiveness pair never becomes a grade outside the OEIF framework.
    expect(overallEffectiveness(inspection('2025-01-15', 'interim_2024', [overall('2')]))).toEqual({
      code: null,
      label: OVERALL_LABELS.notJudged,
      date: '2025-01-15',
    });
    expect(overallEffectiveness(inspection('2026-01-15', 'report_card', [overall('1')]))).toMatchObject({ code: null, label: OVERALL_LABELS.reportCard });
    expect(overallEffectiveness(inspection('2024-12-18', 'ungraded', [], { outcomeText: 'Standards maintained' }))).toMatchObject({
      code: null,
      label: OVERALL_LABELS.ungraded,
    });
  });
  it('property: a code is only ever given for an OEIF inspection whose overall cell is 1–4', () => {
    const frameworks: OfstedFramework[] = ['oeif', 'interim_2024', 'report_card', 'ungraded'];
    fc.assert(
      fc.property(fc.constantFrom(...frameworks), fc.oneof(fc.constantFrom('1', '2', '3', '4', '9', 'NULL', 'Not judged', ''), fc.string()), (framework, grade) => {
        const r = overallEffectiveness(inspection('2023-01-01', framework, [overall(grade)]));
        if (r.code !== null) {
          expect(framework).toBe('oeif');
          expect(grade.trim()).toBe(r.code);
        }
      }),
    );
  });
});

describe('judgementFor', () => {
  it('finds an area case- and space-insensitively', () => {
    const i = inspection('2023-01-01', 'oeif', [{ area: 'Quality of education', grade: '2', gradeDate: null }]);
    expect(judgementFor(i, '  quality OF  education')?.grade).toBe('2');
    expect(judgementFor(i, OEIF_AREAS.leadership)).toBeUndefined();
  });
});

describe('latest and sorting', () => {
  const older = oeif('2019-10-16', '1');
  const ungradedLater = inspection('2024-12-18', 'ungraded', [], { outcomeText: 'Standards maintained' });
  const interim = inspection('2025-02-03', 'interim_2024');
  const card = inspection('2026-01-20', 'report_card');

  it('the latest inspection of any kind is the latest by start date, even an ungraded one', () => {
    expect(latestInspection([ungradedLater, older])).toBe(ungradedLater);
    expect(latestInspection([])).toBeNull();
  });
  it('on the same start date a graded inspection wins over an ungraded one, then the newer framework', () => {
    const sameDayUngraded = inspection('2019-10-16', 'ungraded');
    expect(latestInspection([older, sameDayUngraded])).toBe(older);
    expect(latestInspection([sameDayUngraded, older])).toBe(older);
  });
  it('the latest graded inspection skips ungraded ones', () => {
    expect(latestGraded([older, ungradedLater])).toBe(older);
    expect(latestGraded([older, interim, card, ungradedLater])).toBe(card);
    expect(latestGraded([ungradedLater])).toBeNull();
  });
  it('sorts oldest first without touching the input', () => {
    const input = [card, older, interim, ungradedLater];
    expect(sortInspections(input)).toEqual([older, ungradedLater, interim, card]);
    expect(input[0]).toBe(card);
  });
  it('isGradedInspection', () => {
    expect([older, interim, card, ungradedLater].map(isGradedInspection)).toEqual([true, true, true, false]);
  });
});

describe('ofstedProfileKey: the network profile shows the framework honestly', () => {
  it('buckets OEIF grades by their overall grade', () => {
    expect(['1', '2', '3', '4'].map((g) => ofstedProfileKey(oeif('2022-01-01', g)))).toEqual(['Outstanding', 'Good', 'Requires improvement', 'Inadequate']);
  });
  it('never gives interim or report-card inspections an OEIF bucket', () => {
    expect(ofstedProfileKey(inspection('2025-01-01', 'interim_2024', [overall('Not judged')]))).toBe('Not judged (2024–25)');
    expect(ofstedProfileKey(inspection('2026-01-01', 'report_card'))).toBe('Report card');
  });
  it('keeps an OEIF inspection without a usable overall grade out of the 2024–25 bucket', () => {
    expect(ofstedProfileKey(oeif('2022-01-01', 'Not judged'))).toBe('Grade not recorded');
    expect(ofstedProfileKey(inspection('2022-01-01', 'oeif'))).toBe('Grade not recorded');
  });
  it('from a history: the latest graded decides; ungraded inspections keep the previous grade', () => {
    expect(ofstedProfileKeyFor([])).toBe('No inspection');
    expect(ofstedProfileKeyFor([inspection('2024-12-18', 'ungraded')])).toBe('No graded inspection');
    expect(ofstedProfileKeyFor([oeif('2019-10-16', '1'), inspection('2024-12-18', 'ungraded')])).toBe('Outstanding');
    expect(ofstedProfileKeyFor([oeif('2019-10-16', '1'), inspection('2026-01-20', 'report_card')])).toBe('Report card');
  });
});

describe('gradeTone', () => {
  it('puts every scale on one colour scale, neutral for anything else', () => {
    expect(['1', 'Exceptional', 'Leading'].map(gradeTone)).toEqual(['best', 'best', 'best']);
    expect(['2', 'Strong standard', 'Expected standard', 'Met', 'Yes', 'Effective'].map(gradeTone)).toEqual(Array(6).fill('good'));
    expect(['3', 'Needs attention', 'Working towards effective'].map(gradeTone)).toEqual(['mid', 'mid', 'mid']);
    expect(['4', 'Urgent improvement', 'Not met', 'No', 'Special measures', 'Ineffective'].map(gradeTone)).toEqual(Array(6).fill('poor'));
    expect(['9', 'Not judged', 'NULL', 'Standards maintained', null, undefined].map(gradeTone)).toEqual(Array(6).fill('neutral'));
  });
});
