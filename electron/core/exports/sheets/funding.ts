import type { FundingSchoolRow, ClaimView, HubFundingDetail, PlanLineView } from '@shared/contract/funding';
import { figuresSideBySide } from '@shared/domain/funding-lock';
import { longDate } from '@shared/domain/reconciliation';
import type { Worksheet } from 'exceljs';
import { putCount, putMoney, putText, putYesNo, toneFill } from '../cells';
import { finishSheet, fitRowHeights, noteLine, sectionTitle, styleHeaderRow, writeTable, type Column } from '../table';
import { COLOURS, font, WIDTHS } from '../style';
import type { HubSheetContext } from './types';
import { writeSources } from './notes';
import { addSheet } from '../excel-limits';

/**
 * The year's figures, each saying which it is: for a locked hub the locked figures (in force) and the
 * live ones (the roll today) side by side with the difference, each set with its own explanation; for
 * a hub not locked, the live figures. Returns the next free row.
 */
function writeFigures(ws: Worksheet, start: number, f: HubFundingDetail): number {
  let row = start;
  const locked = f.locked;
  sectionTitle(ws, row++, locked ? `Funding ${f.year}: locked figures in force, beside the live figures` : `Funding ${f.year}: live figures (not locked)`);
  if (locked) noteLine(ws, row++, `Locked by ${locked.lockedBy} on ${longDate(locked.lockedAt.slice(0, 10))}. The locked figures are in force; the live figures are what the roll gives today.`);
  const headers = locked ? ['Figure', 'Locked (in force)', 'Live (roll today)', 'Difference (live − locked)'] : ['Figure', 'Live (roll today)'];
  headers.forEach((h, i) => putText(ws.getCell(row, i + 1), h));
  styleHeaderRow(ws, row, headers.length);
  fitRowHeights(ws, row, row);
  row += 1;
  const rows = locked ? (f.sideBySide ?? []) : figuresSideBySide(f.live.figures, f.live.figures);
  for (const r of rows) {
    putText(ws.getCell(row, 1), r.label);
    const put = r.kind === 'money' ? putMoney : putCount;
    const values = locked ? [r.locked, r.live, r.difference] : [r.live];
    values.forEach((v, i) => put(ws.getCell(row, 2 + i), v));
    if (r.key === 'totalAvailablePence' || r.key === 'fundingPence') for (let c = 1; c <= headers.length; c += 1) ws.getCell(row, c).font = font({ bold: true });
    row += 1;
  }
  putText(ws.getCell(row, 1), 'Funding applied');
  putText(ws.getCell(row, 2), locked ? locked.applied : f.live.applied);
  if (locked) putText(ws.getCell(row, 3), f.live.applied);
  row += 1;
  if (f.carryForward.source === 'override') noteLine(ws, row++, `Carry forward set by finance: ${f.carryForward.explanation}`);
  for (const set of locked ? [locked, f.live] : [f.live]) {
    row += 1;
    sectionTitle(ws, row++, set.basis === 'locked' ? 'How the locked figures were worked out' : 'How the live figures are worked out');
    for (const line of set.explanation) noteLine(ws, row++, line);
  }
  if (f.pendingDifference) {
    row += 1;
    sectionTitle(ws, row++, 'Waiting for finance’s approval: the roll now gives different figures from the locked ones');
    for (const line of f.pendingDifference.lines) noteLine(ws, row++, line);
  }
  return row;
}

function figureRow(ws: Worksheet, row: number, label: string, pence: number, bold = false): void {
  putText(ws.getCell(row, 1), label);
  putMoney(ws.getCell(row, 2), pence);
  if (bold) {
    ws.getCell(row, 1).font = font({ bold: true });
    ws.getCell(row, 2).font = font({ bold: true });
  }
}

