import type { DashboardInspection, HubDashboardSchool } from '@shared/contract/dashboards';
import { OEIF_AREAS, REPORT_CARD_AREAS } from '@shared/domain/vocabulary';
import { finishSheet, noteLine, writeTable, type Column } from '../table';
import { WIDTHS } from '../style';
import type { HubSheetContext } from './types';
import { writeSources } from './notes';
import { addSheet } from '../excel-limits';

/** One row of the Ofsted sheet: one inspection of a school (its latest graded one, or a later ungraded visit). */
interface InspectionLine {
  school: HubDashboardSchool;
  inspection: DashboardInspection | null;
  /** What the row is: 'Latest graded', 'Later ungraded visit', or 'No inspection recorded'. */
  which: string;
}

/** The areas as columns, in the frameworks' usual order; an area no row has gets no column. */
const AREA_ORDER: readonly string[] = [
  OEIF_AREAS.quality,
  OEIF_AREAS.behaviour,
  OEIF_AREAS.personal,
  OEIF_AREAS.leadership,
  OEIF_AREAS.earlyYears,
  OEIF_AREAS.sixthForm,
  OEIF_AREAS.safeguarding,
  REPORT_CARD_AREAS.inclusion,
  REPORT_CARD_AREAS.curriculum,
  REPORT_CARD_AREAS.achievement,
  REPORT_CARD_AREAS.attendance,
  REPORT_CARD_AREAS.personal,
  REPORT_CARD_AREAS.leadership,
  REPORT_CARD_AREAS.earlyYears,
  REPORT_CARD_AREAS.post16,
  REPORT_CARD_AREAS.safeguarding,
];

function linesOf(school: HubDashboardSchool): InspectionLine[] {
  const { latestGraded, laterUngraded } = school.ofsted;
  const lines: InspectionLine[] = [];
  if (latestGraded) lines.push({ school, inspection: latestGraded, which: 'Latest graded' });
  if (laterUngraded) lines.push({ school, inspection: laterUngraded, which: 'Later ungraded visit' });
  if (lines.length === 0) lines.push({ school, inspection: null, which: 'No inspection recorded' });
  return lines;
}

function areasOf(lines: readonly InspectionLine[]): string[] {
  const present = new Set(lines.flatMap((l) => l.inspection?.judgements.map((j) => j.area) ?? []));
  const known = AREA_ORDER.filter((a) => present.has(a));
  const others = [...present].filter((a) => !AREA_ORDER.includes(a));
  return [...known, ...others];
}

/** A grade's day when it differs from its inspection's (report-card areas carry their own): dd/mm/yyyy. */
function ownDate(date: string, inspection: DashboardInspection): string | null {
  return date === inspection.startDate ? null : `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * Ofsted: one row per inspection — each school's latest graded inspection, and a later ungraded visit
 * if there is one — with the areas as columns, the overall effectiveness only where the framework
 * gives one (never invented), and how the vulnerable-school rules read the inspection.
 */
export function addOfstedSheet(c: HubSheetContext): void {
  const ws = addSheet(c.wb, c.names.Ofsted);
  const lines = c.data.dashboard.schools.flatMap(linesOf);
  const areas = areasOf(lines);
  const grade = (l: InspectionLine, area: string) => l.inspection?.judgements.find((j) => j.area === area);
  const columns: Column<InspectionLine>[] = [
    { header: 'School', kind: 'text', width: WIDTHS.name, get: (l) => l.school.name },
    { header: 'URN', kind: 'text', width: WIDTHS.urn, get: (l) => l.school.urn },
    { header: 'Inspection', kind: 'text', width: 16, get: (l) => l.which },
    { header: 'Framework', kind: 'text', width: 24, get: (l) => l.inspection?.frameworkLabel },
    { header: 'Inspection date', kind: 'date', get: (l) => l.inspection?.startDate },
    { header: 'Published', kind: 'date', get: (l) => l.inspection?.publicationDate },
    {
      header: 'Overall effectiveness',
      kind: 'grade',
      width: 22,
      get: (l) => (l.inspection && l.inspection.framework !== 'ungraded' ? (l.inspection.overall.code ?? l.inspection.overall.label) : null),
      label: (l) => l.inspection?.overall.label,
    },
    { header: 'Category of concern', kind: 'grade', width: 16, get: (l) => l.inspection?.categoryOfConcern },
    ...areas.map(
      (area): Column<InspectionLine> => ({
        header: area,
        kind: 'grade',
        width: 16,
        get: (l) => grade(l, area)?.grade,
        label: (l) => {
          const g = grade(l, area);
          if (!g || !l.inspection) return null;
          const own = ownDate(g.date, l.inspection);
          return own ? `${g.label} (${own})` : g.label;
        },
      }),
    ),
    { header: 'Outcome (ungraded visit)', kind: 'long', width: 28, get: (l) => (l.inspection?.framework === 'ungraded' ? (l.inspection.outcomeText ?? 'Outcome not recorded') : null) },
    { header: 'Read as (vulnerable-school rules)', kind: 'long', width: 34, get: (l) => l.inspection?.reading?.label },
    { header: 'Source', kind: 'text', width: 26, get: (l) => l.inspection?.source },
    { header: 'Source as at', kind: 'date', get: (l) => l.inspection?.sourceAsAt },
  ];
  const table = writeTable(ws, 1, columns, lines);
  let row = table.lastRow + 2;
  noteLine(ws, row++, 'Grades exactly as Ofsted gives them; each dates from its inspection unless a date is shown beside it. Inspections from September 2024 have no overall effectiveness grade; none is invented.');
  noteLine(ws, row++, '“Read as” is how the vulnerable-school rules read the inspection (overall grade to August 2024, quality of education 2024–25, report-card areas since), so you can disagree.');
  writeSources(ws, row, c.data.dashboard.sources.ofsted);
  finishSheet(ws, { table, printTitle: c.printTitle });
}
