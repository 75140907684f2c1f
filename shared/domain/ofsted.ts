/**
 * Ofsted inspections in all three frameworks: the stored model and the helpers every screen, export and rule
 * reads it through. Grades are stored exactly as the source gives them; these helpers interpret them.
 * **Never invent an overall grade where the source has none.**
 */

import {
  NO_OVERALL_GRADE_FROM,
  OEIF_AREAS,
  OEIF_GRADES,
  OFSTED_FRAMEWORKS,
  QA_ESTIMATES,
  REPORT_CARD_AREAS,
  REPORT_CARD_GRADES,
  REPORT_CARD_START,
  SAFEGUARDING_OUTCOMES,
  type OfstedFramework,
  type ReportCardGrade,
} from './vocabulary';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function assertIsoDate(value: string, what: string): void {
  if (!ISO_DATE.test(value)) throw new Error(`${what} must be an ISO date YYYY-MM-DD (got "${value}")`);
}

/** Whitespace that collapsing would change: a run of two, or any but a plain space (a cheap test before the replace). */
const UNCOLLAPSED = /\s\s|[^\S ]/;

/** Trim, collapse inner whitespace, lower-case: how grade words are compared. */
function wordKey(text: string): string {
  const t = text.trim();
  return (UNCOLLAPSED.test(t) ? t.replace(/\s+/g, ' ') : t).toLowerCase();
}

/** Each canonical spelling by its word key (a national file compares hundreds of thousands of cells against them). */
function byWordKey<T extends string>(words: readonly T[]): ReadonlyMap<string, T> {
  return new Map(words.map((w) => [wordKey(w), w]));
}

/* ------------------------------------------------------------------ model */

export interface OfstedJudgement {
  /** Area name as stored (OEIF_AREAS / REPORT_CARD_AREAS values, or whatever the source called it). */
  area: string;
  /** Grade exactly as the source gave it ('2', '9', 'Not judged', 'Strong standard', 'Met', ...). */
  grade: string;
  gradeDate: string | null;
}

export interface OfstedInspection {
  startDate: string;
  publicationDate: string | null;
  framework: OfstedFramework;
  inspectionType: string | null;
  /** 'Special measures' / 'Serious weaknesses' / empty or NULL as in the source. */
  categoryOfConcern: string | null;
  /** Ungraded inspections: the text outcome ('Standards maintained', ...). */
  outcomeText: string | null;
  judgements: readonly OfstedJudgement[];
}

/** Frameworks whose inspections carry grades (anything else, e.g. 'ungraded', is a text outcome). */
export const GRADED_FRAMEWORKS: readonly OfstedFramework[] = [
  OFSTED_FRAMEWORKS.oeif,
  OFSTED_FRAMEWORKS.interim,
  OFSTED_FRAMEWORKS.reportCard,
];

export function isGradedInspection(i: Pick<OfstedInspection, 'framework'>): boolean {
  return GRADED_FRAMEWORKS.includes(i.framework);
}

/** The framework of a graded inspection by its start date (an ungraded one is 'ungraded' whatever its date). */
export function frameworkForGradedInspection(startDate: string): 'oeif' | 'interim_2024' | 'report_card' {
  assertIsoDate(startDate, 'startDate');
  if (startDate >= REPORT_CARD_START) return OFSTED_FRAMEWORKS.reportCard;
  if (startDate >= NO_OVERALL_GRADE_FROM) return OFSTED_FRAMEWORKS.interim;
  return OFSTED_FRAMEWORKS.oeif;
}

/* ------------------------------------------------------------------ grades */

export type OeifGradeCode = '1' | '2' | '3' | '4';

export type NormalisedOeifGrade =
  | { kind: 'grade'; code: OeifGradeCode; label: string }
  | { kind: 'not_applicable' }
  | { kind: 'not_judged' }
  | { kind: 'missing' }
  | { kind: 'invalid'; raw: string };

/** Values Ofsted files use for "nothing here" (compared after trimming, case-insensitively). */
export const OFSTED_MISSING_VALUES: readonly string[] = ['', 'null'];
const NOT_APPLICABLE_WORDS: readonly string[] = ['9', 'not applicable', 'n/a'];
const NOT_JUDGED_WORDS: readonly string[] = ['not judged'];

