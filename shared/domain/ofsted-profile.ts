/**
 * How dashboards summarise Ofsted: the framework of each inspection in words, the
 * headline grades of an inspection (each with its date), and a hub's profile of latest grades that
 * keeps the three frameworks apart. Pure shaping over ofsted.ts; never invents an overall grade.
 */

import {
  latestGraded,
  latestInspection,
  ofstedProfileKey,
  overallEffectiveness,
  OFSTED_PROFILE_KEYS,
  sortInspections,
  type OfstedInspection,
  type OfstedProfileKey,
  type OverallEffectiveness,
} from './ofsted';
import { OEIF_AREAS, OEIF_GRADES, OFSTED_FRAMEWORKS, REPORT_CARD_AREAS, type OfstedFramework } from './vocabulary';

/** What each framework is called on screen. */
export const FRAMEWORK_LABELS: Readonly<Record<OfstedFramework, string>> = Object.freeze({
  oeif: 'Graded inspection (to Aug 2024)',
  interim_2024: 'Inspection 2024–25 (no overall grade)',
  report_card: 'Report card (from Nov 2025)',
  ungraded: 'Ungraded inspection',
});

/** A short label for chips and narrow columns. */
export const FRAMEWORK_SHORT_LABELS: Readonly<Record<OfstedFramework, string>> = Object.freeze({
  oeif: 'OEIF',
  interim_2024: '2024–25',
  report_card: 'Report card',
  ungraded: 'Ungraded',
});

export function frameworkLabel(framework: string): string {
  return FRAMEWORK_LABELS[framework as OfstedFramework] ?? `Framework "${framework}"`;
}

export function frameworkShortLabel(framework: string): string {
  return FRAMEWORK_SHORT_LABELS[framework as OfstedFramework] ?? framework;
}

/** One grade as a screen shows it: area, grade exactly as stored, and the date it dates from. */
export interface DatedGrade {
  area: string;
  grade: string;
  /** Human label of the grade: 'Good' for '2'; the grade itself otherwise. */
  label: string;
  date: string;
}

/** The areas a dashboard shows first, per framework, in order (the rest follow as stored). */
const HEADLINE_AREAS: Readonly<Record<string, readonly string[]>> = {
  [OFSTED_FRAMEWORKS.oeif]: [OEIF_AREAS.quality, OEIF_AREAS.behaviour, OEIF_AREAS.personal, OEIF_AREAS.leadership, OEIF_AREAS.earlyYears, OEIF_AREAS.sixthForm, OEIF_AREAS.safeguarding],
  [OFSTED_FRAMEWORKS.interim]: [OEIF_AREAS.quality, OEIF_AREAS.behaviour, OEIF_AREAS.personal, OEIF_AREAS.leadership, OEIF_AREAS.earlyYears, OEIF_AREAS.sixthForm, OEIF_AREAS.safeguarding],
  [OFSTED_FRAMEWORKS.reportCard]: [
    REPORT_CARD_AREAS.inclusion,
    REPORT_CARD_AREAS.curriculum,
    REPORT_CARD_AREAS.achievement,
    REPORT_CARD_AREAS.attendance,
    REPORT_CARD_AREAS.personal,
    REPORT_CARD_AREAS.leadership,
    REPORT_CARD_AREAS.earlyYears,
    REPORT_CARD_AREAS.post16,
    REPORT_CARD_AREAS.safeguarding,
  ],
};

