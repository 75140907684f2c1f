/**
 * Invented but plausible Ofsted histories for the demo, in all three frameworks (graded to August 2024, ungraded 2024/25, report cards from November 2025),
 * stored the way Ofsted publishes them: OEIF grades as codes '1'–'4' ('9' not applicable), interim
 * inspections with key judgements only, report cards as words per evaluation area.
 */
import { OEIF_AREAS, REPORT_CARD_AREAS, REPORT_CARD_GRADES, type OfstedFramework } from '@shared/domain/vocabulary';
import { addDays, randomFor, schoolDayBetween, type Random } from './random';

export interface DemoJudgement {
  area: string;
  grade: string;
  gradeDate: string;
}

export interface DemoInspection {
  urn: string;
  inspectionNumber: string;
  startDate: string;
  publicationDate: string;
  inspectionType: string;
  framework: OfstedFramework;
  categoryOfConcern: string | null;
  outcomeText: string | null;
  judgements: DemoJudgement[];
}

/** The story a school's history tells; 'concern' schools are the demo's vulnerable ones. */
export type OfstedStory = 'oeif' | 'ungraded' | 'interim' | 'report_card' | 'concern' | 'ri_twice';

interface SchoolFacts {
  urn: string;
  phase: string;
  pupils: number;
}

const UNGRADED_OUTCOMES = [
  'Standards maintained',
  'Standards maintained',
  'Some aspects not as strong',
  'Standards maintained; the next inspection will be a graded inspection',
];

function inspection(rng: Random, school: SchoolFacts, startDate: string, type: string, framework: OfstedFramework): DemoInspection {
  return {
    urn: school.urn,
    inspectionNumber: String(10_000_000 + rng.int(0, 399_999)),
    startDate,
    publicationDate: addDays(startDate, rng.int(18, 35)),
    inspectionType: type,
    framework,
    categoryOfConcern: null,
    outcomeText: null,
    judgements: [],
  };
}

function oeifCode(rng: Random, around: number): string {
  const shift = rng.weighted([
    [-1, 15],
    [0, 70],
    [1, 15],
  ] as const);
  return String(Math.min(4, Math.max(1, around + shift)));
}

function keyJudgements(rng: Random, school: SchoolFacts, date: string, overall: number, withOverall: boolean): DemoJudgement[] {
  const j = (area: string, grade: string): DemoJudgement => ({ area, grade, gradeDate: date });
  const list: DemoJudgement[] = [];
  list.push(j(OEIF_AREAS.overall, withOverall ? String(overall) : 'Not judged'));
  list.push(j(OEIF_AREAS.quality, String(overall)));
  list.push(j(OEIF_AREAS.behaviour, oeifCode(rng, overall)));
  list.push(j(OEIF_AREAS.personal, oeifCode(rng, Math.max(1, overall - 1))));
  list.push(j(OEIF_AREAS.leadership, String(overall)));
  const primaryLike = ['Primary', 'Nursery', 'All-through', 'Special'].includes(school.phase);
  list.push(j(OEIF_AREAS.earlyYears, primaryLike ? oeifCode(rng, overall) : '9'));
  const sixthForm = ['Secondary', 'All-through', '16 plus'].includes(school.phase) && school.pupils > 1000;
  list.push(j(OEIF_AREAS.sixthForm, sixthForm ? oeifCode(rng, overall) : '9'));
  list.push(j(OEIF_AREAS.safeguarding, overall === 4 && rng.chance(0.5) ? 'No' : 'Yes'));
  return list;
}

function graded(rng: Random, school: SchoolFacts, date: string, overall: number): DemoInspection {
  const i = inspection(rng, school, date, 'Section 5', 'oeif');
  i.judgements = keyJudgements(rng, school, date, overall, true);
  if (overall === 4) i.categoryOfConcern = rng.pick(['Special measures', 'Serious weaknesses']);
  return i;
}

function interim(rng: Random, school: SchoolFacts, date: string, level: number): DemoInspection {
  const i = inspection(rng, school, date, 'Section 5', 'interim_2024');
  i.judgements = keyJudgements(rng, school, date, level, false);
  return i;
}

function ungraded(rng: Random, school: SchoolFacts, date: string): DemoInspection {
  const i = inspection(rng, school, date, 'Section 8', 'ungraded');
  i.outcomeText = rng.pick(UNGRADED_OUTCOMES);
  return i;
}

const RC = REPORT_CARD_AREAS;

function reportCard(rng: Random, school: SchoolFacts, date: string, level: number, concern: string | null): DemoInspection {
  const i = inspection(rng, school, date, 'Report card', 'report_card');
  const grade = (shiftMax = 1) => REPORT_CARD_GRADES[Math.min(4, Math.max(0, level + rng.int(-shiftMax, shiftMax)))]!;
  const j = (area: string, g: string): DemoJudgement => ({ area, grade: g, gradeDate: date });
  i.judgements = [
    j(RC.safeguarding, concern && rng.chance(0.5) ? 'Not met' : 'Met'),
    j(RC.inclusion, grade()),
    j(RC.curriculum, grade()),
    j(RC.achievement, grade()),
    j(RC.attendance, grade()),
    j(RC.personal, grade()),
    j(RC.leadership, concern ? 'Urgent improvement' : grade(0)),
  ];
  if (['Primary', 'Nursery', 'All-through'].includes(school.phase)) i.judgements.push(j(RC.earlyYears, grade()));
  if (['Secondary', 'All-through', '16 plus'].includes(school.phase) && school.pupils > 1000) i.judgements.push(j(RC.post16, grade()));
  i.categoryOfConcern = concern;
  return i;
}

/**
 * A school's inspections, oldest first, for the story it was dealt, as known on `today` (real
 * calendar): the recent ones fall in the weeks before it.
 */
export function ofstedHistory(school: SchoolFacts, story: OfstedStory, today: string): DemoInspection[] {
  const rng = randomFor(`ofsted:${school.urn}`);
  const level = rng.weighted([
    [1, 18],
    [2, 64],
    [3, 15],
    [4, 3],
  ] as const);
  const d = (from: string, to: string) => schoolDayBetween(rng, from, to);
  const older = graded(rng, school, d('2015-09-14', '2019-06-28'), Math.min(level, 3));
  switch (story) {
    case 'oeif':
      return [older, graded(rng, school, d('2021-09-13', '2024-07-12'), level)];
    case 'ungraded':
      return [older, ungraded(rng, school, d('2021-10-04', '2025-06-27'))];
    case 'interim':
      return [older, interim(rng, school, d('2024-09-16', '2025-11-07'), Math.min(level, 3))];
    case 'report_card':
      return [older, reportCard(rng, school, d('2025-11-17', addDays(today, -45)), Math.min(level, 3), null)];
    case 'ri_twice':
      // Two "Requires improvement" in a row, the latest before September 2024: eligible then, not now.
      return [graded(rng, school, d('2017-01-09', '2019-03-29'), 3), graded(rng, school, d('2022-01-10', '2024-05-24'), 3)];
    case 'concern':
      // A report card a few weeks ago that places the school in a category of concern: flagged as vulnerable.
      return [older, reportCard(rng, school, d(addDays(today, -70), addDays(today, -38)), 3, rng.pick(['Special measures', 'Serious weaknesses']))];
  }
}
