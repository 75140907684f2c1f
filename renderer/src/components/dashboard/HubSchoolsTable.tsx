import { useMemo } from 'react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { HubDashboardSchool } from '@shared/contract';
import { OFSTED_PROFILE_KEYS } from '@shared/domain/ofsted';
import { QA_ESTIMATES } from '@shared/domain/vocabulary';
import { formatCount, formatDate } from '../format';
import { DataTable, mixedColumns } from '../DataTable';
import { OfstedCell } from './OfstedCell';
import { GradeChip } from './Grade';
import { DashKey, StatusChip, type KeyEntry } from './Bars';
import type { ColumnChoice } from '../columns';

const col = createColumnHelper<HubDashboardSchool>();

/** What the flags beside a school's name, and its reviewer status, say. */
const FLAG_KEY: KeyEntry[] = [
  ['Vulnerable', 'its Ofsted record meets a vulnerable rule (hover for which)'],
  ['Hosts first', 'hosts its QA Review before any of its leaders has reviewed at another school'],
  ['Head untrained', 'a new headteacher not yet trained as a reviewer'],
  ['Support ×N', 'open support requests'],
  ['+N to confirm', 'reviewers booked for a review now past, not yet marked attended or dropped'],
];

/** The hub's schools table's column groups (remembered for each person). */
const HUB_SCHOOL_COLUMNS: ColumnChoice = {
  key: 'hub-schools',
  groups: [
    { id: 'school', label: 'URN, phase and local authority', columns: ['urn', 'phase'], shownFor: () => false },
    { id: 'contact', label: 'Headteacher and contact', columns: ['headteacher'], shownFor: () => false },
    { id: 'pupils', label: 'Pupils', columns: ['pupils'] },
    { id: 'ofsted', label: 'Latest Ofsted', columns: ['ofsted'] },
    { id: 'qa', label: 'QA Review date and estimates', columns: ['qa-date', 'qa-estimates'] },
    { id: 'aoe', label: 'Area of Excellence', columns: ['aoe'] },
    { id: 'points', label: 'WWW and EBI counts', columns: ['www-ebi'], shownFor: () => false },
    { id: 'reviewers', label: 'Reviewer shortfall and status', columns: ['rev-shortfall', 'rev-status'] },
    { id: 'reviewer-detail', label: 'Reviewers owed, attended, booked, dropped', columns: ['rev-owed', 'rev-attended', 'rev-booked', 'rev-dropped'], shownFor: () => false },
  ],
};

/** Sort estimates best first; a missing one last. */
function estimateRank(e: string | null | undefined): number {
  const i = QA_ESTIMATES.findIndex((x) => x === e);
  return i < 0 ? QA_ESTIMATES.length : i;
}

const HEADINGS = [
  ['leadership', 'L', 'Leadership at all levels'],
  ['quality', 'Q', 'Quality of provision and outcomes'],
  ['disadvantaged', 'D', 'Disadvantaged pupils and SEND'],
] as const;

/** The three latest estimates in one cell, a line each (L, Q, D): all three fit beside the rest of the row. */
function estimatesColumn() {
  // Sorts best first by leadership, then quality, then disadvantaged; a school without estimates last.
  return col.accessor((s) => HEADINGS.reduce((n, [key]) => n * 10 + estimateRank(s.qa.latest?.estimates[key]), 0), {
    id: 'qa-estimates',
    header: () => <span title="Latest QA estimates: L leadership, Q quality of provision, D disadvantaged pupils and SEND">Estimates</span>,
    sortDescFirst: false,
    cell: (c) => {
      const latest = c.row.original.qa.latest;
      if (!latest) return <span className="muted">—</span>;
      return (
        <dl className="dash-estimates">
          {HEADINGS.map(([key, short, label]) => {
            const e = latest.estimates[key];
            return (
              <div key={key} title={`${label}: ${e ?? 'no estimate'}`}>
                <dt>{short}</dt>
                <dd>{e ? <GradeChip grade={e} small /> : <span className="muted">—</span>}</dd>
              </div>
            );
          })}
        </dl>
      );
    },
  });
}

function num(id: keyof HubDashboardSchool['reviewers'] & string, header: string, title: string) {
  return col.accessor((s) => s.reviewers[id] as number, {
    id: `rev-${id}`,
    header: () => <span title={title}>{header}</span>,
    meta: { align: 'right' },
    cell: (c) => formatCount(c.getValue()),
  });
}

