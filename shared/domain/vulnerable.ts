/**
 * Vulnerable schools (DfE Trust and School Improvement offer, section 3): a school may be
 * eligible for TSI support if it received
 *   - two or more consecutive "Requires improvement" judgements, with the latest in the current
 *     academic year, or
 *   - a single "Inadequate" judgement in the current academic year.
 *
 * **Decisions** (VULNERABLE_RULE below holds the switches):
 * - Only a judgement of the school *as a whole* counts. Key judgements (quality of education,
 *   leadership, ...) and report-card areas are never read as a whole-school grade.
 * - What counts as "Requires improvement": an OEIF (until August 2024) inspection whose Overall
 *   effectiveness is 3. Nothing else. Inspections from September 2024 have no overall judgement
 *   (interim: 'Not judged'; report cards: no overall grade at all) and hubdesk never invents
 *   one, so **no inspection from September 2024 onwards is ever "Requires improvement"** — not an
 *   interim inspection with key judgements of 3, not a report card full of "Needs attention".
 * - What counts as "Inadequate": an OEIF inspection whose Overall effectiveness is 4, and an
 *   inspection of any graded framework (OEIF, interim, report card) that places the school in a
 *   category of concern (special measures / serious weaknesses): that placement is Ofsted's statutory
 *   judgement of the school as a whole, and the only whole-school "inadequate" left after August
 *   2024. An interim or report-card inspection without a category of concern is not Inadequate,
 *   even with key judgements of 4 or areas of "Urgent improvement" or safeguarding "Not met".
 * - Interim and report-card inspections without a category of concern are not judgements for this
 *   rule: they neither break nor extend a run of Requires improvement. Ungraded inspections (text
 *   outcomes) likewise neither break nor extend a run. An OEIF inspection whose overall grade is
 *   missing, 9, 'Not judged' or unreadable is not a judgement either (unless it records a category of
 *   concern). Any judgement other than Requires improvement (1, 2, 4, category of concern) breaks a run.
 * - "Received ... in the academic year" is read literally: the flag is raised by any consecutive pair
 *   of Requires improvement judgements whose later one falls in the year (the whole run up to it is
 *   reported), and by any Inadequate judgement in the year, even if a later judgement in the same year
 *   is better. A judgement's date is its inspection start date.
 * - Academic year = 1 September to 31 August; "current" is the one containing the `today` argument.
 */

import {
  assertIsoDate,
  categoryOfConcern,
  judgementFor,
  normaliseOeifGrade,
  sortInspections,
  type OeifGradeCode,
  type OfstedInspection,
} from './ofsted';
import { OEIF_AREAS, OFSTED_FRAMEWORKS, OEIF_GRADES, type OfstedFramework } from './vocabulary';

export const VULNERABLE_RULE = Object.freeze({
  /** Only these frameworks give an overall effectiveness grade (1–4) that the rule reads. */
  judgementFrameworks: Object.freeze([OFSTED_FRAMEWORKS.oeif]) as readonly OfstedFramework[],
  /** A category of concern on an inspection of one of these frameworks counts as Inadequate. */
  categoryOfConcernFrameworks: Object.freeze([
    OFSTED_FRAMEWORKS.oeif,
    OFSTED_FRAMEWORKS.interim,
    OFSTED_FRAMEWORKS.reportCard,
  ]) as readonly OfstedFramework[],
  /** How many consecutive Requires improvement judgements make a school eligible. */
  consecutiveRequiresImprovement: 2,
  /** Overall grade codes. */
  requiresImprovement: '3' as OeifGradeCode,
  inadequate: '4' as OeifGradeCode,
});

export interface AcademicYear {
  start: string;
  end: string;
}