function areaKey(area: string): string {
  return area.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The label of a stored grade: OEIF codes become words ('2' → 'Good', '9' → 'Not applicable'); words stay. */
export function gradeLabel(grade: string): string {
  const key = grade.trim();
  if (OEIF_GRADES[key]) return OEIF_GRADES[key];
  if (key === '9') return 'Not applicable';
  return key;
}

/**
 * Every judgement of an inspection except the overall one (which overallEffectiveness() reads), the
 * framework's usual areas first, each with its date (grade date, else the inspection's start date).
 */
export function datedJudgements(inspection: OfstedInspection): DatedGrade[] {
  const order = headlineOrder(inspection.framework);
  const overall = areaKey(OEIF_AREAS.overall);
  // Each area's key and rank once, not inside the sort's comparisons.
  return inspection.judgements
    .map((j, index) => ({ j, index, key: areaKey(j.area) }))
    .filter((x) => x.key !== overall)
    .map((x) => ({ ...x, rank: order.get(x.key) ?? order.size }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ j }) => ({ area: j.area, grade: j.grade, label: gradeLabel(j.grade), date: j.gradeDate ?? inspection.startDate }));
}

const headlineOrders = new Map<string, ReadonlyMap<string, number>>();

/** A framework's usual areas by key → position (built once per framework). */
function headlineOrder(framework: string): ReadonlyMap<string, number> {
  const known = headlineOrders.get(framework);
  if (known) return known;
  const order = new Map<string, number>();
  for (const [i, a] of (HEADLINE_AREAS[framework] ?? []).entries()) if (!order.has(areaKey(a))) order.set(areaKey(a), i);
  headlineOrders.set(framework, order);
  return order;
}

/** A school's Ofsted position for a dashboard: its latest graded inspection, and a later ungraded one if any. */
export interface OfstedPosition<T extends OfstedInspection = OfstedInspection> {
  profileKey: OfstedProfileKey;
  latestGraded: T | null;
  overall: OverallEffectiveness | null;
  /** The latest inspection of any kind, when it is newer than the latest graded one (an ungraded visit). */
  laterUngraded: T | null;
}

export function ofstedPosition<T extends OfstedInspection>(inspections: readonly T[]): OfstedPosition<T> {
  const graded = latestGraded(inspections);
  const latest = latestInspection(inspections);
  const key: OfstedProfileKey = graded ? ofstedProfileKey(graded) : inspections.length > 0 ? 'No graded inspection' : 'No inspection';
  return {
    profileKey: key,
    latestGraded: graded,
    overall: graded ? overallEffectiveness(graded) : null,
    laterUngraded: latest !== null && latest !== graded ? latest : null,
  };
}

/** Newest first: the order of an inspection history on screen. */
export function inspectionHistory<T extends OfstedInspection>(inspections: readonly T[]): T[] {
  return sortInspections(inspections).reverse();
}

/* ------------------------------------------------------------------ profile */

/** The family of a profile bucket, so a screen can keep the frameworks apart. */
export type ProfileFamily = 'oeif' | 'interim' | 'report_card' | 'none';

export const PROFILE_FAMILY: Readonly<Record<OfstedProfileKey, ProfileFamily>> = Object.freeze({
  Outstanding: 'oeif',
  Good: 'oeif',
  'Requires improvement': 'oeif',
  Inadequate: 'oeif',
  'Grade not recorded': 'oeif',
  'Not judged (2024–25)': 'interim',
  'Report card': 'report_card',
  'No graded inspection': 'none',
  'No inspection': 'none',
});

export interface OfstedProfileBucket {
  key: OfstedProfileKey;
  family: ProfileFamily;
  count: number;
}

/** Counts of schools per bucket, in OFSTED_PROFILE_KEYS order, every bucket present (zeros included). */
export function ofstedProfile(keys: readonly OfstedProfileKey[]): OfstedProfileBucket[] {
  const counts = new Map<OfstedProfileKey, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return OFSTED_PROFILE_KEYS.map((key) => ({ key, family: PROFILE_FAMILY[key], count: counts.get(key) ?? 0 }));
}

/** Schools whose latest whole-school OEIF grade is Requires improvement or Inadequate (a sort key, not a judgement). */
export function ofstedConcernCount(profile: readonly OfstedProfileBucket[]): number {
  return profile.filter((b) => b.key === 'Requires improvement' || b.key === 'Inadequate').reduce((n, b) => n + b.count, 0);
}