function isMissing(raw: string | null | undefined): raw is null | undefined {
  return raw == null || OFSTED_MISSING_VALUES.includes(wordKey(raw));
}

/**
 * A legacy (OEIF / interim) grade cell: '1'–'4' → a grade; '9' (or 'Not applicable') → not
 * applicable; 'Not judged' → not judged; '', 'NULL', null → missing; anything else, including a
 * word like 'Good', → invalid (the files give codes, so a word means the column is not what we think).
 */
export function normaliseOeifGrade(raw: string | null | undefined): NormalisedOeifGrade {
  if (isMissing(raw)) return { kind: 'missing' };
  const key = wordKey(raw);
  const label = OEIF_GRADES[key];
  if (label !== undefined) return { kind: 'grade', code: key as OeifGradeCode, label };
  if (NOT_APPLICABLE_WORDS.includes(key)) return { kind: 'not_applicable' };
  if (NOT_JUDGED_WORDS.includes(key)) return { kind: 'not_judged' };
  return { kind: 'invalid', raw };
}

export type SafeguardingOutcome = (typeof SAFEGUARDING_OUTCOMES)[number];

export type NormalisedReportCardGrade =
  | { kind: 'grade'; grade: ReportCardGrade }
  | { kind: 'safeguarding'; outcome: SafeguardingOutcome }
  | { kind: 'not_applicable' }
  | { kind: 'missing' }
  | { kind: 'invalid'; raw: string };

const REPORT_CARD_GRADE_BY_KEY = byWordKey(REPORT_CARD_GRADES);
const SAFEGUARDING_OUTCOME_BY_KEY = byWordKey(SAFEGUARDING_OUTCOMES);
const SAFEGUARDING_AREA_KEY = wordKey(REPORT_CARD_AREAS.safeguarding);

/** A report-card cell: the five words or Met / Not met, in any case and spacing → the canonical spelling. */
export function normaliseReportCardGrade(raw: string | null | undefined): NormalisedReportCardGrade {
  if (isMissing(raw)) return { kind: 'missing' };
  const key = wordKey(raw);
  const grade = REPORT_CARD_GRADE_BY_KEY.get(key);
  if (grade) return { kind: 'grade', grade };
  const outcome = SAFEGUARDING_OUTCOME_BY_KEY.get(key);
  if (outcome) return { kind: 'safeguarding', outcome };
  if (NOT_APPLICABLE_WORDS.includes(key)) return { kind: 'not_applicable' };
  return { kind: 'invalid', raw };
}

/**
 * The report-card grade of one area: the safeguarding area takes only Met / Not met, every other area
 * only the five-point scale; '9' / 'Not applicable' is not applicable; '', 'NULL' missing; anything
 * else (a scale word under safeguarding, 'Met' under Inclusion, 'Good-ish') is invalid.
 */
export function normaliseReportCardAreaGrade(area: string, raw: string | null | undefined): NormalisedReportCardGrade {
  const g = normaliseReportCardGrade(raw);
  const safeguarding = area === REPORT_CARD_AREAS.safeguarding || wordKey(area) === SAFEGUARDING_AREA_KEY;
  if ((g.kind === 'grade' && safeguarding) || (g.kind === 'safeguarding' && !safeguarding)) return { kind: 'invalid', raw: raw ?? '' };
  return g;
}

export const CATEGORIES_OF_CONCERN = ['Special measures', 'Serious weaknesses'] as const;
export type CategoryOfConcern = (typeof CATEGORIES_OF_CONCERN)[number];

const CATEGORY_OF_CONCERN_BY_KEY = byWordKey(CATEGORIES_OF_CONCERN);

/** Short forms seen in Ofsted and DfE data for the two categories. */
const CATEGORY_OF_CONCERN_ALIASES: Readonly<Record<string, CategoryOfConcern>> = {
  sm: 'Special measures',
  swk: 'Serious weaknesses',
  sw: 'Serious weaknesses',
};

