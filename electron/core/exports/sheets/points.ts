import type { HubExportData } from '../hub-data';
import { finishSheet, noteLine, writeTable, type Column } from '../table';
import { WIDTHS } from '../style';
import type { HubSheetContext } from './types';
import { writeSources } from './notes';

type Point = HubExportData['points'][number];

/** WWWs and EBIs: one row each, with its school and heading, from each school's latest review. */
export function addPointsSheet(c: HubSheetContext): void {
  const ws = c.wb.addWorksheet(c.names['WWWs and EBIs']);
  const columns: Column<Point>[] = [
    { header: 'School', kind: 'text', width: WIDTHS.name, get: (p) => p.school },
    { header: 'URN', kind: 'text', width: WIDTHS.urn, get: (p) => p.urn },
    { header: 'Review date', kind: 'date', get: (p) => p.reviewStart },
    { header: 'Review year', kind: 'text', width: 10, get: (p) => p.year },
    { header: 'WWW or EBI', kind: 'text', width: 10, get: (p) => p.kind },
    { header: 'Heading', kind: 'text', width: 40, get: (p) => p.heading },
    { header: 'Text', kind: 'long', width: 90, get: (p) => p.text },
  ];
  const table = writeTable(ws, 1, columns, c.data.points);
  let row = table.lastRow + 2;
  if (c.data.points.length === 0) noteLine(ws, row++, 'No WWWs or EBIs are recorded for these schools’ latest reviews.');
  noteLine(ws, row++, 'WWW = What Went Well; EBI = Even Better If. From each school’s latest QA Review with outcomes.');
  writeSources(ws, row, c.data.dashboard.sources.qa);
  finishSheet(ws, { table, printTitle: c.printTitle });
}
