import type { Worksheet } from 'exceljs';
import type { SpendRow } from '@shared/domain/spend';
import { NO_ESTIMATE } from '@shared/domain/qa-profile';
import { QA_ESTIMATES } from '@shared/domain/vocabulary';
import { longDate } from '@shared/domain/reconciliation';
import { paint, putCount, putMoney, putText, putYesNo, toneFill } from '../cells';
import { gradeTone } from '@shared/domain/ofsted';
import { COLOURS, font, PROFILE_COLOURS, STATUS_COLOURS } from '../style';
import { finishSheet, fitRowHeights, noteLine, sectionTitle, styleHeaderRow, writeTable, type Column } from '../table';
import type { ChartImage, HubSheetContext } from './types';
import { addSheet } from '../excel-limits';

function label(ws: Worksheet, row: number, text: string): void {
  const cell = ws.getCell(row, 1);
  putText(cell, text);
  cell.font = font({ color: { argb: `FF${COLOURS.inkSoft}` } });
  cell.alignment = { vertical: 'top' };
}

function textRow(ws: Worksheet, row: number, name: string, value: string | null | undefined): void {
  label(ws, row, name);
  putText(ws.getCell(row, 2), value ?? '—');
  ws.getCell(row, 2).alignment = { wrapText: true, vertical: 'top' };
  fitRowHeights(ws, row, row);
}

function countRow(ws: Worksheet, row: number, name: string, value: number): void {
  label(ws, row, name);
  putCount(ws.getCell(row, 2), value);
  ws.getCell(row, 2).alignment = { horizontal: 'left' };
}

function moneyRow(ws: Worksheet, row: number, name: string, pence: number, bold = false): void {
  label(ws, row, name);
  putMoney(ws.getCell(row, 2), pence);
  if (bold) ws.getCell(row, 2).font = font({ bold: true });
}

/** Places a chart image at a cell, shown at its drawn size (charts are drawn at twice screen size) within a width cap. */
export function placeChart(ws: Worksheet, image: ChartImage, imageId: number, at: { col: number; row: number }, maxWidth = 640): void {
  const natural = image.width >= 2 * 320 ? image.width / 2 : image.width;
  const width = Math.min(maxWidth, natural);
  const height = Math.round((image.height * width) / image.width);
  ws.addImage(imageId, { tl: { col: at.col, row: at.row }, ext: { width, height }, editAs: 'oneCell' });
}

