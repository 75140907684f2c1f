import type { HubDashboardSchool } from '@shared/contract/dashboards';
import { finishSheet, noteLine, writeTable, type Column } from '../table';
import { WIDTHS } from '../style';
import type { HubSheetContext } from './types';
import { writeSources } from './notes';
import { addSheet } from '../excel-limits';

/** Schools: contact details and school data, one row per member school; contacts left out on request. */
export function addSchoolsSheet(c: HubSheetContext): void {
  const { data, includeContacts } = c;
  const ws = addSheet(c.wb, c.names.Schools);
  const detail = (s: HubDashboardSchool) => data.schoolDetails.get(s.schoolId);
  const columns: Column<HubDashboardSchool>[] = [
    { header: 'URN', kind: 'text', width: WIDTHS.urn, get: (s) => s.urn },
    { header: 'School', kind: 'text', width: WIDTHS.name, get: (s) => s.name },
    { header: 'Phase', kind: 'text', width: WIDTHS.short, get: (s) => s.phase },
    { header: 'Type', kind: 'text', width: 22, get: (s) => detail(s)?.schoolType },
    { header: 'Local authority', kind: 'text', width: 18, get: (s) => s.localAuthority },
    { header: 'Trust', kind: 'text', width: 30, get: (s) => detail(s)?.trust },
    { header: 'Postcode', kind: 'text', width: 10, get: (s) => detail(s)?.postcode },
    { header: 'Pupils', kind: 'count', total: true, get: (s) => s.pupils },
    { header: 'Membership', kind: 'text', width: 12, get: (s) => s.membershipStatus },
    { header: 'Fee paid on', kind: 'date', get: (s) => s.feePaidOn },
    { header: 'Headteacher', kind: 'text', width: 24, get: (s) => s.headteacher },
    { header: 'Headteacher since', kind: 'date', get: (s) => s.headteacherSince },
    ...(includeContacts
      ? ([
          { header: 'Email', kind: 'text', width: 32, get: (s) => s.email },
          { header: 'Telephone', kind: 'text', width: 15, get: (s) => s.phone },
          {
            header: 'Other contacts',
            kind: 'long',
            width: 48,
            get: (s) =>
              (data.contacts.get(s.schoolId) ?? [])
                // The headteacher's own line repeats the Headteacher, Email and Telephone columns.
                .filter((k) => !(k.name === s.headteacher && k.email === s.email && k.phone === s.phone))
                .map((k) => [`${k.role}: ${k.name}`, k.email, k.phone].filter(Boolean).join(', ')).join('\n') || null,
          },
        ] satisfies Column<HubDashboardSchool>[])
      : []),
    { header: 'Vulnerable', kind: 'yesno', width: 11, tones: { yes: 'poor' }, get: (s) => s.vulnerable.flagged },
    { header: 'Why vulnerable', kind: 'long', width: 44, get: (s) => s.vulnerable.reasons.join('\n') || null },
    { header: 'Hub meetings attended', kind: 'count', get: (s) => s.meetings.attended },
    { header: 'Hub meetings recorded', kind: 'count', get: (s) => s.meetings.recorded },
  ];
  const table = writeTable(ws, 1, columns, data.dashboard.schools, { totalsLabel: 'Total' });
  let row = table.lastRow + 2;
  if (!includeContacts) noteLine(ws, row++, 'Personal contact details (email, telephone, other contacts) are left out of this copy for wider circulation.');
  writeSources(ws, row, data.dashboard.sources.roll);
  finishSheet(ws, { table, printTitle: c.printTitle });
}
