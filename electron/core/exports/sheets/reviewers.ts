import type { HubDashboardSchool } from '@shared/contract/dashboards';
import type { HubExportData } from '../hub-data';
import { finishSheet, noteLine, sectionTitle, writeTable, type Column } from '../table';
import { STATUS_COLOURS, WIDTHS } from '../style';
import type { HubSheetContext } from './types';
import { writeSources } from './notes';
import { addSheet } from '../excel-limits';

type Sent = HubExportData['reviewers'][number];

/** Reviewer commitments: each school's figures (the commitment rule's), then every reviewer sent and where. */
export function addReviewersSheet(c: HubSheetContext): void {
  const ws = addSheet(c.wb, c.names['Reviewer commitments']);
  const columns: Column<HubDashboardSchool>[] = [
    { header: 'School', kind: 'text', width: WIDTHS.name, get: (s) => s.name },
    { header: 'URN', kind: 'text', width: WIDTHS.urn, get: (s) => s.urn },
    { header: 'Phase', kind: 'text', width: WIDTHS.short, get: (s) => (s.reviewers.phaseAssumed ? `${s.phase ?? 'unknown'} (Primary column used)` : s.phase) },
    { header: 'Pupils', kind: 'count', width: 10, total: true, get: (s) => s.pupils },
    { header: 'Owed', kind: 'count', width: 8, total: true, get: (s) => s.reviewers.owed },
    { header: 'Attended', kind: 'count', width: 10, total: true, get: (s) => s.reviewers.attended },
    { header: 'Booked', kind: 'count', width: 9, total: true, get: (s) => s.reviewers.booked },
    { header: 'Awaiting confirmation', kind: 'count', width: 13, total: true, get: (s) => s.reviewers.awaitingConfirmation },
    { header: 'Dropped', kind: 'count', width: 9, total: true, get: (s) => s.reviewers.dropped },
    { header: 'Dropped, replaced', kind: 'count', width: 11, total: true, get: (s) => s.reviewers.droppedReplaced },
    { header: 'Not trained (not counted)', kind: 'count', width: 12, total: true, get: (s) => s.reviewers.notTrained },
    { header: 'Shortfall', kind: 'count', width: 10, total: true, get: (s) => s.reviewers.shortfall },
    { header: 'Status', kind: 'text', width: 11, get: (s) => s.reviewers.status, colour: (s) => STATUS_COLOURS[s.reviewers.status] },
    { header: 'Own review before a first attendance', kind: 'yesno', width: 14, tones: { yes: 'poor' }, get: (s) => s.reviewBeforeFirstAttendance.flagged },
    { header: 'Headteacher not yet trained', kind: 'yesno', width: 14, tones: { yes: 'mid' }, get: (s) => s.headteacherTraining.flagged },
  ];
  const table = writeTable(ws, 1, columns, c.data.dashboard.schools);
  let row = table.lastRow + 2;
  noteLine(ws, row++, 'Owed = the size of the school’s own review team. Met: attended ≥ owed; on track: attended + booked ≥ owed; behind otherwise.');
  noteLine(ws, row++, 'A reviewer counts only with a reviewer-training record dated on or before the review’s first day; one without is listed, marked not trained, and not counted.');
  row += 1;
  sectionTitle(ws, row++, `Reviewers sent in ${c.data.dashboard.year}`);
  const sentColumns: Column<Sent>[] = [
    { header: 'Home school', kind: 'text', get: (a) => a.homeSchool },
    { header: 'Reviewer', kind: 'text', get: (a) => a.reviewer },
    { header: 'Role', kind: 'text', get: (a) => a.role },
    { header: 'Review of', kind: 'text', get: (a) => a.hostSchool },
    { header: 'Review date', kind: 'date', get: (a) => a.reviewStart },
    { header: 'Status', kind: 'text', get: (a) => a.status },
    { header: 'Trained by the review', kind: 'yesno', width: 12, tones: { no: 'poor' }, get: (a) => (a.status === 'dropped' ? null : !a.notTrained) },
    { header: 'Replaced by', kind: 'text', get: (a) => a.replacedBy },
    { header: 'Replaces', kind: 'text', get: (a) => a.replaces },
  ];
  const sent = writeTable(ws, row, sentColumns, c.data.reviewers);
  row = sent.lastRow + 1;
  if (c.data.reviewers.length === 0) noteLine(ws, row++, 'No reviewer of these schools is booked or recorded this year.');
  writeSources(ws, row + 1, c.data.dashboard.sources.reviewers);
  // Further tables follow below: repeating the first one's header on every printed page would mislabel them.
  finishSheet(ws, { table, printTitle: c.printTitle, repeatHeader: false });
}
