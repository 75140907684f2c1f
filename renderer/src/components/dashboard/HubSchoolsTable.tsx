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
import { StatusChip } from './Bars';

const col = createColumnHelper<HubDashboardSchool>();

/** Sort estimates best first; a missing one last. */
function estimateRank(e: string | null | undefined): number {
  const i = QA_ESTIMATES.findIndex((x) => x === e);
  return i < 0 ? QA_ESTIMATES.length : i;
}

function estimateColumn(key: 'leadership' | 'quality' | 'disadvantaged', header: string, title: string) {
  return col.accessor((s) => estimateRank(s.qa.latest?.estimates[key]), {
    id: `qa-${key}`,
    header: () => <span title={title}>{header}</span>,
    sortDescFirst: false,
    cell: (c) => {
      const e = c.row.original.qa.latest?.estimates[key] ?? null;
      return e ? <GradeChip grade={e} small /> : <span className="muted">—</span>;
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
                {s.reviewBeforeFirstAttendance.flagged ? <span className="dash-flag flag-mid" title="Hosts its review before any of its leaders attends another school's">Review first</span> : null}
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
          estimateColumn('leadership', 'Leadership', 'Leadership at all levels'),
          estimateColumn('quality', 'Quality', 'Quality of provision and outcomes'),
          estimateColumn('disadvantaged', 'Disadv. & SEND', 'Quality of provision and outcomes for disadvantaged pupils and pupils with additional needs'),
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
                  {r.awaitingConfirmation > 0 ? <span className="small muted"> +{r.awaitingConfirmation}?</span> : null}
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
      rowClass={(s) => (s.vulnerable.flagged ? 'dash-row-alert' : undefined)}
      empty={filter ? `No school matches “${filter}”.` : `No member schools this year.`}
    />
  );
}
