import type { CallPack, PackTimelineItem } from '@shared/contract/calls';
import { formatPence } from '@shared/domain/money';
import { QA_HEADINGS } from '@shared/domain/vocabulary';

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
        `Review ${r.reviewStart} to ${r.reviewEnd}.`,
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
      detail: `Review ${r.startDate} to ${r.endDate}${r.leadReviewer ? `, lead reviewer ${r.leadReviewer}` : ''}. ${r.reportReceivedOn ? `Report received ${r.reportReceivedOn}.` : 'Report not yet received.'}`,
    })),
    ...c.reviewersOut.map((r) => ({ date: r.date, what: 'Reviewer went out', school: r.homeSchool, urn: '', detail: `${r.reviewer} to the review of ${r.hostSchool} (${r.status}).` })),
    ...c.ofsted.map((i) => ({
      date: i.date,
      what: i.published ? 'Ofsted report published' : 'Ofsted inspection (report not yet published)',
      school: i.school,
      urn: i.urn,
      detail: [
        `Inspected ${i.inspectionDate}. ${i.frameworkLabel}. Overall: ${i.overall}.`,
        i.categoryOfConcern ? `Category of concern: ${i.categoryOfConcern}.` : '',
        i.judgements.length > 0 ? i.judgements.map((j) => `${j.area}: ${j.label}`).join('; ') + '.' : '',
        i.outcomeText ?? '',
      ].filter((s) => s !== '').join(' '),
    })),
    ...c.membership.map((m) => ({ date: m.date, what: `Membership: ${m.change}`, school: m.school, urn: m.urn, detail: `${m.detail} (import ${m.source}).` })),
    ...c.newHeadteachers.map((h) => ({ date: h.date, what: 'New headteacher', school: h.school, urn: h.urn, detail: `${h.headteacher}${h.trained ? ' (reviewer trained)' : ' (not yet reviewer trained)'}.` })),
    ...c.claimsPaid.map((p) => ({ date: p.date, what: 'Claim paid', school: '', urn: '', detail: `${p.invoiceRef ?? 'No invoice reference'}${p.priority ? `, ${p.priority}` : ''}: ${formatPence(p.amountPence)}.` })),
    ...c.actionsClosed.map((a) => ({ date: a.doneOn!, what: `Action ${a.status}`, school: '', urn: '', detail: `${a.text}${a.owner ? ` (${a.owner})` : ''}, agreed ${a.callHeldOn}.` })),
  ];
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}
