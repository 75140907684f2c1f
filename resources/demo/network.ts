/**
 * The demo network: ~450 real schools in 36 hubs (roll-seed.json, from `npm run demo:generate`) with
 * invented but plausible people, memberships for 2025/26 and 2026/27, Ofsted histories, QA Reviews,
 * reviewer trainings and assignments, hub meetings, action plans and claims. Pure and deterministic:
 * the same network for the same day. It is written in a reference year (2026/27, with 2025/26 as
 * history) and moved to the membership year of the day it is loaded (see calendar.ts).
 */
import { hubFunding } from '@shared/domain/funding';
import { defaultYearDates, type MembershipYearDates } from '@shared/domain/years';
import type { Term } from '@shared/domain/vocabulary';
import seed from './roll-seed.json';
import type { SeedHub, SeedSchool } from './generate';
import { emailFor, personName, phoneFor, schoolDomain } from './people';
import { dateBetween, randomFor, weekdayOnOrAfter } from './random';
import { ofstedHistory, type DemoInspection, type OfstedStory } from './ofsted-history';
import { hubReviews, trainingsFor, type DemoReview, type DemoTraining, type QaSchool } from './qa';
import { hubFinances, type DemoClaim, type DemoOverride, type DemoPlan } from './finance';
import { demoSupportRequests, type DemoSupportRequest } from './support';
import { demoCalls, type DemoCall } from './calls';
import { REFERENCE_FIRST_YEAR, demoCalendar, movedLabel, moveToLoadYear, type DemoCalendar } from './calendar';

/** The membership years the story is written in (before it is moved to the load year). */
const REFERENCE_YEARS = ['2025/26', '2026/27'] as const;

