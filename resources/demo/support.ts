/**
 * Support requests for the demo: schools asking for support on one of their EBIs
 * (or on an area of their own), some brokered to a member school whose accredited Area of Excellence
 * speaks to that EBI, some to someone outside the network, with every status. Pure and deterministic.
 */
import { EBI_TEXTS } from './qa-texts';
import type { DemoReview } from './qa';
import { addDays, dateBetween, randomFor } from './random';

export type DemoSupportStatus = 'open' | 'brokered' | 'in progress' | 'done' | 'declined';

export interface DemoSupportRequest {
  urn: string;
  requestedOn: string;
  area: string;
  /** The EBI it is about: the school's review of that year, and the EBI's text. */
  ebi: { year: string; text: string } | null;
  brokeredToUrn: string | null;
  brokeredTo: string | null;
  status: DemoSupportStatus;
  notes: string | null;
  /** The day of its last change. */
  updatedOn: string;
}

/** The Areas of Excellence that answer an EBI (the matches a Hub Manager would make by hand). */
const HELPS: Record<string, readonly string[]> = {
  [EBI_TEXTS.leadership[0]!]: ['Developing middle leaders'],
  [EBI_TEXTS.quality[0]!]: ['Early reading and phonics', 'Disciplinary literacy in Key Stage 3'],
  [EBI_TEXTS.quality[3]!]: ['Curriculum design in the foundation subjects'],
  [EBI_TEXTS.quality[5]!]: ['Retrieval practice and assessment for learning'],
  [EBI_TEXTS.disadvantaged[0]!]: ['Adaptive teaching for pupils with SEND'],
  [EBI_TEXTS.disadvantaged[1]!]: ['Attendance and family engagement'],
  [EBI_TEXTS.disadvantaged[2]!]: ['Adaptive teaching for pupils with SEND', 'Inclusion of pupils with complex needs in mainstream'],
};

const OUTSIDE = ['Local authority SEND advisory service', 'Local authority school improvement adviser', 'Education Endowment Foundation research school', 'Trust director of education'];

const NOTES: Record<DemoSupportStatus, readonly string[]> = {
  open: ['Raised by the headteacher at the autumn hub meeting.', 'Asked for by email after the QA Review report.'],
  brokered: ['Introduced the two headteachers by email; first visit to be arranged.', 'Both schools agreed; dates to be set after half term.'],
  'in progress': ['First visit held; a second visit is planned for next half term.', 'Two staff have visited; joint planning sessions under way.'],
  done: ['Three visits and a joint INSET day. The school reports the EBI addressed.', 'Support completed; the school will share what it learned at the next hub meeting.'],
  declined: ['The school chose to work on this within its trust instead.'],
};

const OUTSIDE_NOTES: Partial<Record<DemoSupportStatus, readonly string[]>> = {
  brokered: ['Passed on with the school’s consent; the adviser will contact the headteacher.'],
  'in progress': ['The adviser has visited once; a plan is agreed with the school.'],
  done: ['The adviser’s programme is finished; the school is pleased with the impact.'],
};

/** Aspire Hub's requests tell the whole story; a few other hubs have one or two each. */
const PLAN: { hub: string; statuses: DemoSupportStatus[] }[] = [
  { hub: 'Aspire Hub', statuses: ['open', 'brokered', 'in progress', 'done', 'in progress', 'declined', 'brokered'] },
  { hub: 'Leeds Learning Hub', statuses: ['brokered', 'open'] },
  { hub: 'Kent Hub', statuses: ['in progress'] },
  { hub: 'Bristol and Avon Hub', statuses: ['done'] },
];

