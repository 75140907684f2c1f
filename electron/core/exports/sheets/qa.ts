import type { HubDashboardSchool } from '@shared/contract/dashboards';
import { QA_HEADINGS } from '@shared/domain/vocabulary';
import { finishSheet, noteLine, writeTable, type Column } from '../table';
import { WIDTHS } from '../style';
import type { HubSheetContext } from './types';
import { writeSources } from './notes';
import { addSheet } from '../excel-limits';

const heading = (key: string) => QA_HEADINGS.find((h) => h.key === key)?.label ?? key;

/** QA outcomes: each school's latest estimates under the three headings, its Area of Excellence and this year's review. */
export function addQaSheet(c: HubSheetContext): void {
  const ws = addSheet(c.wb, c.names['QA outcomes']);
  const columns: Column<HubDashboardSchool>[] = [
    { header: 'School', kind: 'text', width: WIDTHS.name, get: (s) => s.name },
    { header: 'URN', kind: 'text', width: WIDTHS.urn, get: (s) => s.urn },
    { header: 'Phase', kind: 'text', width: WIDTHS.short, get: (s) => s.phase },
    { header: 'Latest review', kind: 'date', get: (s) => s.qa.latest?.reviewStart },
    { header: 'Review year', kind: 'text', width: 10, get: (s) => s.qa.latest?.yearLabel },
    { header: heading('leadership'), kind: 'grade', get: (s) => s.qa.latest?.estimates.leadership },
    { header: heading('quality'), kind: 'grade', get: (s) => s.qa.latest?.estimates.quality },
    { header: heading('disadvantaged'), kind: 'grade', width: 30, get: (s) => s.qa.latest?.estimates.disadvantaged },
    { header: 'Area of Excellence', kind: 'long', width: 44, get: (s) => s.qa.latest?.aoeTitle },
    { header: 'AoE accredited', kind: 'yesno', width: 10, tones: { yes: 'good' }, get: (s) => (s.qa.latest?.aoeTitle ? s.qa.latest.aoeAccredited : null) },
    { header: 'WWWs', kind: 'count', width: 8, get: (s) => s.qa.latest?.www },
    { header: 'EBIs', kind: 'count', width: 8, get: (s) => s.qa.latest?.ebi },
    { header: 'Report received', kind: 'date', get: (s) => s.qa.latest?.reportReceivedOn },
    { header: 'Review this year', kind: 'date', get: (s) => s.qa.thisYear?.startDate },
    { header: 'This year’s review', kind: 'text', width: 12, get: (s) => s.qa.thisYear?.state ?? 'none booked' },
  ];
  const table = writeTable(ws, 1, columns, c.data.dashboard.schools);
  let row = table.lastRow + 2;
  noteLine(ws, row++, 'Peer estimates of each school’s latest QA Review that has estimates; blank where a school has none yet.');
  writeSources(ws, row, c.data.dashboard.sources.qa);
  finishSheet(ws, { table, printTitle: c.printTitle });
}
