import ExcelJS from 'exceljs';
import type { CallPack, PackTimelineItem, PackWorkbookFile } from '@shared/contract/calls';
import { CALL_KIND_LABELS } from '@shared/domain/calls';
import { MoneyDecimal } from '@shared/domain/money';
import { longDate } from '@shared/domain/reconciliation';
import { isSupportOpen } from '@shared/domain/support';

/**
 * The call pack as a workbook (issue 8, point 4): one sheet per part of the pack, each a table with a
 * bold, frozen, filterable header, set widths, wrapped text, real dates and £ amounts.
 *
 * **Decision** on formula injection (as the roll error report): every text cell is written as a
 * string cell, never as a formula, so notes or names such as "=HYPERLINK(…)" stay text.
 */

type Kind = 'text' | 'long' | 'date' | 'money' | 'int' | 'yesno';
interface Column<T> {
  header: string;
  kind: Kind;
  width: number;
  value(row: T): string | number | boolean | null;
}

const DATE_FORMAT = 'd mmm yyyy';
const MONEY_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';
/** Printed landscape, one page wide, the header row repeated on every page. */
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

function excelDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

function pounds(pence: number): number {
  return new MoneyDecimal(pence).dividedBy(100).toNumber();
}

function cellValue(kind: Kind, v: string | number | boolean | null): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  switch (kind) {
    case 'date':
      return typeof v === 'string' ? excelDate(v) : null;
    case 'money':
      return typeof v === 'number' ? pounds(v) : null;
    case 'int':
      return typeof v === 'number' ? v : Number(v);
    case 'yesno':
      return v ? 'Yes' : 'No';
    default:
      return String(v);
  }
}

/**
 * Wrapped text needs a row tall enough: LibreOffice (and Excel for rows it did not lay out) keeps the
 * default height, so each row gets a height from its longest wrapped cell (about one character per
 * unit of column width).
 */
function fitRowHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    if (typeof cell.value !== 'string') return;
    const width = Math.max(4, (widths[col - 1] ?? 10) - 1);
    const needed = cell.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / width)), 0);
    lines = Math.max(lines, needed);
  });
  if (lines > 1) row.height = Math.min(409, 15 * lines);
}

function addTable<T>(workbook: ExcelJS.Workbook, name: string, columns: Column<T>[], rows: readonly T[], empty: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PAGE_SETUP });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    if (c.kind === 'date') col.numFmt = DATE_FORMAT;
    if (c.kind === 'money') col.numFmt = MONEY_FORMAT;
  });
  if (rows.length === 0) {
    sheet.addRow([empty]).font = { italic: true, color: { argb: 'FF667085' } };
    return sheet;
  }
  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => cellValue(c.kind, c.value(row))));
    added.alignment = { vertical: 'top', wrapText: true };
    fitRowHeight(added, columns.map((c) => c.width));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

function summaryRows(pack: CallPack): [string, string | number | Date | null, Kind][] {
  const f = pack.funding;
  const status = (k: 'hub_manager' | 'senior_partner') => {
    const s = pack.callStatus[k];
    const when = s.heldOn.length > 0 ? ` on ${s.heldOn.map(longDate).join(', ')}` : ` by ${longDate(s.dueBy)}`;
    return `${s.status[0]!.toUpperCase()}${s.status.slice(1)}${when}${s.notReached.length > 0 ? `; not on a call yet: ${s.notReached.join(', ')}` : ''}`;
  };
  return [
    ['Hub', pack.hub.name, 'text'],
    ['Term', `${pack.term.label} (${pack.term.membershipYear})`, 'text'],
    ['Pack as at', pack.asAt, 'date'],
    ['Changes since', pack.window.basis === 'last call' ? `the last call, ${longDate(pack.window.lastCall!.heldOn)}` : `the start of term, ${longDate(pack.term.start)}`, 'text'],
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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hubdesk';
  workbook.created = excelDate(pack.generatedOn);

  const summary = workbook.addWorksheet('Pack', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PAGE_SETUP });
  summary.columns = [{ header: 'Item', width: 30 }, { header: 'Value', width: 90 }];
  summary.getRow(1).font = { bold: true };
  summary.getRow(1).fill = HEADER_FILL;
  for (const [label, value, kind] of summaryRows(pack)) {
    const row = summary.addRow([label, cellValue(kind, value as string | number | null)]);
    row.getCell(1).font = { bold: true };
    row.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    fitRowHeight(row, [30, 90]);
    if (kind === 'date') row.getCell(2).numFmt = DATE_FORMAT;
    if (kind === 'money') row.getCell(2).numFmt = MONEY_FORMAT;
  }

  addTable<PackTimelineItem>(
    workbook,
    'Changes since last call',
    [
      { header: 'Date', kind: 'date', width: 13, value: (r) => r.date },
      { header: 'What', kind: 'text', width: 26, value: (r) => r.what },
      { header: 'School', kind: 'text', width: 36, value: (r) => r.school },
      { header: 'URN', kind: 'text', width: 9, value: (r) => r.urn },
      { header: 'Detail', kind: 'long', width: 90, value: (r) => r.detail },
    ],
    pack.timeline,
    'Nothing recorded changed since the last call.',
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
  );
  addTable(
    workbook,
    'Vulnerable schools',
    [
      { header: 'School', kind: 'text', width: 36, value: (r) => r.school },
      { header: 'URN', kind: 'text', width: 9, value: (r) => r.urn },
      { header: 'Flag dated', kind: 'date', width: 13, value: (r) => r.date },
      { header: 'New since last call', kind: 'yesno', width: 12, value: (r) => r.isNew },
      { header: 'Why', kind: 'long', width: 80, value: (r) => r.reasons.join(' ') },
    ],
    pack.vulnerable,
    'No school is flagged as vulnerable.',
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
      { header: 'New since last call', kind: 'yesno', width: 12, value: (r) => r.isNew },
      { header: 'Notes', kind: 'long', width: 50, value: (r) => r.notes },
    ],
    pack.supportRequests,
    'No support requests open or changed since the last call.',
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
  );
  addTable(
    workbook,
    'Meetings',
    [
      { header: 'Date', kind: 'date', width: 13, value: (r) => r.date },
      { header: 'Term', kind: 'text', width: 10, value: (r) => r.term },
      { header: 'Format', kind: 'text', width: 12, value: (r) => r.format },
      { header: 'Held', kind: 'yesno', width: 7, value: (r) => r.past },
      { header: 'Schools attending', kind: 'int', width: 10, value: (r) => (r.past ? r.attended : null) },
      { header: 'Recorded', kind: 'int', width: 10, value: (r) => (r.past ? r.recorded : null) },
      { header: 'Absent', kind: 'long', width: 70, value: (r) => r.absent.join('; ') },
    ],
    pack.meetings,
    'No meeting dates recorded for the year.',
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
  );

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const safeHub = pack.hub.name.replace(/[^A-Za-z0-9 -]+/g, '').trim().replace(/\s+/g, ' ');
  return { fileName: `${safeHub} - call pack ${pack.term.id}.xlsx`, contentBase64: buffer.toString('base64') };
}
