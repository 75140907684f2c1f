import type { DashboardInspection, HubDashboardSchool } from '@shared/contract/dashboards';
import { finishSheet, noteLine, writeTable, type Column } from '../table';
import { WIDTHS } from '../style';
import type { HubSheetContext } from './types';
import { writeSources } from './notes';
import { addSheet } from '../excel-limits';

/** One line of the Ofsted sheet: one grade (or outcome) of a school's latest inspection, with its date. */
interface OfstedLine {
  school: HubDashboardSchool;
  inspection: DashboardInspection | null;
  area: string;
  grade: string | null;
  label: string | null;
  gradeDate: string | null;
}

function linesOf(school: HubDashboardSchool): OfstedLine[] {
  const { latestGraded, laterUngraded } = school.ofsted;
  const lines: OfstedLine[] = [];
  if (latestGraded) {
    const o = latestGraded.overall;
    // The overall line says what the framework gives: an OEIF grade, or why there is none — never an invented grade.
    lines.push({ school, inspection: latestGraded, area: 'Overall effectiveness', grade: o.code ?? o.label, label: o.label, gradeDate: o.date });
    for (const j of latestGraded.judgements) lines.push({ school, inspection: latestGraded, area: j.area, grade: j.grade, label: j.label, gradeDate: j.date });
  }
  if (laterUngraded) {
    lines.push({
      school,
      inspection: laterUngraded,
      area: 'Outcome of a later ungraded inspection',
      grade: laterUngraded.outcomeText,
      label: laterUngraded.outcomeText ?? 'Outcome not recorded',
      gradeDate: laterUngraded.startDate,
    });
  }
  if (lines.length === 0) lines.push({ school, inspection: null, area: 'No inspection recorded', grade: null, label: null, gradeDate: null });
  return lines;
}

/** Ofsted: each school's latest graded inspection, one row per judgement with its date and framework. */
export function addOfstedSheet(c: HubSheetContext): void {
  const ws = addSheet(c.wb, c.names.Ofsted);
  const columns: Column<OfstedLine>[] = [
    { header: 'School', kind: 'text', width: WIDTHS.name, get: (l) => l.school.name },
    { header: 'URN', kind: 'text', width: WIDTHS.urn, get: (l) => l.school.urn },
    { header: 'Framework', kind: 'text', width: 34, get: (l) => l.inspection?.frameworkLabel },
    { header: 'Inspection type', kind: 'text', width: 20, get: (l) => l.inspection?.inspectionType },
    { header: 'Inspection date', kind: 'date', get: (l) => l.inspection?.startDate },
    { header: 'Published', kind: 'date', get: (l) => l.inspection?.publicationDate },
    { header: 'Judgement', kind: 'text', width: 34, get: (l) => l.area },
    { header: 'Grade', kind: 'grade', width: 30, get: (l) => l.grade, label: (l) => l.label },
    { header: 'Grade date', kind: 'date', get: (l) => l.gradeDate },
    { header: 'Category of concern', kind: 'grade', width: 20, get: (l) => l.inspection?.categoryOfConcern },
    { header: 'Source', kind: 'text', width: 30, get: (l) => l.inspection?.source },
    { header: 'Source as at', kind: 'date', get: (l) => l.inspection?.sourceAsAt },
  ];
  const lines = c.data.dashboard.schools.flatMap(linesOf);
  const table = writeTable(ws, 1, columns, lines);
  let row = table.lastRow + 2;
  noteLine(ws, row++, 'Grades exactly as Ofsted gives them, each with the date it dates from. Inspections from September 2024 have no overall effectiveness grade; none is invented.');
  writeSources(ws, row, c.data.dashboard.sources.ofsted);
  finishSheet(ws, { table, printTitle: c.printTitle });
}
