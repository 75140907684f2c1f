import type ExcelJS from 'exceljs';
import type { CallPack, PackTimelineItem, PackWorkbookFile } from '@shared/contract/calls';
import { CALL_KIND_LABELS } from '@shared/domain/calls';
import { longDate } from '@shared/domain/reconciliation';
import { isSupportOpen } from '@shared/domain/support';
import { excelDate, putCount, putDate, putMoney, putText, putYesNo } from '../exports/cells';
import { finishSheet, fitRowHeights, noteLine, styleHeaderRow } from '../exports/table';
import { font } from '../exports/style';
import { newWorkbook, workbookBytes } from '../exports/workbook';
import { addSheet } from '../exports/excel-limits';

/**
 * The call pack as a workbook: one sheet per part of the pack, each a table with a
 * bold, frozen, filterable header, set widths, wrapped text, real dates and £ amounts — written with
 * the exports' cell writers (exports/cells.ts), so money, dates and text (never a formula: notes such
 * as "=HYPERLINK(…)" stay text) are written as in every other workbook hubdesk makes.
 */

type Kind = 'text' | 'long' | 'date' | 'money' | 'int' | 'yesno';
interface Column<T> {
  header: string;
  kind: Kind;
  width: number;
  value(row: T): string | number | boolean | null;
}

/** One value by its kind, through the shared cell writers. */
function putValue(cell: ExcelJS.Cell, kind: Kind, v: string | number | boolean | null): void {
  if (v === null || v === '') return;
  switch (kind) {
    case 'date':
      if (typeof v === 'string') putDate(cell, v);
      return;
    case 'money':
      if (typeof v === 'number') putMoney(cell, v);
      return;
    case 'int':
      putCount(cell, typeof v === 'number' ? v : Number(v));
      return;
    case 'yesno':
      putYesNo(cell, Boolean(v));
      return;
    default:
      putText(cell, String(v));
  }
}

/** A sheet whose first row is the header of `headers`, with the widths given. */
function sheetWithHeader(workbook: ExcelJS.Workbook, name: string, headers: readonly { header: string; width: number }[]): ExcelJS.Worksheet {
  const sheet = addSheet(workbook, name);
  // The row's own style too (not only its cells'), so a reader styling the whole row sees it bold.
  sheet.getRow(1).font = font({ bold: true });
  headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = h.width;
    putText(sheet.getCell(1, i + 1), h.header);
  });
  styleHeaderRow(sheet, 1, headers.length);
  return sheet;
}

/** A new row whose cells wrap and sit at the top (set before its cells are written, which inherit it). */
function wrappedRow(sheet: ExcelJS.Worksheet, n: number): ExcelJS.Row {
  const row = sheet.getRow(n);
  row.alignment = { vertical: 'top', wrapText: true };
  return row;
}

function addTable<T>(workbook: ExcelJS.Workbook, name: string, columns: Column<T>[], rows: readonly T[], empty: string, printTitle: string): ExcelJS.Worksheet {
  const sheet = sheetWithHeader(workbook, name, columns);
  rows.forEach((item, i) => {
    const row = wrappedRow(sheet, i + 2);
    columns.forEach((c, col) => putValue(row.getCell(col + 1), c.kind, c.value(item)));
  });
  if (rows.length === 0) noteLine(sheet, 2, empty);
  fitRowHeights(sheet, 2, rows.length + 1);
  finishSheet(sheet, { table: { headerRow: 1, firstDataRow: 2, lastDataRow: rows.length + 1, lastRow: rows.length + 1, lastColumn: columns.length }, printTitle });
  return sheet;
}

/** The header of the "new" columns: new since the last call of the pack's kind, or this term when there was none. */
function newHeader(pack: CallPack): string {
  return pack.window.basis === 'last call' ? 'New since last call' : 'New this term';
}