/** The academic year (1 September – 31 August) containing the date. */
export function academicYearOf(date: string): AcademicYear {
  assertIsoDate(date, 'date');
  const y = Number(date.slice(0, 4));
  const first = Number(date.slice(5, 7)) >= 9 ? y : y - 1;
  return { start: `${pad4(first)}-09-01`, end: `${pad4(first + 1)}-08-31` };
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

export interface VulnerableResult<T extends OfstedInspection = OfstedInspection> {
  vulnerable: boolean;
  /** One sentence per trigger, for the dashboard. */
  reasons: string[];
  /** The inspections that triggered the flag, oldest first, each once. */
  triggeredBy: T[];
  academicYear: AcademicYear;
}

/** The overall judgement an inspection counts as for this rule, or null when it is not a judgement. */
export function vulnerabilityJudgement(inspection: OfstedInspection): OeifGradeCode | null {
  if (
    VULNERABLE_RULE.categoryOfConcernFrameworks.includes(inspection.framework) &&
    categoryOfConcern(inspection.categoryOfConcern) !== null
  ) {
    return VULNERABLE_RULE.inadequate;
  }
  if (!VULNERABLE_RULE.judgementFrameworks.includes(inspection.framework)) return null;
  const g = normaliseOeifGrade(judgementFor(inspection, OEIF_AREAS.overall)?.grade);
  return g.kind === 'grade' ? g.code : null;
}

/** Is the school flagged as vulnerable for the academic year containing `today`? */
export function vulnerableFlag<T extends OfstedInspection>(inspections: readonly T[], today: string): VulnerableResult<T> {
  return vulnerableFlagForYear(inspections, academicYearOf(today).start);
}

/** Is the school flagged as vulnerable for the academic year starting `academicYearStart` (a 1 September)? */
export function vulnerableFlagForYear<T extends OfstedInspection>(
  inspections: readonly T[],
  academicYearStart: string,
): VulnerableResult<T> {
  assertIsoDate(academicYearStart, 'academicYearStart');
  if (academicYearStart.slice(5) !== '09-01') {
    throw new Error(`academicYearStart must be a 1 September (got "${academicYearStart}")`);
  }
  const year = academicYearOf(academicYearStart);
  const inYear = (d: string): boolean => year.start <= d && d <= year.end;

  const judgements: { inspection: T; code: OeifGradeCode }[] = [];
  for (const inspection of sortInspections(inspections)) {
    const code = vulnerabilityJudgement(inspection);
    if (code !== null) judgements.push({ inspection, code });
  }

  const reasons: string[] = [];
  const triggered = new Set<T>();
  const label = `${year.start.slice(0, 4)}/${year.end.slice(2, 4)}`;

  // Single Inadequate in the year.
  for (const { inspection, code } of judgements) {
    if (code !== VULNERABLE_RULE.inadequate || !inYear(inspection.startDate)) continue;
    const concern = categoryOfConcern(inspection.categoryOfConcern);
    const what =
      inspection.framework === OFSTED_FRAMEWORKS.oeif
        ? `${OEIF_GRADES[VULNERABLE_RULE.inadequate] ?? 'Inadequate'}${concern ? ` (${concern.toLowerCase()})` : ''}`
        : `Category of concern (${String(concern).toLowerCase()}), counted as Inadequate,`;
    reasons.push(`${what} at the inspection of ${inspection.startDate}, in ${label}`);
    triggered.add(inspection);
  }

  // Consecutive Requires improvement, the later one in the year: report each run once, up to its last in-year member.
  let run: T[] = [];
  let reported: T[] | null = null;
  const flushRun = (): void => {
    if (reported) {
      reasons.push(
        `${reported.length} consecutive ${OEIF_GRADES[VULNERABLE_RULE.requiresImprovement] ?? 'Requires improvement'} ` +
          `judgements (${reported.map((i) => i.startDate).join(', ')}), the latest in ${label}`,
      );
      for (const i of reported) triggered.add(i);
    }
    run = [];
    reported = null;
  };
  for (const { inspection, code } of judgements) {
    if (code !== VULNERABLE_RULE.requiresImprovement) {
      flushRun();
      continue;
    }
    run.push(inspection);
    if (run.length >= VULNERABLE_RULE.consecutiveRequiresImprovement && inYear(inspection.startDate)) reported = [...run];
  }
  flushRun();

  const triggeredBy = sortInspections([...triggered]);
  return { vulnerable: triggeredBy.length > 0, reasons, triggeredBy, academicYear: year };
}