/** The demo's Ofsted file is the monthly management information published at the end of last month. */
export function demoOfstedAsAt(today: string): string {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

export interface DemoStaff {
  name: string;
  email: string;
  role: 'memberships_manager' | 'finance';
}

export interface DemoHub {
  name: string;
  region: string;
  seniorPartner: { name: string; email: string };
  membershipsManager: string;
  managers: { name: string; email: string; phone: string; focus: string | null }[];
}

export interface DemoSchool {
  urn: string;
  name: string;
  phase: string;
  schoolType: string;
  localAuthority: string;
  trust: string | null;
  postcode: string | null;
  headteacher: string;
  headteacherSince: string;
  email: string;
  phone: string;
  contacts: { role: string; name: string; email: string; phone: string | null }[];
}

export interface DemoMembership {
  urn: string;
  hub: string;
  year: string;
  pupils: number;
  status: 'new' | 'renewing' | 'leaving';
  feeInvoicedOn: string | null;
  feePaidOn: string | null;
}

export interface DemoMeeting {
  hub: string;
  year: string;
  meetingDate: string;
  term: Term;
  format: string;
  submittedOn: string | null;
  notes: string | null;
  attendance: { urn: string; attended: boolean; representative: string | null }[];
}

export interface DemoNetwork {
  years: MembershipYearDates[];
  staff: DemoStaff[];
  hubs: DemoHub[];
  schools: DemoSchool[];
  memberships: DemoMembership[];
  inspections: DemoInspection[];
  reviews: DemoReview[];
  trainings: DemoTraining[];
  meetings: DemoMeeting[];
  plans: DemoPlan[];
  claims: DemoClaim[];
  carryForwardOverrides: DemoOverride[];
  supportRequests: DemoSupportRequest[];
  calls: DemoCall[];
}

const STAFF: DemoStaff[] = [
  { name: 'Grace Okafor', email: 'grace.okafor@challengepartners.org', role: 'memberships_manager' },
  { name: 'Tom Whitfield', email: 'tom.whitfield@challengepartners.org', role: 'memberships_manager' },
  { name: 'Priya Shah', email: 'priya.shah@challengepartners.org', role: 'memberships_manager' },
  { name: 'Daniel Reeve', email: 'daniel.reeve@challengepartners.org', role: 'memberships_manager' },
  { name: 'Hannah Lowe', email: 'hannah.lowe@challengepartners.org', role: 'memberships_manager' },
  { name: 'Marcus Bell', email: 'marcus.bell@challengepartners.org', role: 'memberships_manager' },
  { name: 'Alison Grant', email: 'alison.grant@challengepartners.org', role: 'finance' },
];

const ASPIRE = 'Aspire Hub';
const ASPIRE_TRUSTS = ['Forward as One CE MAT', 'Wade Deacon Trust'];
/** Schools that joined in 2026/27, left after 2025/26, or moved hub: chosen from these hubs only. */
const CHURN_HUBS = ['London West Hub', 'Wootton Bassett Hub', 'Kingsbridge Hub', 'Compton Hub', 'North West Hub', 'Kent Hub', 'Leeds Learning Hub', 'Norfolk Coast Hub'];
const MOVES: Record<string, string> = { 'London West Hub': 'Transform Hub', 'Kingsbridge Hub': 'Cornwall Hub' };

function schoolType(rng: ReturnType<typeof randomFor>, s: SeedSchool): string {
  if (s.phase === 'Special') return rng.pick(['Academy special converter', 'Community special school', 'Academy special sponsor led']);
  if (s.phase === 'Alternative Provision') return rng.pick(['Pupil referral unit', 'Academy alternative provision converter']);
  if (/\b(CE|C of E|CofE|Catholic|RC|St\.? )/.test(s.name)) return rng.pick(['Voluntary aided school', 'Academy converter', 'Voluntary controlled school']);
  return rng.weighted([
    ['Academy converter', 45],
    ['Academy sponsor led', 15],
    ['Community school', 25],
    ['Foundation school', 8],
    ['Free schools', 7],
  ] as const);
}

function trustFor(rng: ReturnType<typeof randomFor>, hub: SeedHub, s: SeedSchool, type: string): string | null {
  if (!type.startsWith('Academy') && type !== 'Free schools') return null;
  if (hub.name === ASPIRE) return /\b(CE|CofE|St\.? )/.test(s.name) ? ASPIRE_TRUSTS[0]! : ASPIRE_TRUSTS[1]!;
  if (!rng.chance(0.7)) return null;
  const base = hub.name.replace(/ Hub$/, '');
  return rng.pick([`${base} Learning Trust`, `${s.la} Academies Trust`, 'Harmony Schools Trust', 'Bright Futures Education Trust']);
}

function makeSchool(hub: SeedHub, s: SeedSchool): DemoSchool {
  const rng = randomFor(`school:${s.urn}`);
  const type = schoolType(rng, s);
  const domain = schoolDomain(s.name);
  const headteacher = personName(rng);
  const isNewHead = rng.chance(0.12);
  const headteacherSince = isNewHead ? dateBetween(rng, '2025-09-01', '2026-09-01') : dateBetween(rng, '2008-09-01', '2024-04-30');
  const phone = phoneFor(rng);
  const sbm = personName(rng);
  const deputy = personName(rng);
  return {
    urn: s.urn, name: s.name, phase: s.phase, schoolType: type, localAuthority: s.la, trust: trustFor(rng, hub, s, type),
    postcode: s.postcode, headteacher, headteacherSince, email: emailFor(headteacher, domain), phone,
    contacts: [
      { role: 'Headteacher', name: headteacher, email: emailFor(headteacher, domain), phone },
      { role: 'School business manager', name: sbm, email: emailFor(sbm, domain), phone: null },
      { role: 'QA Review contact', name: deputy, email: emailFor(deputy, domain), phone: null },
    ],
  };
}

function ofstedStory(urn: string, concern: Set<string>): OfstedStory {
  if (concern.has(urn)) return 'concern';
  return randomFor(`story:${urn}`).weighted([
    ['oeif', 30],
    ['ungraded', 19],
    ['interim', 26],
    ['report_card', 22],
    ['ri_twice', 3],
  ] as const);
}

const TERM_WINDOWS: Record<Term, [string, string]> = { autumn: ['10-05', '11-27'], spring: ['02-02', '03-20'], summer: ['05-11', '07-10'] };

function meetingsFor(hub: string, year: string, members: DemoMembership[], schools: Map<string, DemoSchool>, submitted: boolean, today: string): DemoMeeting[] {
  const rng = randomFor(`meetings:${hub}:${year}`);
  const first = Number(year.slice(0, 4));
  const submittedDate = submitted ? dateBetween(rng, `${first}-09-12`, `${first}-10-02`) : null;
  // Dates submitted after today have not been submitted yet.
  const submittedOn = submittedDate !== null && submittedDate <= today ? submittedDate : null;
  return (['autumn', 'spring', 'summer'] as const).map((term) => {
    const calendarYear = term === 'autumn' ? first : first + 1;
    const [from, to] = TERM_WINDOWS[term];
    const meetingDate = weekdayOnOrAfter(dateBetween(rng, `${calendarYear}-${from}`, `${calendarYear}-${to}`));
    const held = meetingDate < today;
    return {
      hub, year, meetingDate, term, format: rng.pick(['In person', 'In person', 'Online']), submittedOn,
      notes: held ? 'Temperature check; Hub Action Plan; QA Review update; reviewer commitments; school-to-school support; events.' : null,
      attendance: held
        ? members.map((m) => {
            const attended = rng.chance(0.86);
            const school = schools.get(m.urn)!;
            return { urn: m.urn, attended, representative: attended ? (rng.chance(0.6) ? school.headteacher : school.contacts[2]!.name) : null };
          })
        : [],
    };
  });
}

/**
 * The demo network as of `today` (ISO): the membership year that day falls in is the current one,
 * with the year before as history; what happened before today has outcomes, the rest is booked.
 */
export function buildDemoNetwork(today: string): DemoNetwork {
  const calendar = demoCalendar(today);
  const referenceToday = calendar.referenceToday;
  const hubsSeed = (seed as { hubs: SeedHub[] }).hubs;
  const rng = randomFor('network');
  const years = REFERENCE_YEARS.map((label) => defaultYearDates(label));

  const hubs: DemoHub[] = [];
  const schools: DemoSchool[] = [];
  const schoolByUrn = new Map<string, DemoSchool>();
  const seedByUrn = new Map<string, SeedSchool>();
  hubsSeed.forEach((h, i) => {
    const hubRng = randomFor(`hub:${h.name}`);
    const made = h.schools.map((s) => makeSchool(h, s));
    made.forEach((s, j) => {
      schools.push(s);
      schoolByUrn.set(s.urn, s);
      seedByUrn.set(s.urn, h.schools[j]!);
    });
    const lead = [...h.schools].sort((a, b) => b.pupils - a.pupils)[0]!;
    const leadSchool = schoolByUrn.get(lead.urn)!;
    const managerName = personName(hubRng);
    hubs.push({
      name: h.name,
      region: h.region,
      seniorPartner: { name: leadSchool.headteacher, email: leadSchool.email },
      membershipsManager: STAFF[i % 6]!.name,
      managers:
        h.name === ASPIRE
          ? [
              { name: 'Emma Ford', email: 'emma.ford@theaspirehub.com', phone: '0151 489 2671', focus: 'Primary' },
              { name: 'Simon Goodwin', email: 'simon.goodwin@theaspirehub.com', phone: '0151 489 2672', focus: 'Secondary' },
            ]
          : [{ name: managerName, email: emailFor(managerName, schoolDomain(lead.name)), phone: phoneFor(hubRng), focus: null }],
    });
  });

  // Churn between the two years: leavers, joiners and two hub moves, never in Aspire Hub.
  const churnPool = rng.shuffle(hubsSeed.filter((h) => CHURN_HUBS.includes(h.name)).flatMap((h) => h.schools.map((s) => ({ hub: h.name, urn: s.urn }))));
  const leavers = new Set(churnPool.slice(0, 8).map((c) => c.urn));
  const joiners = new Set(churnPool.slice(8, 18).map((c) => c.urn));
  const leavingNextYear = new Set(churnPool.slice(18, 21).map((c) => c.urn));
  const moved = new Map<string, string>();
  for (const [from, to] of Object.entries(MOVES)) {
    const candidate = churnPool.slice(21).find((c) => c.hub === from && !moved.has(c.urn));
    if (candidate) moved.set(candidate.urn, to);
  }
  const concern = new Set(rng.shuffle(churnPool.slice(30).map((c) => c.urn)).slice(0, 4));

  const unpaidHubs = new Set(rng.shuffle(hubsSeed.map((h) => h.name).filter((n) => n !== ASPIRE)).slice(0, 5));
  const unsubmittedMeetingHubs = new Set(rng.shuffle(hubsSeed.map((h) => h.name).filter((n) => n !== ASPIRE)).slice(0, 5));

  const memberships: DemoMembership[] = [];
  for (const h of hubsSeed) {
    const feeRng = randomFor(`fees:${h.name}`);
    const unpaidUrn = unpaidHubs.has(h.name) ? feeRng.pick(h.schools).urn : null;
    for (const s of h.schools) {
      const pupilRng = randomFor(`pupils:${s.urn}`);
      if (!joiners.has(s.urn)) {
        memberships.push({
          urn: s.urn, hub: h.name, year: '2025/26', pupils: s.pupils, status: leavers.has(s.urn) ? 'leaving' : 'renewing',
          feeInvoicedOn: '2025-09-12', feePaidOn: dateBetween(feeRng, '2025-09-19', '2025-12-12'),
        });
      }
      if (!leavers.has(s.urn)) {
        const pupils = Math.max(0, Math.round(s.pupils * (1 + (pupilRng.next() * 9 - 4) / 100)));
        memberships.push({
          urn: s.urn, hub: moved.get(s.urn) ?? h.name, year: '2026/27', pupils,
          status: joiners.has(s.urn) ? 'new' : leavingNextYear.has(s.urn) ? 'leaving' : 'renewing',
          feeInvoicedOn: '2026-09-11', feePaidOn: s.urn === unpaidUrn || feeRng.chance(0.03) && h.name !== ASPIRE ? null : dateBetween(feeRng, '2026-09-18', '2026-11-20'),
        });
        const fee = memberships[memberships.length - 1]!;
        if (fee.feePaidOn !== null && fee.feePaidOn > referenceToday) fee.feePaidOn = null;
        if (fee.feeInvoicedOn !== null && fee.feeInvoicedOn > referenceToday) fee.feeInvoicedOn = null;
      }
    }
  }

  // Inspections are written against the real day (their frameworks belong to real dates) and are not moved.
  const inspections = schools.flatMap((s) => ofstedHistory({ urn: s.urn, phase: s.phase, pupils: seedByUrn.get(s.urn)!.pupils }, ofstedStory(s.urn, concern), today));

  const reviews: DemoReview[] = [];
  const trainings: DemoTraining[] = [];
  const meetings: DemoMeeting[] = [];
  const plans: DemoPlan[] = [];
  const claims: DemoClaim[] = [];
  const carryForwardOverrides: DemoOverride[] = [];
  for (const hub of hubs) {
    const funding: number[] = [];
    let feesAllPaid2026 = true;
    for (const year of years) {
      const members = memberships.filter((m) => m.hub === hub.name && m.year === year.label);
      funding.push(hubFunding(members.map((m) => ({ urn: m.urn, pupils: m.pupils }))).fundingPence);
      if (year.label === '2026/27') feesAllPaid2026 = members.every((m) => m.feePaidOn !== null);
      const qaSchools: QaSchool[] = members.map((m) => {
        const s = schoolByUrn.get(m.urn)!;
        return { urn: m.urn, phase: s.phase, pupils: m.pupils, headteacher: s.headteacher, mayBeUntrained: m.status === 'new' || s.headteacherSince >= '2025-09-01' };
      });
      reviews.push(...hubReviews(hub.name, qaSchools, year.label, referenceToday));
      const submitted = year.label === '2025/26' || !unsubmittedMeetingHubs.has(hub.name);
      meetings.push(...meetingsFor(hub.name, year.label, members, schoolByUrn, submitted, referenceToday));
    }
    const finances = hubFinances(hub.name, funding[0]!, funding[1]!, referenceToday, feesAllPaid2026 && !unsubmittedMeetingHubs.has(hub.name));
    plans.push(...finances.plans);
    claims.push(...finances.claims);
    carryForwardOverrides.push(...finances.overrides);
  }
  for (const s of schools) {
    const m = memberships.find((x) => x.urn === s.urn && x.year === '2026/27') ?? memberships.find((x) => x.urn === s.urn)!;
    trainings.push(...trainingsFor({ urn: s.urn, phase: s.phase, pupils: m.pupils, headteacher: s.headteacher, mayBeUntrained: m.status === 'new' || s.headteacherSince >= '2025-09-01' }));
  }

  const supportRequests = demoSupportRequests({ members: memberships.filter((m) => m.year === '2026/27'), reviews, today: referenceToday });

  const calls = demoCalls(
    hubs.map((h) => ({ name: h.name, membershipsManager: h.membershipsManager, seniorPartner: h.seniorPartner.name, hubManagers: h.managers.map((m) => m.name) })),
    REFERENCE_FIRST_YEAR,
    referenceToday,
  );

  const written = { staff: STAFF, hubs, schools, memberships, reviews, trainings, meetings, plans, claims, carryForwardOverrides, supportRequests, calls };
  const inLoadYear = moveToLoadYear(written, calendar);
  return {
    ...inLoadYear,
    years: years.map((y) => defaultYearDates(movedLabel(y.label, calendar))),
    inspections,
    claims: inLoadYear.claims.map((c) => ({ ...c, invoiceRef: movedInvoiceRef(c.invoiceRef, calendar) })),
    carryForwardOverrides: inLoadYear.carryForwardOverrides.map((o) => ({ ...o, reason: o.reason.replace(/\d{4}\/\d{2}/g, (label) => movedLabel(label, calendar)) })),
  };
}

/** Invoice references carry the year's two digits after the hub's code ("AH-26003"). */
function movedInvoiceRef(ref: string, calendar: DemoCalendar): string {
  return ref.replace(/-(\d{2})/, (_, yy: string) => `-${String((Number(yy) + calendar.shiftYears) % 100).padStart(2, '0')}`);
}

/** Used by the loader's batch record: a short fingerprint of what was loaded. */
export function demoSummary(n: DemoNetwork): Record<string, number> {
  return {
    hubs: n.hubs.length, schools: n.schools.length, memberships: n.memberships.length, inspections: n.inspections.length,
    reviews: n.reviews.length, assignments: n.reviews.reduce((k, r) => k + r.assignments.length, 0), meetings: n.meetings.length,
    plans: n.plans.length, claims: n.claims.length, calls: n.calls.length,
  };
}
