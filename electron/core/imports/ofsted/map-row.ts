/**
 * One row of Ofsted's file → the inspections it describes, with the problems found. Pure.
 *
 * Each group of columns (columns.ts) with a start date gives one inspection. Its framework is read
 * from the row, not from the file's edition: an ungraded inspection is 'ungraded'; a graded one is
 * framed by its start date (frameworkForGradedInspection), and its grades must fit that framework —
 * report-card words only from 10 November 2025, 1–4 codes only before, and an overall grade only
 * before September 2024. A row where they disagree is an error (the date or the columns are wrong,
 * and guessing would store a grade under the wrong scale).
 *
 * Judgements are stored as (area, grade, grade date) exactly as the source gives them, with the area
 * names of vocabulary.ts: OEIF / interim grades as their codes '1'–'4', safeguarding 'Yes' / 'No';
 * report-card grades as Ofsted's words ('Strong standard', safeguarding 'Met' / 'Not met'). A cell
 * that says there is no grade — 9, Not applicable, Not judged — is stored as given too (so a 2024–25
 * inspection keeps its overall "Not judged"); it is never read as a grade, and no overall grade is
 * ever invented. Only a blank or NULL cell gives no row. Such cells do not decide the framework: an
 * inspection is framed by the grades it has, else by its date.
 * Grade dates: report-card areas carry their own "… - date of grade"; OEIF files give none, and a
 * legacy grade dates from its inspection, so its grade date is the inspection start date.
 */
import {
  categoryOfConcern,
  frameworkForGradedInspection,
  normaliseOeifGrade,
  normaliseReportCardAreaGrade,
} from '@shared/domain/ofsted';
import {
  OEIF_AREAS,
  OFSTED_FRAMEWORKS,
  REPORT_CARD_AREAS,
  REPORT_CARD_START,
  NO_OVERALL_GRADE_FROM,
  type OfstedFramework,
} from '@shared/domain/vocabulary';
import { describeColumn, type Column, type GroupColumns, type GroupKind, type OeifAreaKey, type OfstedColumns, type ReportCardAreaKey } from './columns';
import { cleanText, collapseSpaces, isBlank, parseOfstedDate, parseUrn, ukDate } from './values';
import type { SheetRow } from './read';

export interface MappedJudgement {
  area: string;
  grade: string;
  gradeDate: string | null;
}

export interface MappedInspection {
  urn: string;
  /** Which group of columns it came from. */
  group: GroupKind;
  inspectionNumber: string | null;
  startDate: string;
  publicationDate: string | null;
  inspectionType: string | null;
  framework: OfstedFramework;
  categoryOfConcern: string | null;
  outcomeText: string | null;
  /** The URN the school had at the inspection, when it differs from the row's URN (a predecessor school). */
  urnAtInspection: string | null;
  judgements: MappedJudgement[];
}

export type Severity = 'error' | 'warning';

export interface RowIssue {
  severity: Severity;
  row: number;
  column: string | null;
  urn: string | null;
  message: string;
}

export interface MappedRow {
  row: number;
  /** Null when the row's URN cell is not a URN (an error is reported). */
  urn: string | null;
  name: string | null;
  blank: boolean;
  inspections: MappedInspection[];
  issues: RowIssue[];
}

/** The row's cells joined, to tell an exact repeat from a conflicting one (computed only when a URN repeats). */
export function rowSignature(cells: readonly string[]): string {
  return cells.map((c) => c.trim()).join('\u0001').replace(/\u0001+$/, '');
}

/** Words that mean "no judgement here" in a grade cell (besides blank and NULL). */
const NO_JUDGEMENT_WORDS = new Set(['9', 'not applicable', 'n/a', 'not judged']);
const SAFEGUARDING_YES_NO: Readonly<Record<string, string>> = { yes: 'Yes', no: 'No' };

function wordKey(text: string): string {
  return collapseSpaces(text).toLowerCase();
}

function holdsJudgement(raw: string | undefined): boolean {
  return !isBlank(raw) && !NO_JUDGEMENT_WORDS.has(wordKey(raw!));
}

/** The store's unique key of an inspection: URN, start date, framework. */
export function keyOf(i: { urn: string; startDate: string; framework: string }): string {
  return `${i.urn}|${i.startDate}|${i.framework}`;
}

const FRAMEWORK_NAMES: Readonly<Record<OfstedFramework, string>> = {
  oeif: 'OEIF',
  interim_2024: 'interim (2024–25)',
  report_card: 'report-card',
  ungraded: 'ungraded',
};

