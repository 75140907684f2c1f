/**
 * A synthetic network of N schools in H hubs for the benchmarks, built from the demo network's own
 * story functions (Ofsted histories, QA reviews with teams, trainings, action plans and claims) so
 * the data has the demo's shape at national scale. Names and URNs are synthetic (URN 100000 + k, the
 * same numbering as the Ofsted fixture's `nationalSchools`); everything is deterministic.
 */
import { hubFunding } from '@shared/domain/funding';
import { defaultYearDates, type MembershipYearDates } from '@shared/domain/years';
import type { Term } from '@shared/domain/vocabulary';
import { randomFor } from '../../resources/demo/random';
import { ofstedHistory, type DemoInspection, type OfstedStory } from '../../resources/demo/ofsted-history';
import { hubReviews, trainingsFor, type DemoReview, type DemoTraining, type QaSchool } from '../../resources/demo/qa';
import { hubFinances, type DemoClaim, type DemoOverride, type DemoPlan } from '../../resources/demo/finance';

export const BENCH_TODAY = '2026-11-23';
export const BENCH_YEARS = ['2025/26', '2026/27'] as const;
export const URN_BASE = 100_000;

export interface BenchHub {
  id: number;
  name: string;
  region: string;
}

export interface BenchSchool {
  id: number;
  urn: string;
  name: string;
  phase: string;
  localAuthority: string;
  trust: string | null;
  postcode: string;
  headteacher: string;
  headteacherSince: string;
  email: string;
  phone: string;
}

export interface BenchMembership {
  schoolIndex: number;
  hubIndex: number;
  year: string;
  pupils: number;
  status: 'new' | 'renewing' | 'leaving';
  feePaidOn: string | null;
}

export interface BenchMeeting {
  hubIndex: number;
  year: string;
  meetingDate: string;
  term: Term;
  submittedOn: string | null;
  attendance: { schoolIndex: number; attended: boolean }[];
}

export interface BenchNetwork {
  n: number;
  h: number;
  years: MembershipYearDates[];
  hubs: BenchHub[];
  schools: BenchSchool[];
  memberships: BenchMembership[];
  inspections: DemoInspection[];
  reviews: DemoReview[];
  trainings: DemoTraining[];
  meetings: BenchMeeting[];
  plans: DemoPlan[];
  claims: DemoClaim[];
  overrides: DemoOverride[];
}

