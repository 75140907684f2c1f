import { Link } from 'react-router';
import type { HubDashboard } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { formatDate } from '../format';
import { Panel } from './Panel';
import { GradeChip } from './Grade';
import { StatusChip } from './Bars';
import { TableHead } from '../TableHead';
import { GridTable } from '../GridTable';

type D = HubDashboard;

function SchoolLink({ id, name }: { id: number; name: string }) {
  return <Link to={`/schools/${id}`}>{name}</Link>;
}

export function VulnerablePanel({ d }: { d: D }) {
  const flagged = d.schools.filter((s) => s.vulnerable.flagged);
  return (
    <Panel title="Vulnerable schools" count={flagged.length} sources={d.sources.ofsted} wide={flagged.length > 0}>
      {flagged.length === 0 ? (
        <p className="empty-line">No school is TSI-eligible in the academic year containing {formatDate(d.today)}, nor stuck.</p>
      ) : (
        <ul className="dash-list">
          {flagged.map((s) => (
            <li key={s.schoolId}>
              <SchoolLink id={s.schoolId} name={s.name} />
              <ul className="dash-reasons">
                {s.vulnerable.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <div className="dash-inspections">
                {s.vulnerable.triggeredBy.map((i) => (
                  <span key={i.id} className="dash-inspection">
                    <GradeChip grade={i.overall.code ?? i.categoryOfConcern} label={i.overall.code ? i.overall.label : (i.categoryOfConcern ?? i.overall.label)} date={i.startDate} small />
                    <span className="small muted">{i.frameworkLabel}{i.publicationDate ? `, published ${formatDate(i.publicationDate)}` : ''}</span>
                    {i.reading ? <span className="small dash-reading">{i.reading.label}</span> : null}
                  </span>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function UpcomingReviewsPanel({ d }: { d: D }) {
  return (
    <Panel title="Upcoming QA Reviews" count={d.upcomingReviews.length} sources={d.sources.qa} wide>
      {d.upcomingReviews.length === 0 ? (
        <p className="empty-line">No reviews from {formatDate(d.today)} to the end of {d.year}.</p>
      ) : (
        <GridTable label="Upcoming QA Reviews">
          <TableHead columns={['Dates', 'School', { num: 'Team' }, 'Reviewers booked']} />
          <tbody>
            {d.upcomingReviews.map((r) => (
              <tr key={r.reviewId}>
                <td className="nowrap">{formatDate(r.startDate)} – {formatDate(r.endDate)}</td>
                <td><SchoolLink id={r.schoolId} name={r.school} /></td>
                <td className={`num ${r.filled < r.teamSize ? 'warn-text' : ''}`}>{r.filled}/{r.teamSize}</td>
                <td className="small">
                  {r.reviewers.length === 0 ? (
                    <span className="muted">None yet</span>
                  ) : (
                    <span className="dash-team">
                      {r.reviewers.map((x, i) => (
                        <span key={`${x.name}-${i}`} className={x.status === 'dropped' ? 'dropped' : undefined} title={x.status === 'dropped' ? 'Dropped out' : x.status}>
                          {x.name} <span className="muted">({x.homeSchool})</span>
                          {x.notTrained ? <span className="tag warn-text"> not trained</span> : null}
                        </span>
                      ))}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      )}
    </Panel>
  );
}

export function ShortfallPanel({ d }: { d: D }) {
  const short = d.schools.filter((s) => s.reviewers.shortfall > 0).sort((a, b) => b.reviewers.shortfall - a.reviewers.shortfall || a.name.localeCompare(b.name));
  return (
    <Panel title="Reviewer shortfalls" count={short.length} sources={d.sources.reviewers}>
      {short.length === 0 ? (
        <p className="empty-line">Every school has attended or booked all the reviewers it owes.</p>
      ) : (
        <GridTable label="Reviewer shortfalls">
          <TableHead columns={['School', { num: 'Owed' }, { num: 'Attended' }, { num: 'Booked' }, { num: 'Short' }, 'Status']} />
          <tbody>
            {short.map((s) => (
              <tr key={s.schoolId}>
                <td><SchoolLink id={s.schoolId} name={s.name} /></td>
                <td className="num">{s.reviewers.owed}</td>
                <td className="num">{s.reviewers.attended}</td>
                <td className="num">{s.reviewers.booked}</td>
                <td className="num strong">{s.reviewers.shortfall}</td>
                <td><StatusChip status={s.reviewers.status} /></td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      )}
    </Panel>
  );
}

export function ReviewFirstPanel({ d }: { d: D }) {
  const flagged = d.schools.filter((s) => s.reviewBeforeFirstAttendance.flagged);
  return (
    <Panel title="Review before first reviewer attendance" count={flagged.length} sources={d.sources.reviewers}>
      {flagged.length === 0 ? (
        <p className="empty-line">Every school with a review this year sends a leader to another review first.</p>
      ) : (
        <ul className="dash-list">
          {flagged.map((s) => (
            <li key={s.schoolId}>
              <SchoolLink id={s.schoolId} name={s.name} />: own review {formatDate(s.reviewBeforeFirstAttendance.ownReviewStart)},{' '}
              {s.reviewBeforeFirstAttendance.firstAttendance ? `first attendance ${formatDate(s.reviewBeforeFirstAttendance.firstAttendance)}` : 'no reviewer booked elsewhere yet'}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function TrainingPanel({ d }: { d: D }) {
  const flagged = d.schools.filter((s) => s.headteacherTraining.flagged);
  return (
    <Panel title="Untrained new headteachers" count={flagged.length} sources={d.sources.roll}>
      {flagged.length === 0 ? (
        <p className="empty-line">Every headteacher who must attend reviewer training has done so.</p>
      ) : (
        <ul className="dash-list">
          {flagged.map((s) => (
            <li key={s.schoolId}>
              <SchoolLink id={s.schoolId} name={s.name} />: {s.headteacher ?? 'headteacher not recorded'}
              {s.headteacherSince ? ` (since ${formatDate(s.headteacherSince)})` : ''}
              <div className="small muted">{s.headteacherTraining.reason}</div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function MeetingsPanel({ d }: { d: D }) {
  return (
    <Panel title="Hub meetings and attendance" count={d.meetings.length} sources={d.sources.meetings}>
      {d.meetings.length === 0 ? (
        <p className="empty-line">No meeting dates recorded for {d.year}.</p>
      ) : (
        <ul className="dash-list">
          {d.meetings.map((m) => (
            <li key={m.id}>
              <span className="strong">{formatDate(m.date)}</span> <span className="tag">{m.term}</span> {m.format ?? ''}
              {m.past ? (
                <span>
                  {' '}· {m.attended} of {m.recorded} schools attended
                  {m.absent.length > 0 ? <div className="small muted">Absent: {m.absent.join(', ')}</div> : null}
                </span>
              ) : (
                <span className="muted"> · upcoming</span>
              )}
              {m.submittedOn ? <div className="small muted">Date submitted {formatDate(m.submittedOn)}</div> : <div className="small warn-text">Date not submitted</div>}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function FundingPanel({ d }: { d: D }) {
  const f = d.funding;
  return (
    <Panel title="Action plan and funding" sources={d.sources.funding}>
      <dl className="facts dash-facts">
        <dt>Funding {d.year}</dt>
        <dd className="money">{formatPence(f.fundingPence)} <span className="small muted">({f.applied === 'minimum' ? 'minimum applies' : f.applied === 'formula' ? 'formula' : f.applied})</span></dd>
        <dt>Carry forward</dt>
        <dd className="money">{formatPence(f.carryForwardPence)}</dd>
        <dt>Total available</dt>
        <dd className="money strong">{formatPence(f.totalAvailablePence)}{f.locked ? <span className="tag">locked</span> : null}</dd>
        <dt>Planned</dt>
        <dd className="money">{formatPence(f.plannedPence)} <span className="small muted">({f.planLines} plan lines)</span></dd>
        <dt>Released</dt>
        <dd className={`money${f.overReleased ? ' warn-text' : ''}`}>{formatPence(f.releasedPence)}{f.overReleased ? ' — more than available' : ''}</dd>
        <dt>Remaining</dt>
        <dd className="money">{formatPence(f.remainingPence)}</dd>
        <dt>Draft plan</dt>
        <dd className={f.deadlines.draft.status === 'overdue' || f.deadlines.draft.status === 'late' ? 'warn-text' : undefined}>{f.deadlines.draft.message}</dd>
        <dt>Final plan</dt>
        <dd className={f.deadlines.final.status === 'overdue' || f.deadlines.final.status === 'late' ? 'warn-text' : undefined}>{f.deadlines.final.message}</dd>
      </dl>
      <ul className="dash-conditions" aria-label="Release conditions">
        {f.release.conditions.map((c) => (
          <li key={c.key} className={c.met ? 'met' : 'unmet'}>
            <span aria-hidden="true">{c.met ? '✓' : '✗'}</span> {c.label}
            {!c.met ? <div className="small muted">{c.detail}</div> : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/funding/${d.hub.id}`}>Open the hub’s funding, plan and claims</Link>
      </p>
    </Panel>
  );
}
