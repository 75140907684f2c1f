import type { Workbook } from 'exceljs';
import type { NetworkDashboard, NetworkHubRow } from '@shared/contract/dashboards';
import type { SpendNetworkView } from '@shared/contract/spend';
import type { CategoryComparison } from '@shared/domain/spend';
import { OFSTED_PROFILE_KEYS } from '@shared/domain/ofsted';
import { longDate } from '@shared/domain/reconciliation';
import { paint, putText } from '../cells';
import { COLOURS, font, PROFILE_COLOURS, STATUS_COLOURS, WIDTHS } from '../style';
import { finishSheet, noteLine, sectionTitle, writeTable, type Column } from '../table';
import { placeChart } from './overview';
import { writeSources } from './notes';
import type { ChartImage } from './types';
import { addSheet } from '../excel-limits';

/** The Network sheet: one row per hub (the network page), the spend by category and its chart. */
export function addNetworkSheet(
  wb: Workbook,
  network: NetworkDashboard,
  spend: SpendNetworkView,
  options: { chart: ChartImage | null; hubSheet?: Map<number, string>; name: string },
): void {
  const ws = addSheet(wb, options.name, { properties: { tabColor: { argb: `FF${COLOURS.brand}` } } });
  const ofsted = (key: string) => (h: NetworkHubRow) => h.ofstedProfile.find((b) => b.key === key)?.count ?? 0;
  const columns: Column<NetworkHubRow>[] = [
    { header: 'Hub', kind: 'text', width: 30, get: (h) => h.name },
    { header: 'Region', kind: 'text', width: 22, get: (h) => h.region },
    { header: 'Hub Managers', kind: 'long', width: 28, get: (h) => h.hubManagers.join('\n') || null },
    { header: 'Memberships Manager', kind: 'text', width: 20, get: (h) => h.membershipsManager },
    { header: 'Schools', kind: 'count', width: 9, total: true, get: (h) => h.schools },
    { header: 'Pupils', kind: 'count', width: 10, total: true, get: (h) => h.pupils },
    ...OFSTED_PROFILE_KEYS.map((key) => ({ header: key, kind: 'count' as const, width: 13, total: true, get: ofsted(key) })),
    { header: 'Reviewed this year', kind: 'count', width: 10, total: true, get: (h) => h.reviewedThisYear },
    { header: 'Reviewers met', kind: 'count', width: 11, total: true, get: (h) => h.commitment.met },
    { header: 'Reviewers on track', kind: 'count', width: 11, total: true, get: (h) => h.commitment['on track'] },
    { header: 'Reviewers behind', kind: 'count', width: 11, total: true, get: (h) => h.commitment.behind },
    { header: 'Vulnerable', kind: 'count', width: 10, total: true, get: (h) => h.vulnerable },
    { header: 'Vulnerable schools', kind: 'long', width: 34, get: (h) => h.vulnerableSchools.join('\n') || null },
    { header: 'Funding', kind: 'money', total: true, get: (h) => h.fundingPence },
    { header: 'Total available', kind: 'money', total: true, get: (h) => h.totalAvailablePence },
    ...(options.hubSheet ? [{ header: 'Hub sheets from', kind: 'text' as const, width: WIDTHS.name, get: (h: NetworkHubRow) => options.hubSheet!.get(h.hubId) }] : []),
  ];
  const table = writeTable(ws, 1, columns, network.hubs, { totalsLabel: `Network (${network.totals.hubs} hubs)` });
  // The Ofsted and status headers in the app's colours, so the columns read like the network page.
  OFSTED_PROFILE_KEYS.forEach((key, i) => paint(ws.getCell(1, 7 + i), PROFILE_COLOURS[key]));
  paint(ws.getCell(1, 7 + OFSTED_PROFILE_KEYS.length + 1), STATUS_COLOURS.met);
  paint(ws.getCell(1, 7 + OFSTED_PROFILE_KEYS.length + 2), STATUS_COLOURS['on track']);
  paint(ws.getCell(1, 7 + OFSTED_PROFILE_KEYS.length + 3), STATUS_COLOURS.behind);

  let row = table.lastRow + 2;
  noteLine(ws, row++, `As at ${longDate(network.today)}. Ofsted columns count each school's latest graded inspection; the three frameworks are kept apart.`);
  row = writeSources(ws, row, network.sources);

  row += 1;
  sectionTitle(ws, row++, `Spend by network category ${spend.year}`);
  const prev = spend.previousYear;
  const spendColumns: Column<CategoryComparison>[] = [
    { header: 'Category', kind: 'text', get: (r) => (r.retired ? `${r.label} (retired)` : r.label) },
    { header: 'Planned', kind: 'money', total: true, get: (r) => r.plannedPence },
    { header: 'Claimed', kind: 'money', total: true, get: (r) => r.claimedPence },
    { header: 'Released', kind: 'money', total: true, get: (r) => r.releasedPence },
    ...(prev ? [{ header: `Released ${prev}`, kind: 'money' as const, total: true, get: (r: CategoryComparison) => r.previousReleasedPence }] : []),
  ];
  const spendTable = writeTable(ws, row, spendColumns, spend.categories);
  row = spendTable.lastRow + 2;
  if (options.chart) {
    const caption = ws.getCell(row, 1);
    putText(caption, `Spend by network category, ${spend.year}${prev ? ` (released ${prev} beside it)` : ''}`);
    caption.font = font({ bold: true, color: { argb: `FF${COLOURS.brand}` } });
    const id = wb.addImage({ buffer: options.chart.png as unknown as ArrayBuffer, extension: 'png' });
    placeChart(ws, options.chart, id, { col: 0, row }, 760);
  } else {
    noteLine(ws, row, 'The spend chart is drawn by the app; this copy (from the command line) has the figures only.');
  }
  finishSheet(ws, { table, printTitle: `Challenge Partners network · ${network.year}` });
}