function summaryRows(pack: CallPack): [string, string | number | null, Kind][] {
  const f = pack.funding;
  const status = (k: 'hub_manager' | 'senior_partner') => {
    const s = pack.callStatus[k];
    const when = s.heldOn.length > 0 ? ` on ${s.heldOn.map(longDate).join(', ')}` : ` by ${longDate(s.dueBy)}`;
    return `${s.status[0]!.toUpperCase()}${s.status.slice(1)}${when}${s.notReached.length > 0 ? `; not on a call yet: ${s.notReached.join(', ')}` : ''}`;
  };
  return [
    ['Hub', pack.hub.name, 'text'],
    ['Pack for', `The ${CALL_KIND_LABELS[pack.kind]} call`, 'text'],
    ['Term', `${pack.term.label} (${pack.term.membershipYear})`, 'text'],
    ['Pack as at', pack.asAt, 'date'],
    ['Changes', pack.window.label, 'text'],
    ['Senior Partner', pack.hub.seniorPartner, 'text'],
    ['Hub Managers', pack.hub.hubManagers.map((m) => m.name).join(', '), 'text'],
    ['Memberships Manager', pack.hub.membershipsManager, 'text'],
    [`${CALL_KIND_LABELS.hub_manager} call this term`, status('hub_manager'), 'text'],
    [`${CALL_KIND_LABELS.senior_partner} call this term`, status('senior_partner'), 'text'],
    ['Total available', f.totalAvailablePence, 'money'],
    ['Planned', f.plannedPence, 'money'],
    ['Released (paid claims)', f.releasedPence, 'money'],
    ['Remaining', f.remainingPence, 'money'],
    ['Claims awaiting payment', f.awaitingPaymentPence, 'money'],
    ['Release conditions', f.releaseMet ? 'All met' : f.conditionsMissing.map((c) => `${c.label}: ${c.detail}`).join(' '), 'text'],
    ['Open actions', pack.openActions.length, 'int'],
    ['Open support requests', pack.supportRequests.filter((r) => isSupportOpen(r.status)).length, 'int'],
  ];
}