/** The category of concern a cell names (case/space-insensitive, SM / SWK allowed), else null ('', 'NULL', other text). */
export function categoryOfConcern(raw: string | null | undefined): CategoryOfConcern | null {
  if (isMissing(raw)) return null;
  const key = wordKey(raw);
  return CATEGORY_OF_CONCERN_BY_KEY.get(key) ?? CATEGORY_OF_CONCERN_ALIASES[key] ?? null;
}

/* ------------------------------------------------------------------ latest */

/** Among inspections starting the same day, a graded one wins over an ungraded one, the newer framework over the older. */
const FRAMEWORK_RANK: Readonly<Record<string, number>> = {
  [OFSTED_FRAMEWORKS.ungraded]: 0,
  [OFSTED_FRAMEWORKS.oeif]: 1,
  [OFSTED_FRAMEWORKS.interim]: 2,
  [OFSTED_FRAMEWORKS.reportCard]: 3,
};

function compareInspections(a: OfstedInspection, b: OfstedInspection): number {
  return (
    a.startDate.localeCompare(b.startDate) ||
    (FRAMEWORK_RANK[a.framework] ?? 0) - (FRAMEWORK_RANK[b.framework] ?? 0) ||
    (a.publicationDate ?? '').localeCompare(b.publicationDate ?? '')
  );
}

/** Oldest first (by start date; ties as in latestInspection). Returns a new array. */
export function sortInspections<T extends OfstedInspection>(inspections: readonly T[]): T[] {
  return [...inspections].sort(compareInspections);
}

/**
 * **Decision**: the latest inspection of any kind, by start date (a later ungraded inspection is the
 * latest). On the same start date a graded inspection wins. Null when there are none.
 */
export function latestInspection<T extends OfstedInspection>(inspections: readonly T[]): T | null {
  let best: T | null = null;
  for (const i of inspections) if (best === null || compareInspections(i, best) > 0) best = i;
  return best;
}

/** The latest graded inspection (OEIF, interim or report card): the one whose grades a school "has". */
export function latestGraded<T extends OfstedInspection>(inspections: readonly T[]): T | null {
  return latestInspection(inspections.filter(isGradedInspection));
}

/* ------------------------------------------------------------------ overall effectiveness */

export interface OverallEffectiveness {
  /** The OEIF overall effectiveness code, only when the source gave one; never invented. */
  code: OeifGradeCode | null;
  /** 'Good', 'Not judged', 'Report card — no overall grade', ... */
  label: string;
  /** The date the grade dates from (the judgement's grade date, else the inspection start date). */
  date: string;
}

export const OVERALL_LABELS = {
  notJudged: 'Not judged',
  reportCard: 'Report card — no overall grade',
  ungraded: 'Ungraded inspection — no overall grade',
  notRecorded: 'Overall grade not recorded',
  notApplicable: 'Not applicable',
} as const;

/** The judgement for an area (area names compared case/space-insensitively), if the inspection has one. */
export function judgementFor(inspection: Pick<OfstedInspection, 'judgements'>, area: string): OfstedJudgement | undefined {
  const key = wordKey(area);
  return inspection.judgements.find((j) => wordKey(j.area) === key);
}

/**
 * The overall effectiveness of one inspection. Only an OEIF inspection can have one; interim
 * (2024–25) inspections are 'Not judged' and report cards have no overall grade, whatever else the
 * row holds.
 */
export function overallEffectiveness(inspection: OfstedInspection): OverallEffectiveness {
  const date = inspection.startDate;
  switch (inspection.framework) {
    case OFSTED_FRAMEWORKS.interim:
      return { code: null, label: OVERALL_LABELS.notJudged, date };
    case OFSTED_FRAMEWORKS.reportCard:
      return { code: null, label: OVERALL_LABELS.reportCard, date };
    case OFSTED_FRAMEWORKS.oeif:
      return oeifOverall(inspection);
    default:
      return { code: null, label: OVERALL_LABELS.ungraded, date };
  }
}

