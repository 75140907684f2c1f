import { Link, useParams } from 'react-router';
import type { DashboardInspection, SchoolDashboard } from '@shared/contract';
import { QA_HEADINGS } from '@shared/domain/vocabulary';
import { useQueryOf } from '../../data/queries';
import { Loaded } from '../../data/Loaded';
import { useStatus } from '../../state/status';
import { PageHeader } from '../../components/PageHeader';
import { formatCount, formatDate } from '../../components/format';
import { Panel } from '../../components/dashboard/Panel';
import { GradeChip } from '../../components/dashboard/Grade';
import { StatusChip } from '../../components/dashboard/Bars';
import { AddTrainingButton, EditSchoolButton, ReviewOutcomeButton, ReviewTeamButton, ScheduleReviewButton } from '../../dialogs/SchoolActions';
import { SupportPanel } from './SupportPanel';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';

function Inspection({ i, schoolUrn }: { i: DashboardInspection; schoolUrn: string }) {
  return (
    <li className="dash-history-item">
      <div className="dash-history-head">
        <span className="strong">{formatDate(i.startDate)}</span>
        <span className="dash-framework">{i.frameworkLabel}</span>
        {i.inspectionType ? <span className="small muted">{i.inspectionType}</span> : null}
        {i.publicationDate ? <span className="small muted">published {formatDate(i.publicationDate)}</span> : null}
        {i.urn !== schoolUrn ? <span className="dash-framework" title="An inspection of this school under its earlier URN (the records were merged)">under URN {i.urn}</span> : null}
      </div>
      <div className="dash-history-grades">
        {i.framework === 'ungraded' ? (
          <span>{i.outcomeText ?? 'Ungraded inspection'} <span className="small muted">(no grades)</span></span>
        ) : (
          <>
            <span className="dash-overall">
              <span className="small muted">Overall effectiveness:</span>{' '}
              {i.overall.code !== null ? <GradeChip grade={i.overall.code} label={i.overall.label} date={i.overall.date} /> : <span className="muted">{i.overall.label}</span>}
            </span>
            {i.categoryOfConcern ? <span className="dash-grade tone-poor">{i.categoryOfConcern}</span> : null}
            {i.reading ? <span className="small muted dash-reading">{i.reading.label}</span> : null}
            <ul className="dash-judgements">
              {i.judgements.map((j) => (
                <li key={j.area}>
                  <span className="small">{j.area}</span> <GradeChip grade={j.grade} label={j.label} date={j.date !== i.startDate ? j.date : null} small />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="dash-source">Source: {i.source ?? 'recorded in hubdesk'}{i.sourceAsAt ? `, Ofsted data as at ${formatDate(i.sourceAsAt)}` : ''}</div>
    </li>
  );
}

function Reviews({ d }: { d: SchoolDashboard }) {
  if (d.reviews.length === 0) return <p className="empty-line">No QA Review recorded for this school.</p>;
  return (
    <div className="dash-reviews">
      {d.reviews.map((r) => (
        <article key={r.reviewId} className="dash-review" aria-label={`QA Review ${r.year}`}>
          <header className="dash-review-head">
            <h3>
              {r.year}: {formatDate(r.startDate)} – {formatDate(r.endDate)}
            </h3>
            <span className="small muted">
              Lead reviewer {r.leadReviewer ?? '—'} · {r.reportReceivedOn ? `report received ${formatDate(r.reportReceivedOn)}` : r.startDate > d.today ? 'upcoming' : 'report not received yet'}
              {r.source ? ` · source: ${r.source}` : ''}
            </span>
          </header>
          <div className="dash-aoe-line">
            <span className="label">Area of Excellence</span>{' '}
            {r.aoeTitle ? (
              <>
                <span className="strong">{r.aoeTitle}</span>{' '}
                <span className={r.aoeAccredited ? 'dash-flag flag-good' : 'dash-flag'}>{r.aoeAccredited ? 'Accredited' : 'Not accredited'}</span>
              </>
            ) : (
              <span className="muted">none proposed</span>
            )}
          </div>
          {r.startDate > d.today && r.headings.every((h) => h.www.length === 0 && h.ebi.length === 0) ? (
            <p className="empty-line">The review has not taken place yet: its estimates, WWWs and EBIs will appear here once recorded.</p>
          ) : (
          <div className="dash-headings">
            {r.headings.map((h) => {
              const estimate = h.key ? r.estimates[h.key as (typeof QA_HEADINGS)[number]['key']] : null;
              return (
                <section key={h.key ?? 'none'} className="dash-heading">
                  <h4>
                    {h.label} {estimate ? <GradeChip grade={estimate} small /> : h.key ? <span className="small muted">no estimate</span> : null}
                  </h4>
                  <div className="dash-points">
                    <div>
                      <span className="label">WWW</span>
                      {h.www.length ? <ul>{h.www.map((p) => <li key={p.id}>{p.text}</li>)}</ul> : <p className="small muted">None</p>}
                    </div>
                    <div>
                      <span className="label">EBI</span>
                      {h.ebi.length ? (
                        <ul>
                          {h.ebi.map((p) => (
                            <li key={p.id}>
                              {p.text} <Link className="small" to={`/explorer?ebi=${p.id}`}>Find support</Link>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p className="small muted">None</p>
                      )}
                    </div>
                  </div>
                </section>
              );
            })}
          </div>
          )}
          {r.team.length > 0 ? (
            <p className="small">
              <span className="label">Review team</span>{' '}
              {r.team.map((m) => `${m.name} (${m.homeSchool}, ${m.status}${m.replaces ? `, replacing ${m.replaces}` : ''})`).join('; ')}
            </p>
          ) : null}
          <div className="review-actions">
            <ReviewOutcomeButton reviewId={r.reviewId} today={d.today} />
            <ReviewTeamButton reviewId={r.reviewId} today={d.today} />
          </div>
        </article>
      ))}
    </div>
  );
}

export function SchoolPage() {
  const { schoolId } = useParams();
  const { year } = useStatus();
  const school = useQueryOf('schoolDashboard', { schoolId: Number(schoolId), year: year ?? undefined });
  return (
    <Loaded query={school} error="Could not load this school" loading="Loading school…">
      {(d) => <SchoolView d={d} />}
    </Loaded>
  );
}

function SchoolView({ d }: { d: SchoolDashboard }) {
  const s = d.school;
  const c = d.current;

  return (
    <div className="dash">
      <PageHeader
        crumbs={
          <>
            <Link to="/network">Network</Link>
            {c ? (
              <>
                {' › '}
                <Link to={`/hubs/${c.hubId}`}>{c.hub}</Link>
              </>
            ) : null}
          </>
        }
        title={s.name}
        subtitle={`URN ${s.urn} · ${[s.phase, s.schoolType, s.localAuthority].filter(Boolean).join(' · ')}${c ? ` · ${formatCount(c.pupils)} pupils in ${d.year}` : ` · not a member in ${d.year}`}`}
        actions={<EditSchoolButton schoolId={s.id} today={d.today} />}
      />
      {c?.vulnerable.flagged ? (
        <div className="error-panel" role="alert">
          <h2>Vulnerable school ({c.vulnerable.academicYear})</h2>
          {c.vulnerable.reasons.map((r) => (
            <p key={r}>{r}</p>
          ))}
        </div>
      ) : null}
      <div className="dash-school-top">
        <Panel title="Contacts" sources={d.sources.roll}>
          <dl className="facts">
            <dt>Headteacher</dt>
            <dd>{s.headteacher ?? '—'}{s.headteacherSince ? ` (since ${formatDate(s.headteacherSince)})` : ''}</dd>
            <dt>Email</dt>
            <dd>{s.email ? <a href={`mailto:${s.email}`}>{s.email}</a> : '—'}</dd>
            <dt>Telephone</dt>
            <dd>{s.phone ?? '—'}</dd>
            <dt>Trust</dt>
            <dd>{s.trust ?? '—'}</dd>
            <dt>Postcode</dt>
            <dd>{s.postcode ?? '—'}</dd>
            {s.contacts.filter((ct) => !(s.headteacher && ct.name === s.headteacher && /head/i.test(ct.role))).map((ct) => (
              <FragmentContact key={`${ct.role}-${ct.name}`} role={ct.role} name={ct.name} email={ct.email} />
            ))}
          </dl>
        </Panel>
        <Panel title={`Reviewer commitment ${d.year}`} sources={[...d.sources.qa, { what: 'Counted', source: 'as at today (booked = review date today or later)', asAt: d.today }]}>
          {c ? (
            <>
              <div className="dash-commit">
                <div><span className="dash-big">{c.reviewers.owed}</span><span className="label">owed</span></div>
                <div><span className="dash-big">{c.reviewers.attended}</span><span className="label">attended</span></div>
                <div><span className="dash-big">{c.reviewers.booked}</span><span className="label">booked</span></div>
                <div><span className="dash-big">{c.reviewers.dropped}</span><span className="label">dropped</span></div>
                <div><span className="dash-big">{c.reviewers.shortfall}</span><span className="label">shortfall</span></div>
                <div><StatusChip status={c.reviewers.status} /></div>
              </div>
              {c.reviewers.phaseAssumed ? <p className="small warn-text">Phase unknown: the team size read the Primary column.</p> : null}
              {c.reviewBeforeFirstAttendance.flagged ? (
                <p className="small warn-text">Hosts its review ({formatDate(c.reviewBeforeFirstAttendance.ownReviewStart)}) before any of its leaders attends another school’s.</p>
              ) : null}
              <p className={`small ${c.headteacherTraining.flagged ? 'warn-text' : 'muted'}`}>Training: {c.headteacherTraining.reason}</p>
            </>
          ) : (
            <p className="empty-line">Not a member school in {d.year}.</p>
          )}
        </Panel>
        <Panel title="Membership history" sources={d.sources.roll}>
          <GridTable label="Membership history">
            <TableHead columns={['Year', 'Hub', { num: 'Pupils' }, 'Status']} />
            <tbody>
              {d.memberships.map((m) => (
                <tr key={m.year}>
                  <td>{m.year}</td>
                  <td><Link to={`/hubs/${m.hubId}`}>{m.hub}</Link></td>
                  <td className="num">{formatCount(m.pupils)}</td>
                  <td>
                    <span className={`tag tag-${m.status}`}>{m.status}</span>
                    <div className="small">{m.feePaidOn ? <span className="muted">fee paid {formatDate(m.feePaidOn)}</span> : <span className="warn-text">fee not paid</span>}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </GridTable>
        </Panel>
      </div>

      <Panel title="Ofsted history" count={d.ofsted.length} sources={d.sources.ofsted}>
        {d.ofsted.length === 0 ? <p className="empty-line">No Ofsted inspection recorded for URN {s.urn}.</p> : <ol className="dash-history">{d.ofsted.map((i) => <Inspection key={i.id} i={i} schoolUrn={s.urn} />)}</ol>}
      </Panel>

      <Panel title="QA Reviews" count={d.reviews.length} sources={d.sources.qa}>
        {c && !c.qa.thisYear ? <ScheduleReviewButton schoolId={s.id} year={d.year} /> : null}
        <Reviews d={d} />
      </Panel>

      <SupportPanel d={d} />

      <div className="dash-panels">
        <Panel title="Reviewer record" count={d.reviewerRecord.length} sources={d.sources.qa}>
          {d.reviewerRecord.length === 0 ? (
            <p className="empty-line">This school has not sent a reviewer to another school’s review.</p>
          ) : (
            <GridTable label="Reviewer record">
              <TableHead columns={['Review', 'Reviewer', 'Went to', 'Status']} />
              <tbody>
                {d.reviewerRecord.map((r) => (
                  <tr key={r.assignmentId}>
                    <td className="nowrap">{formatDate(r.reviewStart)} <span className="small muted">{r.year}</span></td>
                    <td>{r.reviewerName}{r.reviewerRole ? <div className="small muted">{r.reviewerRole}</div> : null}</td>
                    <td><Link to={`/schools/${r.hostSchoolId}`}>{r.hostSchool}</Link></td>
                    <td>
                      <span className={`tag tag-rev-${r.status}`}>{r.status}</span>
                      {r.notTrained ? <span className="tag warn-text" title="No reviewer training recorded by the review’s first day: not counted">not trained</span> : null}
                      {r.replacedBy ? <div className="small muted">replaced by {r.replacedBy.name} ({r.replacedBy.homeSchool})</div> : null}
                      {r.replaces ? <div className="small muted">replacing {r.replaces.name} ({r.replaces.homeSchool})</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </GridTable>
          )}
        </Panel>
        <Panel title="Reviewer training" count={d.trainings.length} sources={d.sources.qa}>
          <AddTrainingButton schoolId={s.id} school={s.name} today={d.today} />
          {d.trainings.length === 0 ? (
            <p className="empty-line">Nobody from this school has a reviewer training record.</p>
          ) : (
            <ul className="dash-list">
              {d.trainings.map((t) => (
                <li key={`${t.personName}-${t.trainedOn}`}>
                  {t.personName} <span className="small muted">{t.role ?? ''}</span> · trained {formatDate(t.trainedOn)}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </div>
  );
}

function FragmentContact({ role, name, email }: { role: string; name: string; email: string | null }) {
  return (
    <>
      <dt>{role}</dt>
      <dd>
        {name}
        {email ? (
          <>
            {' · '}
            <a href={`mailto:${email}`}>{email}</a>
          </>
        ) : null}
      </dd>
    </>
  );
}