export function mapRow(columns: OfstedColumns, sheetRow: SheetRow): MappedRow {
  const { cells, row } = sheetRow;
  const cell = (c: Column | null | undefined): string | undefined => (c ? cells[c.index] : undefined);
  const blank = cells.every((c) => c === '' || c.trim() === '');
  const name = cleanText(cell(columns.name));
  // Each result is written out whole (not spread from a shared part): a national file maps 25,000 rows.
  if (blank) return { row, name, urn: null, blank: true, inspections: [], issues: [] };

  const issues: RowIssue[] = [];
  const parsedUrn = parseUrn(cell(columns.urn));
  if (!parsedUrn.ok) {
    issues.push({ severity: 'error', row, column: describeColumn(columns.urn), urn: null, message: `${parsedUrn.reason}.` });
    return { row, name, urn: null, blank: false, inspections: [], issues };
  }
  const urn = parsedUrn.urn;
  const problem = (severity: Severity, column: Column | null, message: string): void => {
    issues.push({ severity, row, column: column ? describeColumn(column) : null, urn, message });
  };

  const inspections: MappedInspection[] = [];
  for (const group of columns.groups) {
    const inspection = mapGroup(group, urn, cell, problem);
    if (!inspection) continue;
    const twin = inspections.find((i) => keyOf(i) === keyOf(inspection));
    if (!twin) {
      inspections.push(inspection);
    } else if (JSON.stringify(twin.judgements) !== JSON.stringify(inspection.judgements)) {
      problem(
        'error',
        group.start,
        `the ${group.label} and another inspection in this row both start on ${ukDate(inspection.startDate)} (${FRAMEWORK_NAMES[inspection.framework]}) with different grades.`,
      );
    }
  }
  return { row, name, urn, blank: false, inspections, issues };
}

type Problem = (severity: Severity, column: Column | null, message: string) => void;

interface GroupEntries {
  oeifCols: [OeifAreaKey, Column][];
  rcCols: [ReportCardAreaKey, { grade: Column; date: Column | null }][];
}

/** A group's area columns as lists, made once per file rather than once per row. */
const groupEntries = new WeakMap<GroupColumns, GroupEntries>();
function entriesOf(group: GroupColumns): GroupEntries {
  let e = groupEntries.get(group);
  if (!e) {
    e = {
      oeifCols: Object.entries(group.oeif) as GroupEntries['oeifCols'],
      rcCols: Object.entries(group.reportCard) as GroupEntries['rcCols'],
    };
    groupEntries.set(group, e);
  }
  return e;
}

function mapGroup(
  group: GroupColumns,
  urn: string,
  cell: (c: Column | null | undefined) => string | undefined,
  problem: Problem,
): MappedInspection | null {
  const { oeifCols, rcCols } = entriesOf(group);
  const oeifGiven = oeifCols.filter(([, c]) => holdsJudgement(cell(c)));
  const rcGiven = rcCols.filter(([, c]) => holdsJudgement(cell(c.grade)));
  const outcome = cleanText(cell(group.outcome));

  const startRaw = cell(group.start);
  if (isBlank(startRaw)) {
    const given = [...oeifGiven.map(([, c]) => c), ...rcGiven.map(([, c]) => c.grade), ...(outcome ? [group.outcome!] : [])];
    if (given.length > 0) {
      problem('error', group.start, `the ${group.label} has grades (${given.slice(0, 2).map(describeColumn).join(', ')}) but no start date.`);
    }
    return null;
  }
  const start = parseOfstedDate(startRaw!);
  if (!start.ok) {
    problem('error', group.start, `${start.reason}.`);
    return null;
  }
  const startDate = start.date;

  let publicationDate: string | null = null;
  const pubRaw = cell(group.publication);
  if (!isBlank(pubRaw)) {
    const pub = parseOfstedDate(pubRaw!);
    if (pub.ok) publicationDate = pub.date;
    else problem('error', group.publication, `${pub.reason}.`);
  }

  const urnAtTime = parseUrn(cell(group.urnAtTime));
  const category = cleanText(cell(group.category));
  if (category !== null && categoryOfConcern(category) === null) {
    problem('warning', group.category, `"${category}" is not a category of concern this app knows (Special measures, Serious weaknesses); it is kept as given.`);
  }

  const inspection: MappedInspection = {
    urn,
    group: group.kind,
    inspectionNumber: cleanText(cell(group.number)),
    startDate,
    publicationDate,
    inspectionType: cleanText(cell(group.type)),
    framework: OFSTED_FRAMEWORKS.ungraded,
    categoryOfConcern: category,
    outcomeText: null,
    urnAtInspection: urnAtTime.ok && urnAtTime.urn !== urn ? urnAtTime.urn : null,
    judgements: [],
  };

  if (group.kind === 'ungraded') {
    inspection.outcomeText = outcome;
    return inspection;
  }

  const byDate = frameworkForGradedInspection(startDate);
  if (oeifGiven.length > 0 && rcGiven.length > 0) {
    problem('error', group.start, `the ${group.label} has both report-card grades and 1–4 grades: which framework it was is unclear.`);
    return null;
  }
  if (rcGiven.length > 0 || (oeifGiven.length === 0 && byDate === OFSTED_FRAMEWORKS.reportCard)) {
    if (rcGiven.length > 0 && byDate !== OFSTED_FRAMEWORKS.reportCard) {
      problem(
        'error',
        group.start,
        `report-card grades (${describeColumn(rcGiven[0]![1].grade)}) but the inspection started on ${ukDate(startDate)}, before report cards began on ${ukDate(REPORT_CARD_START)}.`,
      );
      return null;
    }
    inspection.framework = OFSTED_FRAMEWORKS.reportCard;
    inspection.judgements = reportCardJudgements(rcCols, startDate, cell, problem);
    return inspection;
  }
  if (oeifGiven.length > 0 && byDate === OFSTED_FRAMEWORKS.reportCard) {
    problem(
      'error',
      group.start,
      `1–4 grades (${describeColumn(oeifGiven[0]![1])}) but the inspection started on ${ukDate(startDate)}, after report cards replaced them on ${ukDate(REPORT_CARD_START)}.`,
    );
    return null;
  }
  inspection.framework = byDate;
  inspection.judgements = oeifJudgements(oeifCols, byDate, startDate, cell, problem);
  return inspection;
}

