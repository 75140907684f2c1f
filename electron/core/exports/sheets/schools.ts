import type { HubDashboardSchool } from '@shared/contract/dashboards';
import { finishSheet, noteLine, writeTable, type Column } from '../table';
import { WIDTHS } from '../style';
import type { HubSheetContext } from './types';
import { writeSources } from './notes';
import { longDate } from '@shared/domain/reconciliation';
import { addSheet } from '../excel-limits';

/** The membership as the history reads it (new, returning, continuing), and whether the school is leaving. */
function membership(s: HubDashboardSchool): string {
  const history = s.membershipHistory === 'unknown' ? s.membershipStatus : s.membershipHistory;
  return s.membershipStatus === 'leaving' && history !== 'leaving' ? `${history}, leaving` : history;
}

function vulnerable(s: HubDashboardSchool): string | null {
  if (!s.vulnerable.flagged) return null;
  const flags = [s.vulnerable.tsi.flagged ? 'TSI-eligible' : null, s.vulnerable.stuck.flagged ? 'stuck' : null].filter(Boolean).join(' and ');
  return `${flags}: ${s.vulnerable.reasons.join('; ')}`;
}

/**
 * Schools: one row per member school, few enough columns to print legibly on one landscape page width
 * (the school's type, trust and postcode are on its school page); contact columns only on request.
 */
export function addSchoolsSheet(c: HubSheetContext): void {
  const { data, includeContacts } = c;
  const ws = addSheet(c.wb, c.names.Schools);
  const columns: Column<HubDashboardSchool>[] = [
    { header: 'URN', kind: 'text', width: WIDTHS.urn, get: (s) => s.urn },
    { header: 'School', kind: 'text', width: WIDTHS.name, get: (s) => s.name },
    { header: 'Phase', kind: 'text', width: WIDTHS.short, get: (s) => s.phase },
    { header: 'Local authority', kind: 'text', width: 16, get: (s) => s.localAuthority },
    { header: 'Pupils', kind: 'count', total: true, get: (s) => s.pupils },
    { header: 'Membership', kind: 'text', width: 14, get: membership },
    { header: 'Fee paid on', kind: 'date', get: (s) => s.feePaidOn },
    { header: 'Headteacher', kind: 'long', width: 26, get: (s) => (s.headteacher ? `${s.headteacher}${s.headteacherSince ? ` (since ${longDate(s.headteacherSince)})` : ''}` : null) },
    ...(includeContacts
      ? ([
          { header: 'Email', kind: 'text', width: 30, get: (s) => s.email },
          { header: 'Telephone', kind: 'text', width: 15, get: (s) => s.phone },
          {
            header: 'Other contacts',
            kind: 'long',
            width: 40,
            get: (s) =>
              (data.contacts.get(s.schoolId) ?? [])
                // The headteacher's own line repeats the Headteacher, Email and Telephone columns.
                .filter((k) => !(k.name === s.headteacher && k.email === s.email && k.phone === s.phone))
                .map((k) => [`${k.role}: ${k.name}`, k.email, k.phone].filter(Boolean).join(', ')).join('\n') || null,
          },
        ] satisfies Column<HubDashboardSchool>[])
      : []),
    { header: 'Vulnerable', kind: 'long', width: 36, get: vulnerable },
    { header: 'Hub meetings attended', kind: 'text', width: 12, get: (s) => (s.meetings.recorded > 0 ? `${s.meetings.attended} of ${s.meetings.recorded}` : 'none recorded') },
  ];
  const table = writeTable(ws, 1, columns, data.dashboard.schools, { totalsLabel: 'Total' });
  let row = table.lastRow + 2;
  if (!includeContacts) noteLine(ws, row++, 'Personal contact details (email, telephone, other contacts) are left out of this copy for wider circulation.');
  noteLine(ws, row++, 'Membership is read from the membership history (new, returning after a gap, or continuing), not the roll’s label.');
  writeSources(ws, row, data.dashboard.sources.roll);
  finishSheet(ws, { table, printTitle: c.printTitle });
}