/** Overview: the hub, its people, key figures, Ofsted and QA profiles, funding summary and the spend chart. */
export function addOverviewSheet(c: HubSheetContext): void {
  const d = c.data.dashboard;
  const f = c.data.funding;
  const ws = addSheet(c.wb, c.names.Overview, { properties: { tabColor: { argb: `FF${COLOURS.brand}` } } });
  ws.getColumn(1).width = 42;
  ws.getColumn(2).width = 34;
  ws.getColumn(3).width = 16;
  ws.getColumn(4).width = 16;
  ws.getColumn(5).width = 4;

  const title = ws.getCell(1, 1);
  putText(title, `${d.hub.name} — hub dashboard ${d.year}`);
  title.font = font({ bold: true, size: 16, color: { argb: `FF${COLOURS.brand}` } });
  noteLine(ws, 2, `As at ${longDate(d.today)} · Challenge Partners`);
  let row = 3;
  if (!c.includeContacts) noteLine(ws, row++, 'Personal contact details are left out of this copy for wider circulation.');

  row += 1;
  sectionTitle(ws, row++, 'Hub');
  textRow(ws, row++, 'Hub', d.hub.name);
  if (d.hub.region) textRow(ws, row++, 'Region', d.hub.region);
  textRow(ws, row++, 'Senior Partner', d.hub.seniorPartner);
  if (c.includeContacts && d.hub.seniorPartnerEmail) textRow(ws, row++, 'Senior Partner email', d.hub.seniorPartnerEmail);
  if (d.hub.hubManagers.length === 0) textRow(ws, row++, 'Hub Managers', null);
  d.hub.hubManagers.forEach((m, i) => {
    const who = m.focus ? `${m.name} (${m.focus})` : m.name;
    textRow(ws, row++, i === 0 ? (d.hub.hubManagers.length > 1 ? 'Hub Managers' : 'Hub Manager') : '', c.includeContacts && m.email ? `${who}, ${m.email}` : who);
  });
  textRow(ws, row++, 'Memberships Manager', d.hub.membershipsManager);

  row += 1;
  sectionTitle(ws, row++, 'Key figures');
  countRow(ws, row++, 'Member schools', d.summary.schools);
  countRow(ws, row++, 'Pupils', d.summary.pupils);
  countRow(ws, row++, 'Schools with a QA Review this year', d.schools.filter((s) => s.qa.thisYear !== null).length);
  countRow(ws, row++, 'Upcoming reviews', d.upcomingReviews.length);
  for (const status of ['met', 'on track', 'behind'] as const) {
    countRow(ws, row, `Reviewer commitment ${status}`, d.summary.commitment[status]);
    paint(ws.getCell(row++, 2), STATUS_COLOURS[status]);
  }
  countRow(ws, row, 'Vulnerable schools', d.summary.vulnerable);
  if (d.summary.vulnerable > 0) toneFill(ws.getCell(row, 2), 'poor');
  row += 1;
  countRow(ws, row++, 'Own review before a first attendance', d.schools.filter((s) => s.reviewBeforeFirstAttendance.flagged).length);
  countRow(ws, row++, 'Headteachers not yet trained', d.schools.filter((s) => s.headteacherTraining.flagged).length);

  row += 1;
  sectionTitle(ws, row++, 'Latest Ofsted (frameworks kept apart)');
  const buckets = d.summary.ofstedProfile.filter((b) => b.count > 0);
  for (const b of buckets) {
    label(ws, row, b.key);
    paint(ws.getCell(row, 1), PROFILE_COLOURS[b.key]);
    putCount(ws.getCell(row, 2), b.count);
    ws.getCell(row++, 2).alignment = { horizontal: 'left' };
  }
  if (buckets.length === 0) noteLine(ws, row++, 'No member schools.');

  row += 1;
  sectionTitle(ws, row++, 'Latest QA estimates (schools)');
  const estimates = [...QA_ESTIMATES, 'Other', NO_ESTIMATE];
  putText(ws.getCell(row, 1), 'Estimate');
  d.summary.qaProfile.forEach((h, i) => putText(ws.getCell(row, 2 + i), h.label));
  styleHeaderRow(ws, row, 1 + d.summary.qaProfile.length);
  fitRowHeights(ws, row, row);
  row += 1;
  for (const e of estimates) {
    const counts = d.summary.qaProfile.map((h) => h.counts.find((x) => x.estimate === e)?.count ?? 0);
    if ((e === 'Other' || e === NO_ESTIMATE) && counts.every((n) => n === 0)) continue;
    putText(ws.getCell(row, 1), e);
    if (e !== 'Other' && e !== NO_ESTIMATE) toneFill(ws.getCell(row, 1), gradeTone(e));
    counts.forEach((n, i) => putCount(ws.getCell(row, 2 + i), n));
    row += 1;
  }

  row += 1;
  sectionTitle(ws, row++, `Funding ${d.year}: ${f.locked ? 'locked figures (in force)' : 'live figures (not locked)'}`);
  moneyRow(ws, row++, 'Formula', f.figures.formulaPence);
  moneyRow(ws, row++, 'Minimum', f.figures.minimumPence);
  moneyRow(ws, row++, `Funding (${f.applied})`, f.figures.fundingPence);
  moneyRow(ws, row++, 'Carry forward', f.figures.carryForwardPence);
  moneyRow(ws, row++, 'Total available', f.figures.totalAvailablePence, true);
  if (f.locked && f.pendingDifference) {
    moneyRow(ws, row++, `Live total available (${f.live.figures.schools} schools on the roll today)`, f.live.figures.totalAvailablePence);
    noteLine(ws, row++, 'The roll now gives different figures from the locked ones: see Funding and claims, locked beside live.');
  }
  moneyRow(ws, row++, 'Planned', f.reconciliation.plannedPence);
  moneyRow(ws, row++, 'Claimed', f.reconciliation.claimedPence);
  moneyRow(ws, row++, 'Released', f.reconciliation.releasedPence);
  moneyRow(ws, row++, 'Remaining', f.reconciliation.remainingPence, true);
  label(ws, row, 'Release conditions met');
  putYesNo(ws.getCell(row++, 2), f.release.met, { yes: 'good', no: 'poor' });
  for (const p of f.reconciliation.problems) {
    putText(ws.getCell(row, 1), p);
    ws.getCell(row++, 1).font = font({ bold: true, color: { argb: `FF${COLOURS.warn}` } });
  }

  row += 1;
  sectionTitle(ws, row++, `Spend by network category ${d.year}`);
  const spendColumns: Column<SpendRow>[] = [
    { header: 'Category', kind: 'text', get: (r) => (r.retired ? `${r.label} (retired)` : r.label) },
    { header: 'Planned', kind: 'money', total: true, get: (r) => r.plannedPence },
    { header: 'Claimed', kind: 'money', total: true, get: (r) => r.claimedPence },
    { header: 'Released', kind: 'money', total: true, get: (r) => r.releasedPence },
  ];
  const spend = writeTable(ws, row, spendColumns, c.data.spend.byCategory);
  row = spend.lastRow + 1;

  if (c.chart) {
    const caption = ws.getCell(4, 6);
    putText(caption, `Planned and claimed by network category, ${d.year}`);
    caption.font = font({ bold: true, color: { argb: `FF${COLOURS.brand}` } });
    const id = c.wb.addImage({ buffer: c.chart.png as unknown as ArrayBuffer, extension: 'png' });
    placeChart(ws, c.chart, id, { col: 5, row: 4 });
  } else {
    noteLine(ws, row + 1, 'The spend chart is drawn by the app; this copy (from the command line) has the figures only.');
  }
  finishSheet(ws, { table: null, freezeRows: 2, printTitle: c.printTitle });
}
