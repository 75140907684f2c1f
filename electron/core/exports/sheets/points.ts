import type { SupportRequestRecord } from '@shared/contract/records';
import type { HubExportData } from '../hub-data';
import { finishSheet, noteLine, sectionTitle, writeTable, type Column } from '../table';
import { WIDTHS } from '../style';
import type { HubSheetContext } from './types';
import { writeSources } from './notes';
import { addSheet } from '../excel-limits';

type Point = HubExportData['points'][number];

/**
 * WWWs and EBIs: one row each, with its school and heading, from each school's latest review; then the
 * hub's open support requests (often on one of those EBIs) and who they were brokered to.
 */
export function addPointsSheet(c: HubSheetContext): void {
  const ws = addSheet(c.wb, c.names['WWWs and EBIs']);
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
  row = writeSources(ws, row, c.data.dashboard.sources.qa) + 1;

  sectionTitle(ws, row++, 'Open support requests');
  const requestColumns: Column<SupportRequestRecord>[] = [
    // Laid over the columns of the table above (widths only grow), the long text under its Heading column.
    { header: 'School', kind: 'text', width: WIDTHS.name, get: (r) => r.school },
    { header: 'Requested', kind: 'date', get: (r) => r.requestedOn },
    { header: 'Status', kind: 'text', width: 12, get: (r) => r.status },
    { header: 'On an EBI', kind: 'yesno', width: 10, get: (r) => r.ebiPointId !== null },
    { header: 'Brokered to', kind: 'long', width: 30, get: (r) => r.brokeredToSchool ?? (r.brokeredTo ? `${r.brokeredTo} (outside the network)` : null) },
    { header: 'Area of support', kind: 'long', width: 40, get: (r) => r.area },
  ];
  const requests = writeTable(ws, row, requestColumns, c.data.dashboard.supportRequests);
  row = requests.lastRow + 1;
  if (c.data.dashboard.supportRequests.length === 0) noteLine(ws, row++, 'No school in the hub has a support request open (open, brokered or in progress).');
  noteLine(ws, row + 1, 'Support requests are recorded in hubdesk by the memberships team; done and declined ones are not listed.');
  // A second table follows the first: repeating the first one's header on every printed page would mislabel it.
  finishSheet(ws, { table, printTitle: c.printTitle, repeatHeader: false });
}