/** Funding and claims: the per-school breakdown (the funding rule's reasons), plan lines, claims and the reconciliation. */
export function addFundingSheet(c: HubSheetContext): void {
  const f = c.data.funding;
  const ws = addSheet(c.wb, c.names['Funding and claims']);
  const schoolColumns: Column<FundingSchoolRow>[] = [
    { header: 'School', kind: 'text', width: WIDTHS.name, get: (s) => s.name },
    { header: 'URN', kind: 'text', width: 16, get: (s) => s.urn },
    { header: 'Pupils', kind: 'count', width: 16, total: true, get: (s) => s.pupils },
    { header: 'Pupils over 427', kind: 'count', width: 14, total: true, get: (s) => s.pupilsOverThreshold },
    { header: 'Uncapped (× £3.00)', kind: 'money', width: 16, total: true, get: (s) => s.uncappedPence },
    { header: 'Contribution', kind: 'money', width: 16, total: true, get: (s) => s.contributionPence },
    { header: 'Capped at £2,361.60', kind: 'yesno', width: 12, tones: { yes: 'mid' }, get: (s) => s.capped },
    { header: 'Fee paid on', kind: 'date', get: (s) => s.feePaidOn },
  ];
  const table = writeTable(ws, 1, schoolColumns, f.perSchool, { totalsLabel: 'Formula total' });
  let row = table.lastRow + 1;
  noteLine(ws, row++, `Each school as the roll gives it today (live figures)${f.locked ? '; the locked figures in force are below, beside the live ones' : ''}.`);

  row += 1;
  row = writeFigures(ws, row, f);

  row += 1;
  sectionTitle(ws, row++, 'Action plan');
  const planColumns: Column<PlanLineView>[] = [
    { header: 'Priority', kind: 'text', get: (l) => l.priority },
    { header: 'Activity', kind: 'long', width: 30, get: (l) => l.activity },
    { header: 'Category', kind: 'text', get: (l) => l.category },
    { header: 'Planned', kind: 'money', total: true, get: (l) => l.plannedPence },
    { header: 'Amount as typed', kind: 'text', get: (l) => l.amountAsTyped },
  ];
  const plan = writeTable(ws, row, planColumns, f.plan.lines, { totalsLabel: 'Total planned' });
  row = plan.lastRow + 1;
  if (f.plan.lines.length === 0) noteLine(ws, row++, `No action plan lines for ${f.year}.`);
  noteLine(ws, row++, f.plan.allocation.message);

  row += 1;
  sectionTitle(ws, row++, 'Claims');
  const claimColumns: Column<ClaimView>[] = [
    { header: 'Claimed on', kind: 'date', get: (k) => k.claimedOn },
    { header: 'Description', kind: 'long', width: 30, get: (k) => k.description },
    { header: 'Priority', kind: 'text', get: (k) => k.priority },
    { header: 'Category', kind: 'text', get: (k) => k.category },
    { header: 'Amount', kind: 'money', get: (k) => k.amountPence },
    { header: 'Invoice', kind: 'text', get: (k) => k.invoiceRef },
    { header: 'Status', kind: 'text', get: (k) => k.status },
    { header: 'Paid on', kind: 'date', get: (k) => k.paidOn },
    { header: 'Over-release reason', kind: 'long', width: 30, get: (k) => k.overReleaseReason },
    { header: 'Paid before release: reason', kind: 'long', width: 30, get: (k) => k.releaseOverrideReason },
    { header: 'Payment reversed', kind: 'long', width: 34, get: (k) => (k.reversal ? `${longDate(k.reversal.at.slice(0, 10))} by ${k.reversal.by}: ${k.reversal.reason}` : null) },
  ];
  const claims = writeTable(ws, row, claimColumns, f.claims);
  row = claims.lastRow + 1;
  if (f.claims.length === 0) noteLine(ws, row++, `No claims in ${f.year}.`);

  row += 1;
  sectionTitle(ws, row++, 'Reconciliation');
  const r = f.reconciliation;
  figureRow(ws, row++, 'Total available', r.totalAvailablePence);
  figureRow(ws, row++, 'Planned', r.plannedPence);
  figureRow(ws, row++, 'Claimed (not rejected)', r.claimedPence);
  figureRow(ws, row++, 'Awaiting payment', r.awaitingPaymentPence);
  figureRow(ws, row++, 'Released (paid)', r.releasedPence);
  figureRow(ws, row++, 'Remaining', r.remainingPence, true);
  for (const p of r.problems) {
    putText(ws.getCell(row, 1), p);
    ws.getCell(row++, 1).font = font({ bold: true, color: { argb: `FF${COLOURS.warn}` } });
  }

  row += 1;
  sectionTitle(ws, row++, f.release.met ? 'Release conditions: all met' : 'Release conditions: not all met');
  for (const cond of f.release.conditions) {
    putText(ws.getCell(row, 1), cond.label);
    ws.getCell(row, 1).alignment = { wrapText: true, vertical: 'top' };
    putYesNo(ws.getCell(row, 2), cond.met, { yes: 'good', no: 'poor' });
    putText(ws.getCell(row, 3), cond.detail);
    fitRowHeights(ws, row, row);
    row += 1;
  }
  for (const d of [f.deadlines.draft, f.deadlines.final]) {
    putText(ws.getCell(row, 1), d === f.deadlines.draft ? 'Draft action plan' : 'Final action plan');
    putText(ws.getCell(row, 2), d.status);
    toneFill(ws.getCell(row, 2), d.status === 'met' ? 'good' : d.status === 'due' ? 'neutral' : d.status === 'late' ? 'mid' : 'poor');
    putText(ws.getCell(row++, 3), d.message);
  }
  writeSources(ws, row + 1, c.data.dashboard.sources.funding);
  // Further tables follow below: repeating the first one's header on every printed page would mislabel them.
  finishSheet(ws, { table, printTitle: c.printTitle, repeatHeader: false });
}