export function HubSchoolsTable({
  hubName,
  schools,
  filter,
  onOpen,
  openSupport,
}: {
  hubName: string;
  schools: HubDashboardSchool[];
  filter: string;
  onOpen(s: HubDashboardSchool): void;
  /** Open support requests per school id, shown as a flag; made once per dashboard (the columns depend on it). */
  openSupport?: ReadonlyMap<number, number>;
}) {
  const columns = useMemo(
    () =>
      mixedColumns<HubDashboardSchool>()(
      col.accessor('name', {
        header: 'School',
        cell: (c) => {
          const s = c.row.original;
          return (
            <div className="dash-school">
              <Link to={`/schools/${s.schoolId}`} className="strong">{s.name}</Link>
              <div className="dash-flags">
                {s.membershipStatus !== 'renewing' ? <span className={`tag tag-${s.membershipStatus}`}>{s.membershipStatus}</span> : null}
                {s.vulnerable.flagged ? <span className="dash-flag flag-poor" title={s.vulnerable.reasons.join(' ')}>Vulnerable</span> : null}
                {s.reviewBeforeFirstAttendance.flagged ? <span className="dash-flag flag-mid" title="Hosts its review before any of its leaders attends another school's">Hosts first</span> : null}
                {s.headteacherTraining.flagged ? <span className="dash-flag flag-mid" title={s.headteacherTraining.reason}>Head untrained</span> : null}
                {openSupport?.get(s.schoolId) ? <span className="dash-flag flag-support" title="Open support requests (open, brokered or in progress)">Support ×{openSupport.get(s.schoolId)}</span> : null}
              </div>
            </div>
          );
        },
      }),
      col.accessor('urn', { header: 'URN', cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('phase', {
        header: 'Phase',
        cell: (c) => (
          <>
            {c.getValue() ?? '—'}
            <div className="small muted">{c.row.original.localAuthority ?? ''}</div>
          </>
        ),
      }),
      col.accessor((s) => s.headteacher ?? '', {
        id: 'headteacher',
        header: 'Headteacher & contact',
        cell: (c) => {
          const s = c.row.original;
          return (
            <div className="dash-contact">
              <span>{s.headteacher ?? '—'}</span>
              {s.email ? <a href={`mailto:${s.email}`} className="small">{s.email}</a> : null}
              {s.phone ? <span className="small muted">{s.phone}</span> : null}
            </div>
          );
        },
      }),
      col.accessor('pupils', { header: 'Pupils', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()) }),
      col.group({
        id: 'g-ofsted',
        header: 'Ofsted',
        columns: [
          col.accessor((s) => OFSTED_PROFILE_KEYS.indexOf(s.ofsted.profileKey), {
            id: 'ofsted',
            header: 'Latest inspection',
            sortDescFirst: false,
            cell: (c) => <OfstedCell ofsted={c.row.original.ofsted} />,
          }),
        ],
      }),
      col.group({
        id: 'g-qa',
        header: 'Latest QA Review',
        columns: [
          col.accessor((s) => s.qa.latest?.reviewStart ?? '', {
            id: 'qa-date',
            header: 'Review',
            cell: (c) => {
              const q = c.row.original.qa;
              return (
                <div className="dash-review-date">
                  {q.latest ? <span>{formatDate(q.latest.reviewStart)}</span> : <span className="muted">None yet</span>}
                  {q.thisYear && q.thisYear.state !== 'done' ? (
                    <span className="small muted">
                      {q.thisYear.state === 'upcoming' ? 'Next' : 'Now'}: {formatDate(q.thisYear.startDate)}
                    </span>
                  ) : null}
                </div>
              );
            },
          }),
          estimatesColumn(),
          col.accessor((s) => s.qa.latest?.aoeTitle ?? '', {
            id: 'aoe',
            header: 'Area of Excellence',
            cell: (c) => {
              const l = c.row.original.qa.latest;
              if (!l?.aoeTitle) return <span className="muted">—</span>;
              return (
                <div className="dash-aoe">
                  <span>{l.aoeTitle}</span>
                  <span className={`small ${l.aoeAccredited ? 'good-text' : 'muted'}`}>{l.aoeAccredited ? '✓ Accredited' : 'Not accredited'}</span>
                </div>
              );
            },
          }),
          col.accessor((s) => s.qa.latest?.www ?? -1, {
            id: 'www-ebi',
            header: () => <span title="What Went Well · Even Better If">WWW · EBI</span>,
            meta: { align: 'right' },
            cell: (c) => {
              const l = c.row.original.qa.latest;
              return l ? `${l.www} · ${l.ebi}` : '—';
            },
          }),
        ],
      }),
      col.group({
        id: 'g-reviewers',
        header: 'Reviewer commitment',
        columns: [
          num('owed', 'Owed', 'Reviewers owed this year (own review team size)'),
          num('attended', 'Att.', 'Attended'),
          num('booked', 'Booked', 'Booked for a review today or later'),
          num('dropped', 'Drop.', 'Dropped out'),
          num('shortfall', 'Short', 'Shortfall: owed − attended − booked'),
          col.accessor((s) => ['behind', 'on track', 'met'].indexOf(s.reviewers.status), {
            id: 'rev-status',
            header: 'Status',
            sortDescFirst: false,
            cell: (c) => {
              const r = c.row.original.reviewers;
              return (
                <span title={r.awaitingConfirmation > 0 ? `${r.awaitingConfirmation} booked for a past review, awaiting confirmation` : undefined}>
                  <StatusChip status={r.status} />
                  {r.awaitingConfirmation > 0 ? <span className="small muted block">+{r.awaitingConfirmation} to confirm</span> : null}
                </span>
              );
            },
          }),
        ],
      }),
      ),
    [openSupport],
  );

  return (
    <DataTable
      wide
      label={`Schools in ${hubName}`}
      rows={schools}
      columns={columns}
      filter={filter}
      rowKey={(s) => s.schoolId}
      initialSort={[{ id: 'name', desc: false }]}
      onOpen={onOpen}
      columnGroups={HUB_SCHOOL_COLUMNS}
      legend={<DashKey label="Flags" entries={FLAG_KEY} />}
      rowClass={(s) => (s.vulnerable.flagged ? 'dash-row-alert' : undefined)}
      empty={filter ? `No school matches “${filter}”.` : `No member schools this year.`}
    />
  );
}
