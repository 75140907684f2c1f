import { describe, expect, it } from 'vitest';
import { datedJudgements, frameworkLabel, gradeLabel, ofstedConcernCount, ofstedPosition, ofstedProfile, inspectionHistory } from '../../shared/domain/ofsted-profile';
import type { OfstedInspection } from '../../shared/domain/ofsted';

function insp(startDate: string, framework: OfstedInspection['framework'], judgements: [string, string][] = [], extra: Partial<OfstedInspection> = {}): OfstedInspection {
  return {
    startDate, publicationDate: null, framework, inspectionType: null, categoryOfConcern: null, outcomeText: null,
    judgements: judgements.map(([area, grade]) => ({ area, grade, gradeDate: null })), ...extra,
  };
}

describe('Ofsted position of a school', () => {
  it('takes the latest graded inspection, and reports a later ungraded one separately', () => {
    const oeif = insp('2019-03-01', 'oeif', [['Overall effectiveness', '2']]);
    const ungraded = insp('2023-05-01', 'ungraded', [], { outcomeText: 'Standards maintained' });
    const p = ofstedPosition([ungraded, oeif]);
    expect(p.latestGraded).toBe(oeif);
    expect(p.laterUngraded).toBe(ungraded);
    expect(p.profileKey).toBe('Good');
    expect(p.overall).toEqual({ code: '2', label: 'Good', date: '2019-03-01' });
  });

  it('never gives an interim inspection or a report card an overall grade', () => {
    const interim = ofstedPosition([insp('2019-03-01', 'oeif', [['Overall effectiveness', '1']]), insp('2025-01-10', 'interim_2024', [['Overall effectiveness', 'Not judged'], ['Quality of education', '2']])]);
    expect(interim.profileKey).toBe('Not judged (2024–25)');
    expect(interim.overall?.code).toBeNull();
    const rc = ofstedPosition([insp('2026-01-10', 'report_card', [['Inclusion', 'Strong standard']])]);
    expect(rc.profileKey).toBe('Report card');
    expect(rc.overall?.code).toBeNull();
    expect(rc.laterUngraded).toBeNull();
  });

  it('distinguishes no inspection from only ungraded inspections', () => {
    expect(ofstedPosition([]).profileKey).toBe('No inspection');
    expect(ofstedPosition([insp('2020-01-01', 'ungraded')]).profileKey).toBe('No graded inspection');
  });
});

describe('dated judgements', () => {
  it('leaves out the overall grade, orders the usual areas first, and dates each grade', () => {
    const i = insp('2022-02-02', 'oeif', [['Safeguarding is effective?', 'Yes'], ['Overall effectiveness', '3'], ['Leadership and management', '3'], ['Quality of education', '2'], ['Something new', '1']]);
    i.judgements[2]!.gradeDate = '2022-02-03';
    const j = datedJudgements(i);
    expect(j.map((x) => x.area)).toEqual(['Quality of education', 'Leadership and management', 'Safeguarding is effective?', 'Something new']);
    expect(j[0]).toEqual({ area: 'Quality of education', grade: '2', label: 'Good', date: '2022-02-02' });
    expect(j[1]!.date).toBe('2022-02-03');
  });

  it('recognises the usual areas whatever their spacing or case, and keeps a framework it does not know as stored', () => {
    const i = insp('2022-02-02', 'oeif', [['Something new', '1'], ['LEADERSHIP  and management', '3'], [' overall effectiveness ', '3'], ['quality of education', '2']]);
    expect(datedJudgements(i).map((x) => x.area)).toEqual(['quality of education', 'LEADERSHIP  and management', 'Something new']);
    const odd = insp('2022-02-02', 'mystery' as never, [['B', '1'], ['A', '2']]);
    expect(datedJudgements(odd).map((x) => x.area)).toEqual(['B', 'A']);
  });

  it('labels codes and keeps words', () => {
    expect(gradeLabel('4')).toBe('Inadequate');
    expect(gradeLabel('9')).toBe('Not applicable');
    expect(gradeLabel('Expected standard')).toBe('Expected standard');
    expect(frameworkLabel('report_card')).toMatch(/Report card/);
    expect(frameworkLabel('mystery')).toBe('Framework "mystery"');
  });
});

describe('hub Ofsted profile', () => {
  it('counts every bucket, zeros included, in display order, keeping frameworks apart', () => {
    const p = ofstedProfile(['Good', 'Good', 'Report card', 'Requires improvement', 'Inadequate', 'Not judged (2024–25)']);
    expect(p.map((b) => b.count)).toEqual([0, 2, 1, 1, 1, 1, 0, 0, 0]);
    expect(p.find((b) => b.key === 'Report card')?.family).toBe('report_card');
    expect(p.find((b) => b.key === 'Not judged (2024–25)')?.family).toBe('interim');
    expect(ofstedConcernCount(p)).toBe(2);
  });

  it('sorts a history newest first', () => {
    const a = insp('2015-01-01', 'oeif');
    const b = insp('2024-10-01', 'interim_2024');
    expect(inspectionHistory([a, b])).toEqual([b, a]);
  });
});