function oeifOverall(inspection: OfstedInspection): OverallEffectiveness {
  const j = judgementFor(inspection, OEIF_AREAS.overall);
  const date = j?.gradeDate ?? inspection.startDate;
  const g = normaliseOeifGrade(j?.grade);
  switch (g.kind) {
    case 'grade':
      return { code: g.code, label: g.label, date };
    case 'not_judged':
      return { code: null, label: OVERALL_LABELS.notJudged, date };
    case 'not_applicable':
      return { code: null, label: OVERALL_LABELS.notApplicable, date };
    case 'missing':
      return { code: null, label: OVERALL_LABELS.notRecorded, date };
    case 'invalid':
      return { code: null, label: `Unrecognised grade "${g.raw}"`, date };
  }
}

/* ------------------------------------------------------------------ network profile */

/** The buckets of the network's Ofsted profile, in display order. */
export const OFSTED_PROFILE_KEYS = [
  'Outstanding',
  'Good',
  'Requires improvement',
  'Inadequate',
  'Not judged (2024–25)',
  'Report card',
  'Grade not recorded',
  'No graded inspection',
  'No inspection',
] as const;
export type OfstedProfileKey = (typeof OFSTED_PROFILE_KEYS)[number];

/**
 * The profile bucket of a school, given its latest GRADED inspection (pass latestGraded(...)); an
 * ungraded inspection keeps the school's previous grade, so it must not decide the bucket.
 * If an ungraded inspection is passed anyway it gives 'No graded inspection'; null gives 'No inspection'.
 * Use ofstedProfileKeyFor(inspections) to do both steps.
 */
export function ofstedProfileKey(latest: OfstedInspection | null): OfstedProfileKey {
  if (latest === null) return 'No inspection';
  switch (latest.framework) {
    case OFSTED_FRAMEWORKS.reportCard:
      return 'Report card';
    case OFSTED_FRAMEWORKS.interim:
      return 'Not judged (2024–25)';
    case OFSTED_FRAMEWORKS.oeif: {
      // Only an interim (2024–25) inspection is "Not judged (2024–25)": an OEIF inspection without a
      // usable overall grade (missing, 9, 'Not judged', unreadable) is shown as not recorded, never
      // moved into another framework's bucket.
      const overall = overallEffectiveness(latest);
      return overall.code !== null ? (OEIF_GRADES[overall.code] as OfstedProfileKey) : 'Grade not recorded';
    }
    default:
      return 'No graded inspection';
  }
}

/** The profile bucket of a school from its whole inspection history. */
export function ofstedProfileKeyFor(inspections: readonly OfstedInspection[]): OfstedProfileKey {
  if (inspections.length === 0) return 'No inspection';
  return ofstedProfileKey(latestGraded(inspections) ?? inspections[0] ?? null);
}

/* ------------------------------------------------------------------ colour */

export type GradeTone = 'best' | 'good' | 'mid' | 'poor' | 'neutral';

/**
 * One colour scale for every grade the app shows, on screen and in Excel.
 * **Decision**: 'Expected standard' is 'good' — it is the standard Ofsted expects, not a concern;
 * amber ('mid') is kept for 'Needs attention' and 'Requires improvement'. QA Review estimates use the
 * same scale so the Hub Manager Dashboard reads consistently. Anything else (9, Not judged, NULL,
 * ungraded outcome text) is 'neutral'.
 */
export const GRADE_TONES: Readonly<Record<string, GradeTone>> = Object.freeze({
  '1': 'best',
  outstanding: 'best',
  exceptional: 'best',
  [wordKey(QA_ESTIMATES[0])]: 'best', // Leading
  '2': 'good',
  good: 'good',
  'strong standard': 'good',
  'expected standard': 'good',
  met: 'good',
  yes: 'good',
  [wordKey(QA_ESTIMATES[1])]: 'good', // Effective
  '3': 'mid',
  'requires improvement': 'mid',
  'needs attention': 'mid',
  [wordKey(QA_ESTIMATES[2])]: 'mid', // Working towards effective
  '4': 'poor',
  inadequate: 'poor',
  'urgent improvement': 'poor',
  'not met': 'poor',
  no: 'poor',
  'special measures': 'poor',
  'serious weaknesses': 'poor',
  [wordKey(QA_ESTIMATES[3])]: 'poor', // Ineffective
});

export function gradeTone(grade: string | null | undefined): GradeTone {
  if (grade == null) return 'neutral';
  return GRADE_TONES[wordKey(grade)] ?? 'neutral';
}
