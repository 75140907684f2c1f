import type { CallPack, PackTimelineItem } from '@shared/contract/calls';
import { formatPence } from '@shared/domain/money';
import { QA_HEADINGS } from '@shared/domain/vocabulary';
import { longDate } from '@shared/domain/reconciliation';

const span = (from: string, to: string) => `${longDate(from)} to ${longDate(to)}`;

/** Reviewers of the hub's schools who went to the same review, as one line. */
function reviewerLines(out: CallPack['changes']['reviewersOut']): PackTimelineItem[] {
  const groups = new Map<string, CallPack['changes']['reviewersOut']>();
  for (const r of out) {
    const key = `${r.date}\u0000${r.hostSchool}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((list) => ({
    date: list[0]!.date,
    what: list.length === 1 ? 'Reviewer went out' : `${list.length} reviewers went out`,
    school: list[0]!.hostSchool,
    urn: '',
    detail: `To the review of ${list[0]!.hostSchool}: ${list.map((r) => `${r.reviewer} (${r.homeSchool}${r.status === 'attended' ? '' : `, ${r.status}`})`).join(', ')}.`,
  }));
}

/** The pack's changes as one list of dated lines, oldest first. */
export function timeline(c: CallPack['changes']): PackTimelineItem[] {
  const heading = (key: string) => QA_HEADINGS.find((h) => h.key === key)!.label;
  const rows: PackTimelineItem[] = [
    ...c.qaReports.map((r) => ({
      date: r.date,
      what: 'QA report received',
      school: r.school,
      urn: r.urn,
      detail: [
        `Review ${span(r.reviewStart, r.reviewEnd)}.`,
        ...(['leadership', 'quality', 'disadvantaged'] as const).map((k) => `${heading(k)}: ${r.estimates[k] ?? 'not given'}.`),
        r.aoe ? `Area of Excellence: ${r.aoe.title}${r.aoe.accredited ? ' (accredited)' : ''}.` : 'No Area of Excellence.',
        `${r.www} WWW, ${r.ebi} EBI.`,
      ].join(' '),
    })),
    ...c.reviewsHeld.map((r) => ({
      date: r.date,
      what: 'QA review held',
      school: r.school,
      urn: r.urn,
      detail: `Review ${span(r.startDate, r.endDate)}${r.leadReviewer ? `, lead reviewer ${r.leadReviewer}` : ''}. ${r.reportReceivedOn ? `Report received ${longDate(r.reportReceivedOn)}.` : 'Report not yet received.'}`,
    })),
    ...reviewerLines(c.reviewersOut),
    ...c.ofsted.map((i) => ({
      date: i.date,
      what: i.published ? 'Ofsted report published' : 'Ofsted inspection (report not yet published)',
      school: i.school,
      urn: i.urn,
      detail: [
        `Inspected ${longDate(i.inspectionDate)}. ${i.frameworkLabel}. Overall: ${i.overall}.`,
        i.categoryOfConcern ? `Category of concern: ${i.categoryOfConcern}.` : '',
        i.judgements.length > 0 ? i.judgements.map((j) => `${j.area}: ${j.label}`).join('; ') + '.' : '',
        i.outcomeText ?? '',
      ].filter((s) => s !== '').join(' '),
    })),
    ...c.membership.map((m) => ({ date: m.date, what: `Membership: ${m.change}`, school: m.school, urn: m.urn, detail: `${m.detail} (import ${m.source}).` })),
    ...c.newHeadteachers.map((h) => ({ date: h.date, what: 'New headteacher', school: h.school, urn: h.urn, detail: `${h.headteacher}, headteacher since ${longDate(h.date)}${h.trained ? ' (reviewer trained)' : ' (not yet reviewer trained)'}.` })),
    ...c.claimsPaid.map((p) => ({ date: p.date, what: 'Claim paid', school: '', urn: '', detail: `${p.invoiceRef ?? 'No invoice reference'}${p.priority ? `, ${p.priority}` : ''}: ${formatPence(p.amountPence)}.` })),
    ...c.supportRequested.map((r) => ({
      date: r.date,
      what: 'Support requested',
      school: r.school,
      urn: r.urn,
      detail: `“${r.area}”: ${r.status}${r.brokeredTo ? `, brokered to ${r.brokeredTo}` : ''}.`,
    })),
    ...c.actionsClosed.map((a) => ({ date: a.doneOn!, what: `Action ${a.status}`, school: '', urn: '', detail: `${a.text}${a.owner ? ` (${a.owner})` : ''}, agreed on the call of ${longDate(a.callHeldOn)}.` })),
  ];
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}