const PLACES = ['Ashford', 'Barnsley', 'Carlisle', 'Dudley', 'Exeter', 'Frome', 'Gosport', 'Harlow', 'Ilford', 'Jarrow', 'Kendal', 'Luton', 'Morley', 'Newark', 'Oldham', 'Preston', 'Redcar', 'Stroud', 'Thirsk', 'Ulverston', 'Wigan', 'Yeovil'];
const REGIONS = ['North West', 'North East', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands', 'East of England', 'London', 'South East', 'South West'];
const FIRST = ['Amy', 'Ben', 'Chloe', 'David', 'Emma', 'Farid', 'Grace', 'Hassan', 'Isla', 'James', 'Kate', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Ravi', 'Sarah', 'Tom', 'Zara'];
const LAST = ['Adams', 'Begum', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morris', 'Nowak', 'Owen', 'Patel', 'Quinn', 'Roberts', 'Smith', 'Turner'];
const KINDS = ['Primary School', 'Academy', 'Church of England Primary School', 'High School', 'Community Primary School', 'Catholic Primary School', 'Infant School', 'Junior School'];

function person(rng: ReturnType<typeof randomFor>): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

function storyOf(urn: string): OfstedStory {
  return randomFor(`story:${urn}`).weighted([
    ['oeif', 30],
    ['ungraded', 19],
    ['interim', 26],
    ['report_card', 22],
    ['ri_twice', 2],
    ['concern', 1],
  ] as const);
}

/** Hub sizes vary (0.4× to 1.6× the mean) and the first hub is three times the mean: the "largest hub". */
function hubOfSchool(n: number, h: number): number[] {
  const rng = randomFor(`bench-hubs:${h}`);
  const weights = Array.from({ length: h }, (_, i) => (i === 0 ? 3 : 0.4 + 1.2 * rng.next()));
  const total = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let hub = 0;
  let cumulative = weights[0]! / total;
  for (let k = 0; k < n; k++) {
    const q = (k + 0.5) / n;
    while (q > cumulative && hub < h - 1) cumulative += weights[++hub]! / total;
    out.push(hub);
  }
  return out;
}

const TERM_WINDOWS: Record<Term, [string, string]> = { autumn: ['10-05', '11-27'], spring: ['02-02', '03-20'], summer: ['05-11', '07-10'] };

/**
 * Builds the network. `lite` leaves out Ofsted, QA and meetings (enough for the funding figures),
 * for the smaller store the funding growth is measured on.
 */
export function buildBenchNetwork(n: number, h: number, options: { lite?: boolean } = {}): BenchNetwork {
  const years = BENCH_YEARS.map((label) => defaultYearDates(label));
  const hubs: BenchHub[] = Array.from({ length: h }, (_, i) => ({
    id: i + 1,
    name: `${PLACES[i % PLACES.length]} ${String(i + 1).padStart(3, '0')} Hub`,
    region: REGIONS[i % REGIONS.length]!,
  }));
  const hubIndex = hubOfSchool(n, h);
  const schools: BenchSchool[] = [];
  const basePupils: number[] = [];
  for (let k = 0; k < n; k++) {
    const rng = randomFor(`bench-school:${k}`);
    const urn = String(URN_BASE + k);
    const phase = k % 11 === 0 ? 'Special' : k % 4 === 0 ? 'Secondary' : 'Primary';
    const place = rng.pick(PLACES);
    const head = person(rng);
    const domain = `school${k}.example.org`;
    schools.push({
      id: k + 1, urn, name: `${place} ${rng.pick(LAST)} ${phase === 'Secondary' ? 'High School' : rng.pick(KINDS)} ${k}`, phase,
      localAuthority: place, trust: rng.chance(0.6) ? `${place} Learning Trust` : null, postcode: `${place.slice(0, 2).toUpperCase()}${1 + (k % 20)} ${k % 9}AB`,
      headteacher: head, headteacherSince: rng.chance(0.12) ? '2025-10-01' : `20${String(10 + (k % 14)).padStart(2, '0')}-09-01`,
      email: `${head.toLowerCase().replace(' ', '.')}@${domain}`, phone: `020 7946 ${String(k % 10000).padStart(4, '0')}`,
    });
    basePupils.push(phase === 'Secondary' ? rng.int(600, 1800) : phase === 'Special' ? rng.int(60, 250) : rng.int(90, 650));
  }

  // 2025/26: everyone but 1% joiners; 2026/27: everyone but 1% leavers, pupils moved by up to ±4%.
  const memberships: BenchMembership[] = [];
  for (let k = 0; k < n; k++) {
    const joiner = k % 100 === 37;
    const leaver = k % 100 === 73;
    const rng = randomFor(`bench-pupils:${k}`);
    if (!joiner) memberships.push({ schoolIndex: k, hubIndex: hubIndex[k]!, year: '2025/26', pupils: basePupils[k]!, status: leaver ? 'leaving' : 'renewing', feePaidOn: '2025-10-15' });
    if (!leaver) {
      memberships.push({
        schoolIndex: k, hubIndex: hubIndex[k]!, year: '2026/27', pupils: Math.round(basePupils[k]! * (1 + (rng.next() * 8 - 4) / 100)),
        status: joiner ? 'new' : 'renewing', feePaidOn: rng.chance(0.03) ? null : '2026-10-16',
      });
    }
  }

  const byHubYear = new Map<string, BenchMembership[]>();
  for (const m of memberships) {
    const key = `${m.hubIndex}|${m.year}`;
    const list = byHubYear.get(key);
    if (list) list.push(m);
    else byHubYear.set(key, [m]);
  }

  const inspections: DemoInspection[] = [];
  const reviews: DemoReview[] = [];
  const trainings: DemoTraining[] = [];
  const meetings: BenchMeeting[] = [];
  const plans: DemoPlan[] = [];
  const claims: DemoClaim[] = [];
  const overrides: DemoOverride[] = [];
  const qaSchool = (m: BenchMembership): QaSchool => {
    const s = schools[m.schoolIndex]!;
    return { urn: s.urn, phase: s.phase, pupils: m.pupils, headteacher: s.headteacher, mayBeUntrained: m.status === 'new' || s.headteacherSince >= '2025-09-01' };
  };
  if (!options.lite) {
    for (let k = 0; k < n; k++) inspections.push(...ofstedHistory({ urn: schools[k]!.urn, phase: schools[k]!.phase, pupils: basePupils[k]! }, storyOf(schools[k]!.urn), BENCH_TODAY));
  }
  for (let i = 0; i < h; i++) {
    const funding: number[] = [];
    for (const year of BENCH_YEARS) {
      const members = byHubYear.get(`${i}|${year}`) ?? [];
      funding.push(hubFunding(members.map((m) => ({ urn: schools[m.schoolIndex]!.urn, pupils: m.pupils }))).fundingPence);
      if (options.lite) continue;
      reviews.push(...hubReviews(hubs[i]!.name, members.map(qaSchool), year, BENCH_TODAY));
      const rng = randomFor(`bench-meetings:${i}:${year}`);
      const first = Number(year.slice(0, 4));
      for (const term of ['autumn', 'spring', 'summer'] as const) {
        const [from, to] = TERM_WINDOWS[term];
        const calendarYear = term === 'autumn' ? first : first + 1;
        const meetingDate = `${calendarYear}-${rng.pick([from, to])}`;
        meetings.push({
          hubIndex: i, year, meetingDate, term, submittedOn: `${first}-09-20`,
          attendance: meetingDate < BENCH_TODAY ? members.map((m) => ({ schoolIndex: m.schoolIndex, attended: rng.chance(0.86) })) : [],
        });
      }
    }
    const finances = hubFinances(hubs[i]!.name, funding[0]!, funding[1]!, BENCH_TODAY, true);
    plans.push(...finances.plans);
    claims.push(...finances.claims);
    overrides.push(...finances.overrides);
  }
  if (!options.lite) {
    for (const m of memberships) if (m.year === '2026/27' || m.status === 'leaving') trainings.push(...trainingsFor(qaSchool(m)));
  }
  return { n, h, years, hubs, schools, memberships, inspections, reviews, trainings, meetings, plans, claims, overrides };
}
