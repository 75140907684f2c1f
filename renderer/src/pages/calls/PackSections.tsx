import type { ReactNode } from 'react';
import type { CallPack } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { formatDate } from '../../components/format';
import { isSupportOpen } from '@shared/domain/support';
import { CALL_KIND_LABELS } from '@shared/domain/calls';
import { londonDayTime } from '@shared/uk-date';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';

function Section({ id, title, count, children, note }: { id: string; title: string; count?: number; children: ReactNode; note?: ReactNode }) {
  return (
    <section className="panel pack-section" aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {count !== undefined ? <span className="dash-count">{count}</span> : null}
      </h2>
      {note ? <p className="muted pack-note">{note}</p> : null}
      {children}
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="pack-empty">{children}</p>;
}

/** What the pack's changes are since: the last call of the pack's kind (day and time), else the start of term. */
export function sinceText(p: CallPack): string {
  const kind = CALL_KIND_LABELS[p.kind];
  const last = p.window.lastCall;
  return last
    ? `since the last call on ${formatDate(last.heldOn)} at ${londonDayTime(last.heldAt).time} (${kind} call)`
    : `since the start of term, ${formatDate(p.term.start)} (no ${kind} call yet)`;
}

export function ChangesSection({ pack: p }: { pack: CallPack }) {
  return (
    <Section id="pack-changes" title={`What changed ${sinceText(p)}`} count={p.timeline.length} note={`Up to ${formatDate(p.window.until)}. Ofsted by publication date.`}>
      {p.timeline.length === 0 ? (
        <Empty>Nothing recorded has changed {sinceText(p)}.</Empty>
      ) : (
        <GridTable className="data-table compact pack-table" label="What changed">
          <TableHead columns={['Date', 'What', 'School', 'Detail']} />
          <tbody>
            {p.timeline.map((l, i) => (
              <tr key={`${l.date}-${i}`}>
                <td className="nowrap">{formatDate(l.date)}</td>
                <td className="strong">{l.what}</td>
                <td>{l.school || '—'}</td>
                <td>{l.detail}</td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      )}
    </Section>
  );
}

export function ReviewsSection({ pack: p }: { pack: CallPack }) {
  const short = p.reviewers.filter((r) => r.shortfall > 0);
  return (
    <>
      <Section id="pack-upcoming" title="QA reviews coming up" count={p.reviewsComingUp.length} note={`Membership year ${p.term.membershipYear}, as at ${formatDate(p.asAt)}.`}>
        {p.reviewsComingUp.length === 0 ? (
          <Empty>No reviews coming up this membership year.</Empty>
        ) : (
          <GridTable className="data-table compact pack-table" label="Reviews coming up">
            <TableHead columns={['Dates', 'School', { num: 'Team' }, 'Reviewers']} />
            <tbody>
              {p.reviewsComingUp.map((r) => (
                <tr key={r.reviewId}>
                  <td className="nowrap">
                    {formatDate(r.date)} – {formatDate(r.endDate)}
                  </td>
                  <td>{r.school}</td>
                  <td className="num">
                    {r.filled}/{r.teamSize}
                    {r.openPlaces > 0 ? <span className="warn-text block">{r.openPlaces} open</span> : null}
                  </td>
                  <td>{r.reviewers.length === 0 ? '—' : r.reviewers.map((x) => `${x.name} (${x.homeSchool}, ${x.status})`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </GridTable>
        )}
      </Section>
      <Section
        id="pack-reviewers"
        title="Reviewer commitments: shortfalls"
        count={short.length}
        note={`${p.reviewers.length - short.length} of ${p.reviewers.length} schools have attended or booked all the reviewers they owe.`}
      >
        {short.length === 0 ? (
          <Empty>No school is short of reviewers.</Empty>
        ) : (
          <GridTable className="data-table compact pack-table" label="Reviewer shortfalls">
            <TableHead columns={['School', { num: 'Owed' }, { num: 'Attended' }, { num: 'Booked' }, { num: 'Dropped' }, { num: 'Short' }, 'Status']} />
            <tbody>
              {short.map((r) => (
                <tr key={r.schoolId}>
                  <td>{r.school}</td>
                  <td className="num">{r.owed}</td>
                  <td className="num">{r.attended}</td>
                  <td className="num">{r.booked}</td>
                  <td className="num">{r.dropped}</td>
                  <td className="num strong">{r.shortfall}</td>
                  <td>{r.status}</td>
                </tr>
              ))}
            </tbody>
          </GridTable>
        )}
      </Section>
      <Section id="pack-dropouts" title="Drop-outs needing a replacement" count={p.dropOuts.length}>
        {p.dropOuts.length === 0 ? (
          <Empty>No reviewer has dropped out of a review still to come without a replacement.</Empty>
        ) : (
          <GridTable className="data-table compact pack-table" label="Drop-outs">
            <TableHead columns={['Review starts', 'Reviewer', 'From', 'Review of']} />
            <tbody>
              {p.dropOuts.map((d, i) => (
                <tr key={`${d.reviewId}-${i}`}>
                  <td className="nowrap">{formatDate(d.date)}</td>
                  <td>{d.reviewer}</td>
                  <td>{d.homeSchool}</td>
                  <td>{d.hostSchool}</td>
                </tr>
              ))}
            </tbody>
          </GridTable>
        )}
      </Section>
    </>
  );
}

export function VulnerableSection({ pack: p }: { pack: CallPack }) {
  return (
    <Section id="pack-vulnerable" title="Vulnerable schools" count={p.vulnerable.length}>
      {p.vulnerable.length === 0 ? (
        <Empty>No school is flagged as vulnerable.</Empty>
      ) : (
        <ul className="plain-list pack-list">
          {p.vulnerable.map((v) => (
            <li key={v.schoolId}>
              <span className="strong">{v.school}</span> {v.isNew ? <span className="tag tag-new-flag">{p.window.basis === 'last call' ? 'new since last call' : 'new this term'}</span> : null}{' '}
              <span className="muted">(flag dated {formatDate(v.date)})</span>
              <span className="block">{v.reasons.join(' ')}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function SupportSection({ pack: p }: { pack: CallPack }) {
  const open = p.supportRequests.filter((r) => isSupportOpen(r.status)).length;
  return (
    <Section
      id="pack-support"
      title="Support requests"
      count={p.supportRequests.length}
      note={`${open} still open; done or declined ones are listed when they changed ${sinceText(p)}.`}
    >
      {p.supportRequests.length === 0 ? (
        <Empty>No school of the hub has a support request open or changed {sinceText(p)}.</Empty>
      ) : (
        <GridTable className="data-table compact pack-table" label="Support requests">
          <TableHead columns={['Requested', 'School', 'Area of support', 'Status', 'Brokered to']} />
          <tbody>
            {p.supportRequests.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">
                  {formatDate(r.date)} {r.isNew ? <span className="tag tag-new-flag">{p.window.basis === 'last call' ? 'new since last call' : 'new this term'}</span> : null}
                </td>
                <td>{r.school}</td>
                <td>
                  {r.area}
                  {r.notes ? <span className="muted block">{r.notes}</span> : null}
                </td>
                <td>
                  <span className={`tag tag-support-${r.status.replace(/\s+/g, '-')}`}>{r.status}</span>
                </td>
                <td>{r.brokeredTo ?? <span className="muted">{r.status === 'open' ? 'not brokered yet' : '—'}</span>}</td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      )}
    </Section>
  );
}

export function FundingSection({ pack: p }: { pack: CallPack }) {
  const f = p.funding;
  return (
    <Section id="pack-funding" title={`Funding ${p.term.membershipYear}`} note={`As recorded on ${formatDate(p.generatedOn)}.`}>
      <dl className="pack-figures">
        <div>
          <dt>Total available</dt>
          <dd>{formatPence(f.totalAvailablePence)}</dd>
        </div>
        <div>
          <dt>Released</dt>
          <dd>{formatPence(f.releasedPence)}</dd>
        </div>
        <div>
          <dt>Remaining</dt>
          <dd className={f.remainingPence < 0 ? 'warn-text' : undefined}>{formatPence(f.remainingPence)}</dd>
        </div>
        <div>
          <dt>Awaiting payment</dt>
          <dd>{formatPence(f.awaitingPaymentPence)}</dd>
        </div>
      </dl>
      {f.problems.map((m) => (
        <p key={m} className="warn-text">
          {m}
        </p>
      ))}
      {f.releaseMet ? (
        <p className="ok-text">All release conditions are met.</p>
      ) : (
        <>
          <h3>Release conditions missing</h3>
          <ul className="plain-list pack-list">
            {f.conditionsMissing.map((c) => (
              <li key={c.key}>
                <span className="strong">{c.label}.</span> {c.detail}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Claims pending</h3>
      {f.claimsPending.length === 0 ? (
        <Empty>No claims waiting for payment.</Empty>
      ) : (
        <GridTable className="data-table compact pack-table" label="Claims pending">
          <TableHead columns={['Claimed', 'Invoice', 'Priority', { num: 'Amount' }, 'Status']} />
          <tbody>
            {f.claimsPending.map((c, i) => (
              <tr key={`${c.invoiceRef}-${i}`}>
                <td className="nowrap">{formatDate(c.date)}</td>
                <td className="mono">{c.invoiceRef ?? '—'}</td>
                <td>{c.priority ?? '—'}</td>
                <td className="num">{formatPence(c.amountPence)}</td>
                <td>{c.status}</td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      )}
    </Section>
  );
}

export function MeetingsSection({ pack: p }: { pack: CallPack }) {
  return (
    <Section id="pack-meetings" title="Hub meetings" count={p.meetings.length}>
      {p.meetings.length === 0 ? (
        <Empty>No meeting dates recorded for {p.term.membershipYear}.</Empty>
      ) : (
        <GridTable className="data-table compact pack-table" label="Hub meetings">
          <TableHead columns={['Date', 'Term', 'Format', 'Attendance']} />
          <tbody>
            {p.meetings.map((m) => (
              <tr key={m.id}>
                <td className="nowrap">
                  {formatDate(m.date)} {m.isNew ? <span className="tag tag-new-flag">{p.window.basis === 'last call' ? 'since last call' : 'this term'}</span> : null}
                </td>
                <td>{m.term}</td>
                <td>{m.format ?? '—'}</td>
                <td>
                  {m.past ? (
                    <>
                      {m.attended}/{m.recorded} schools
                      {m.absent.length > 0 ? <span className="muted block">Absent: {m.absent.join(', ')}</span> : null}
                    </>
                  ) : (
                    <span className="muted">to come</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      )}
    </Section>
  );
}

export function PreviousCallsSection({ pack: p }: { pack: CallPack }) {
  if (p.previousCalls.length === 0) return null;
  return (
    <Section id="pack-previous" title="Earlier calls" count={p.previousCalls.length}>
      <ul className="plain-list pack-list">
        {p.previousCalls.map((c) => (
          <li key={c.id}>
            <span className="strong">{formatDate(c.heldOn)}</span> · {c.kind === 'hub_manager' ? 'Hub Manager' : 'Senior Partner'} call
            {c.attendees.length > 0 ? ` with ${c.attendees.join(', ')}` : ''}
            {c.notes ? <span className="block pack-notes">{c.notes}</span> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