/** When a request of each status was made (days before today) and how long after it last changed. */
const TIMING: Record<DemoSupportStatus, { askedDaysAgo: [number, number]; changedAfter: [number, number] }> = {
  open: { askedDaysAgo: [40, 3], changedAfter: [0, 0] },
  brokered: { askedDaysAgo: [50, 6], changedAfter: [2, 5] },
  'in progress': { askedDaysAgo: [120, 25], changedAfter: [10, 24] },
  done: { askedDaysAgo: [300, 100], changedAfter: [40, 80] },
  declined: { askedDaysAgo: [70, 12], changedAfter: [3, 10] },
};

interface SchoolOfHub {
  urn: string;
  hub: string;
}

/**
 * The demo's support requests. `members` are the current year's memberships; `reviews` every review
 * (past ones carry their EBIs and Areas of Excellence).
 */
export function demoSupportRequests(input: { members: readonly SchoolOfHub[]; reviews: readonly DemoReview[]; today: string }): DemoSupportRequest[] {
  const { members, reviews, today } = input;
  const hubOf = new Map(members.map((m) => [m.urn, m.hub]));
  const reported = (r: DemoReview) => r.reportReceivedOn ?? addDays(r.endDate, 14);
  const out: DemoSupportRequest[] = [];
  for (const plan of PLAN) {
    const rng = randomFor(`support:${plan.hub}`);
    const schools = rng.shuffle(members.filter((m) => m.hub === plan.hub).map((m) => m.urn));
    const used = new Set<string>();
    plan.statuses.forEach((status, i) => {
      const timing = TIMING[status];
      const latestAsk = addDays(today, -timing.askedDaysAgo[1]);
      // A school not asked yet, with a review whose report came in before the request: the latest such review.
      let review: DemoReview | undefined;
      for (const urn of schools) {
        if (used.has(urn)) continue;
        review = reviews
          .filter((r) => r.urn === urn && r.estimates !== null && r.points.some((p) => p.kind === 'ebi') && reported(r) <= latestAsk)
          .sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
        if (review) break;
      }
      if (!review) return;
      used.add(review.urn);
      const earliestAsk = addDays(today, -timing.askedDaysAgo[0]);
      const requestedOn = dateBetween(rng, reported(review) > earliestAsk ? reported(review) : earliestAsk, latestAsk);
      const changed = addDays(requestedOn, rng.int(timing.changedAfter[0], timing.changedAfter[1]));
      const ebis = review.points.filter((p) => p.kind === 'ebi').map((p) => p.text);
      const answered = ebis.filter((t) => HELPS[t]);
      // The last of Aspire's requests is on an area of the school's own, not an EBI.
      const own = plan.hub === 'Aspire Hub' && i === plan.statuses.length - 1;
      const text = own ? null : answered.length > 0 && status !== 'open' && status !== 'declined' ? rng.pick(answered) : rng.pick(ebis);
      let brokeredToUrn: string | null = null;
      let brokeredTo: string | null = null;
      if (status !== 'open' && status !== 'declined') {
        const titles = text ? (HELPS[text] ?? []) : [];
        const helpers = [...new Set(reviews.filter((r) => r.aoeAccredited && r.aoeTitle !== null && titles.includes(r.aoeTitle) && r.urn !== review.urn && hubOf.has(r.urn)).map((r) => r.urn))].sort();
        const near = helpers.filter((u) => hubOf.get(u) === plan.hub);
        if (helpers.length > 0) brokeredToUrn = rng.pick(near.length > 0 ? near : helpers);
        else brokeredTo = own ? 'Local authority school improvement adviser' : rng.pick(OUTSIDE);
      }
      const notes = brokeredTo !== null ? OUTSIDE_NOTES[status] : NOTES[status];
      out.push({
        urn: review.urn,
        requestedOn,
        area: own ? 'Transition support for Year 6 pupils joining in September' : text!,
        ebi: own ? null : { year: review.year, text: text! },
        brokeredToUrn,
        brokeredTo,
        status,
        notes: notes && rng.chance(0.85) ? rng.pick(notes) : null,
        updatedOn: changed > today ? today : changed,
      });
    });
  }
  return out;
}