export async function buildPackWorkbook(pack: CallPack): Promise<PackWorkbookFile> {
  const printTitle = `${pack.hub.name} · call pack · ${pack.term.label}`;
  const workbook = await newWorkbook(`${pack.hub.name} — call pack ${pack.term.label}`, excelDate(pack.generatedOn));

  const summary = sheetWithHeader(workbook, 'Pack', [
    { header: 'Item', width: 30 },
    { header: 'Value', width: 90 },
  ]);
  const items = summaryRows(pack);
  items.forEach(([label, value, kind], i) => {
    const row = wrappedRow(summary, i + 2);
    row.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    putText(row.getCell(1), label);
    row.getCell(1).font = font({ bold: true });
    putValue(row.getCell(2), kind, value);
    // Amounts and counts read left like the texts beside them in this two-column list.
    row.getCell(2).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  });
  fitRowHeights(summary, 2, items.length + 1);
  finishSheet(summary, { table: { headerRow: 1, firstDataRow: 2, lastDataRow: items.length + 1, lastRow: items.length + 1, lastColumn: 2 }, printTitle, autoFilter: false });

  addTable<PackTimelineItem>(
    workbook,
    'What changed',
    [
      { header: 'Date', kind: 'date', width: 13, value: (r) => r.date },
      { header: 'What', kind: 'text', width: 26, value: (r) => r.what },
      { header: 'School', kind: 'text', width: 36, value: (r) => r.school },
      { header: 'URN', kind: 'text', width: 9, value: (r) => r.urn },
      { header: 'Detail', kind: 'long', width: 90, value: (r) => r.detail },
    ],
    pack.timeline,
    `Nothing recorded changed ${pack.window.label}.`,
    printTitle,
  );
  addTable(
    workbook,
    'Reviews coming up',
    [
      { header: 'Starts', kind: 'date', width: 13, value: (r) => r.date },
      { header: 'Ends', kind: 'date', width: 13, value: (r) => r.endDate },
      { header: 'School', kind: 'text', width: 36, value: (r) => r.school },
      { header: 'Lead reviewer', kind: 'text', width: 22, value: (r) => r.leadReviewer },
      { header: 'Team size', kind: 'int', width: 10, value: (r) => r.teamSize },
      { header: 'Filled', kind: 'int', width: 8, value: (r) => r.filled },
      { header: 'Open places', kind: 'int', width: 11, value: (r) => r.openPlaces },
      { header: 'Reviewers', kind: 'long', width: 70, value: (r) => r.reviewers.map((x) => `${x.name} (${x.homeSchool}, ${x.status})`).join('; ') },
    ],
    pack.reviewsComingUp,
    'No reviews coming up this membership year.',
    printTitle,
  );
  addTable(
    workbook,
    'Reviewer commitments',
    [
      { header: 'School', kind: 'text', width: 36, value: (r) => r.school },
      { header: 'URN', kind: 'text', width: 9, value: (r) => r.urn },
      { header: 'Owed', kind: 'int', width: 8, value: (r) => r.owed },
      { header: 'Attended', kind: 'int', width: 10, value: (r) => r.attended },
      { header: 'Booked', kind: 'int', width: 9, value: (r) => r.booked },
      { header: 'Dropped', kind: 'int', width: 9, value: (r) => r.dropped },
      { header: 'Shortfall', kind: 'int', width: 10, value: (r) => r.shortfall },
      { header: 'Status', kind: 'text', width: 11, value: (r) => r.status },
    ],
    pack.reviewers,
    'No member schools this year.',
    printTitle,
  );
  addTable(
    workbook,
    'Drop-outs to replace',
    [
      { header: 'Review starts', kind: 'date', width: 13, value: (r) => r.date },
      { header: 'Reviewer', kind: 'text', width: 24, value: (r) => r.reviewer },
      { header: 'From school', kind: 'text', width: 36, value: (r) => r.homeSchool },
      { header: 'Review of', kind: 'text', width: 36, value: (r) => r.hostSchool },
      { header: 'Place', kind: 'text', width: 18, value: (r) => r.side },
    ],
    pack.dropOuts,
    'No drop-outs waiting for a replacement.',
    printTitle,
  );
  addTable(
    workbook,
    'Vulnerable schools',
    [
      { header: 'School', kind: 'text', width: 36, value: (r) => r.school },
      { header: 'URN', kind: 'text', width: 9, value: (r) => r.urn },
      { header: 'Flag dated', kind: 'date', width: 13, value: (r) => r.date },
      { header: newHeader(pack), kind: 'yesno', width: 12, value: (r) => r.isNew },
      { header: 'Why', kind: 'long', width: 80, value: (r) => r.reasons.join(' ') },
    ],
    pack.vulnerable,
    'No school is flagged as vulnerable.',
    printTitle,
  );
  addTable(
    workbook,
    'Support requests',
    [
      { header: 'Requested', kind: 'date', width: 13, value: (r) => r.date },
      { header: 'School', kind: 'text', width: 36, value: (r) => r.school },
      { header: 'URN', kind: 'text', width: 9, value: (r) => r.urn },
      { header: 'Area of support', kind: 'long', width: 50, value: (r) => r.area },
      { header: 'Status', kind: 'text', width: 12, value: (r) => r.status },
      { header: 'Brokered to', kind: 'text', width: 32, value: (r) => r.brokeredTo },
      { header: newHeader(pack), kind: 'yesno', width: 12, value: (r) => r.isNew },
      { header: 'Notes', kind: 'long', width: 50, value: (r) => r.notes },
    ],
    pack.supportRequests,
    `No support requests open or changed ${pack.window.label}.`,
    printTitle,
  );
  addTable(
    workbook,
    'Claims pending',
    [
      { header: 'Claimed on', kind: 'date', width: 13, value: (r) => r.date },
      { header: 'Amount', kind: 'money', width: 14, value: (r) => r.amountPence },
      { header: 'Invoice', kind: 'text', width: 16, value: (r) => r.invoiceRef },
      { header: 'Priority', kind: 'text', width: 30, value: (r) => r.priority },
      { header: 'Status', kind: 'text', width: 12, value: (r) => r.status },
    ],
    pack.funding.claimsPending,
    'No claims waiting for payment.',
    printTitle,
  );
  addTable(
    workbook,
    'Meetings',
    [
      { header: 'Date', kind: 'date', width: 13, value: (r) => r.date },
      { header: 'Term', kind: 'text', width: 10, value: (r) => r.term },
      { header: 'Format', kind: 'text', width: 12, value: (r) => r.format },
      { header: 'Held', kind: 'yesno', width: 7, value: (r) => r.past },
      { header: newHeader(pack), kind: 'yesno', width: 12, value: (r) => r.isNew },
      { header: 'Schools attending', kind: 'int', width: 10, value: (r) => (r.past ? r.attended : null) },
      { header: 'Recorded', kind: 'int', width: 10, value: (r) => (r.past ? r.recorded : null) },
      { header: 'Absent', kind: 'long', width: 70, value: (r) => r.absent.join('; ') },
    ],
    pack.meetings,
    'No meeting dates recorded for the year.',
    printTitle,
  );
  addTable(
    workbook,
    'Open actions',
    [
      { header: 'Agreed on', kind: 'date', width: 13, value: (r) => r.callHeldOn },
      { header: 'Call', kind: 'text', width: 15, value: (r) => CALL_KIND_LABELS[r.callKind] },
      { header: 'Action', kind: 'long', width: 60, value: (r) => r.text },
      { header: 'Owner', kind: 'text', width: 22, value: (r) => r.owner },
      { header: 'Due', kind: 'date', width: 13, value: (r) => r.dueOn },
      { header: 'Overdue', kind: 'yesno', width: 9, value: (r) => r.overdue },
    ],
    pack.openActions,
    'No open actions from earlier calls.',
    printTitle,
  );

  const buffer = await workbookBytes(workbook);
  const safeHub = pack.hub.name.replace(/[^A-Za-z0-9 -]+/g, '').trim().replace(/\s+/g, ' ');
  return { fileName: `${safeHub} - call pack ${pack.term.id}${pack.kind === 'senior_partner' ? ' (Senior Partner)' : ''}.xlsx`, contentBase64: buffer.toString('base64') };
}