function oeifJudgements(
  cols: [OeifAreaKey, Column][],
  framework: OfstedFramework,
  startDate: string,
  cell: (c: Column) => string | undefined,
  problem: Problem,
): MappedJudgement[] {
  const out: MappedJudgement[] = [];
  for (const [area, column] of cols) {
    const raw = cell(column);
    if (isBlank(raw)) continue;
    if (!holdsJudgement(raw)) {
      // 9, Not applicable, Not judged: stored as given, never read as a grade.
      out.push({ area: OEIF_AREAS[area], grade: collapseSpaces(raw!), gradeDate: startDate });
      if (area === 'overall' && framework === OFSTED_FRAMEWORKS.oeif && normaliseOeifGrade(raw).kind === 'not_judged') {
        problem('warning', column, `overall effectiveness is "Not judged" for an inspection of ${ukDate(startDate)}, before September 2024; it is stored as given, with no overall grade.`);
      }
      continue;
    }
    if (area === 'safeguarding') {
      const yesNo = SAFEGUARDING_YES_NO[wordKey(raw!)];
      if (yesNo) out.push({ area: OEIF_AREAS.safeguarding, grade: yesNo, gradeDate: startDate });
      else problem('error', column, `"${raw!.trim()}" is not a safeguarding judgement (expected Yes, No, 9 or NULL).`);
      continue;
    }
    const g = normaliseOeifGrade(raw);
    switch (g.kind) {
      case 'grade':
        if (area === 'overall' && framework !== OFSTED_FRAMEWORKS.oeif) {
          problem(
            'error',
            column,
            `an inspection that started on ${ukDate(startDate)} has no overall effectiveness grade (none is given from ${ukDate(NO_OVERALL_GRADE_FROM)}), but the file gives "${g.code}".`,
          );
          break;
        }
        out.push({ area: OEIF_AREAS[area], grade: g.code, gradeDate: startDate });
        break;
      case 'not_judged':
      case 'not_applicable':
      case 'missing':
        break;
      case 'invalid':
        problem('error', column, `"${g.raw.trim()}" is not a grade (expected 1, 2, 3, 4, 9 or NULL).`);
        break;
    }
  }
  return out;
}

function reportCardJudgements(
  cols: [ReportCardAreaKey, { grade: Column; date: Column | null }][],
  startDate: string,
  cell: (c: Column | null) => string | undefined,
  problem: Problem,
): MappedJudgement[] {
  const out: MappedJudgement[] = [];
  for (const [key, c] of cols) {
    const raw = cell(c.grade);
    if (isBlank(raw)) continue;
    const area = REPORT_CARD_AREAS[key];
    if (!holdsJudgement(raw)) {
      // Not applicable (an area the school does not have), 9, Not judged: stored as given, never read as a grade.
      const d = isBlank(cell(c.date)) ? null : parseOfstedDate(cell(c.date)!);
      out.push({ area, grade: collapseSpaces(raw!), gradeDate: d?.ok ? d.date : startDate });
      continue;
    }
    const g = normaliseReportCardAreaGrade(area, raw);
    let grade: string;
    if (g.kind === 'grade') grade = g.grade;
    else if (g.kind === 'safeguarding') grade = g.outcome;
    else {
      const expected =
        key === 'safeguarding' ? 'Met or Not met' : 'Exceptional, Strong standard, Expected standard, Needs attention or Urgent improvement';
      problem('error', c.grade, `"${raw!.trim()}" is not a report-card grade for ${area} (expected ${expected}).`);
      continue;
    }
    let gradeDate = startDate;
    const dateRaw = cell(c.date);
    if (isBlank(dateRaw)) {
      problem('warning', c.date ?? c.grade, `${area} is graded "${grade}" without a date of grade; the inspection start date ${ukDate(startDate)} is used.`);
    } else {
      const d = parseOfstedDate(dateRaw!);
      if (!d.ok) {
        problem('error', c.date, `${d.reason}.`);
        continue;
      }
      gradeDate = d.date;
    }
    out.push({ area, grade, gradeDate });
  }
  return out;
}
