/**
 * QA Reviews for the demo: every member school hosts a review each year; past reviews
 * have estimates, WWWs, EBIs and an Area of Excellence; review teams are drawn from the other schools
 * of the hub, some reviewers drop out and are replaced, and this year's later reviews are only partly
 * booked, so commitments show every status.
 */
import { reviewTeamSize } from '@shared/domain/review-team';
import { QA_HEADINGS, type QaHeadingKey, type ReviewerStatus } from '@shared/domain/vocabulary';
import { AOE_TITLES, EBI_TEXTS, ESTIMATE_WEIGHTS, fitsPhase, WWW_TEXTS } from './qa-texts';
import { personName } from './people';
import { addDays, dateBetween, randomFor, schoolDayBetween, schoolDayOnOrAfter } from './random';

export interface DemoAssignment {
  key: string;
  homeUrn: string;
  reviewerName: string;
  reviewerRole: string;
  status: ReviewerStatus;
  replacesKey: string | null;
}

export interface DemoReview {
  urn: string;
  year: string;
  startDate: string;
  endDate: string;
  leadReviewer: string;
  estimates: Record<QaHeadingKey, string> | null;
  aoeTitle: string | null;
  aoeAccredited: boolean;
  reportReceivedOn: string | null;
  points: { kind: 'www' | 'ebi'; heading: QaHeadingKey; text: string }[];
  assignments: DemoAssignment[];
}

export interface DemoTraining {
  urn: string;
  personName: string;
  role: string;
  trainedOn: string;
}

export interface QaSchool {
  urn: string;
  phase: string;
  pupils: number;
  headteacher: string;
  /** New headteachers and joiners may not be trained yet. */
  mayBeUntrained: boolean;
}

const LEAD_REVIEWERS = ['Jane Hollis HMI (retd)', 'Peter Adeyemi', 'Carol Brierley', 'Mark Ellison', 'Sue Whitcombe', 'Raj Mistry', 'Helen Coates'];

/** The people of a school trained as reviewers: usually the head and one or two senior leaders. */
export function trainingsFor(school: QaSchool): DemoTraining[] {
  const rng = randomFor(`training:${school.urn}`);
  const out: DemoTraining[] = [];
  const headSkipped = rng.chance(0.6);
  if (!(school.mayBeUntrained && headSkipped)) {
    out.push({ urn: school.urn, personName: school.headteacher, role: 'Headteacher', trainedOn: dateBetween(rng, '2018-01-15', '2025-07-10') });
  }
  const roles = rng.shuffle(['Deputy headteacher', 'Assistant headteacher', 'SENDCo', 'Head of school']);
  for (let i = 0; i < rng.int(1, 3); i++) {
    out.push({ urn: school.urn, personName: personName(rng), role: roles[i]!, trainedOn: dateBetween(rng, '2019-09-01', '2025-07-10') });
  }
  return out;
}

/** A review's outcome; its WWWs, EBIs and Area of Excellence fit the school's phase. */
function outcome(urn: string, year: string, phase: string) {
  const rng = randomFor(`qa-outcome:${urn}:${year}`);
  const fitting = (texts: readonly string[]) => texts.filter((t) => fitsPhase(t, phase));
  const estimates = Object.fromEntries(QA_HEADINGS.map((h) => [h.key, rng.weighted(ESTIMATE_WEIGHTS)])) as Record<QaHeadingKey, string>;
  const points: DemoReview['points'] = [];
  for (const kind of ['www', 'ebi'] as const) {
    const count = kind === 'www' ? rng.int(3, 5) : rng.int(2, 3);
    const used = new Set<string>();
    while (points.filter((p) => p.kind === kind).length < count) {
      const heading = rng.pick(QA_HEADINGS).key;
      const text = rng.pick(fitting((kind === 'www' ? WWW_TEXTS : EBI_TEXTS)[heading]));
      if (used.has(text)) continue;
      used.add(text);
      points.push({ kind, heading, text });
    }
  }
  return { estimates, points, aoeTitle: rng.chance(0.85) ? rng.pick(fitting(AOE_TITLES)) : null, aoeAccredited: rng.chance(0.45) };
}

/**
 * A hub's reviews for one year with their teams. `today` decides what has happened: reviews that
 * ended before it have outcomes and attended reviewers; later ones are booked (or not yet).
 */
export function hubReviews(hubName: string, schools: QaSchool[], year: string, today: string): DemoReview[] {
  const rng = randomFor(`qa:${hubName}:${year}`);
  const first = Number(year.slice(0, 4));
  const reviews = schools.map((s): DemoReview => {
    const start = schoolDayBetween(rng, `${first}-10-06`, `${first + 1}-06-19`);
    // Three school days, skipping a weekend or a holiday.
    const end = schoolDayOnOrAfter(addDays(schoolDayOnOrAfter(addDays(start, 1)), 1));
    return {
      urn: s.urn, year, startDate: start, endDate: end, leadReviewer: rng.pick(LEAD_REVIEWERS),
      estimates: null, aoeTitle: null, aoeAccredited: false, reportReceivedOn: null, points: [], assignments: [],
    };
  });
  reviews.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.urn.localeCompare(b.urn));

  const trained = new Map(schools.map((s) => [s.urn, trainingsFor(s).map((t) => t.personName)]));
  const owed = new Map(schools.map((s) => [s.urn, reviewTeamSize(s.pupils, s.phase)]));
  const sent = new Map(schools.map((s) => [s.urn, 0]));
  let keySeq = 0;
  const nextKey = () => `${hubName}:${year}:${keySeq++}`;

  for (const review of reviews) {
    const host = schools.find((s) => s.urn === review.urn)!;
    const past = review.endDate < today;
    if (past) {
      Object.assign(review, outcome(review.urn, year, host.phase));
      review.reportReceivedOn = review.endDate < addDays(today, -21) || rng.chance(0.5) ? addDays(review.endDate, rng.int(10, 20)) : null;
      if (review.reportReceivedOn && review.reportReceivedOn > today) review.reportReceivedOn = null;
    }
    const size = reviewTeamSize(host.pupils, host.phase);
    const others = schools.filter((s) => s.urn !== host.urn);
    if (others.length === 0) continue;
    // Schools furthest from their commitment go first; ties broken by the hub's own random order.
    const order = rng.shuffle(others).sort((a, b) => sent.get(a.urn)! / owed.get(a.urn)! - sent.get(b.urn)! / owed.get(b.urn)!);
    for (let slot = 0; slot < size; slot++) {
      const home = order[slot % order.length]!;
      const people = trained.get(home.urn)!;
      if (people.length === 0) continue;
      // Later reviews this year are not fully booked yet.
      if (!past && rng.chance(0.22)) continue;
      const reviewer = people[(sent.get(home.urn)! + slot) % people.length]!;
      const key = nextKey();
      sent.set(home.urn, sent.get(home.urn)! + 1);
      const dropped = rng.chance(0.09);
      if (!dropped) {
        const status: ReviewerStatus = past ? (review.endDate > addDays(today, -14) && rng.chance(0.3) ? 'booked' : 'attended') : 'booked';
        review.assignments.push({ key, homeUrn: home.urn, reviewerName: reviewer, reviewerRole: roleOf(home, reviewer), status, replacesKey: null });
        continue;
      }
      review.assignments.push({ key, homeUrn: home.urn, reviewerName: reviewer, reviewerRole: roleOf(home, reviewer), status: 'dropped', replacesKey: null });
      sent.set(home.urn, sent.get(home.urn)! - 1);
      // Replaced from the same school or, failing that, another school of the hub; some future drop-outs await a replacement.
      if (!past && rng.chance(0.5)) continue;
      const same = people.find((p) => p !== reviewer);
      const replacementHome = same ? home : order[(slot + 1) % order.length]!;
      const replacementPeople = trained.get(replacementHome.urn)!;
      if (replacementPeople.length === 0) continue;
      const replacement = same ?? replacementPeople[0]!;
      sent.set(replacementHome.urn, sent.get(replacementHome.urn)! + 1);
      review.assignments.push({
        key: nextKey(), homeUrn: replacementHome.urn, reviewerName: replacement, reviewerRole: roleOf(replacementHome, replacement),
        status: past ? 'attended' : 'booked', replacesKey: key,
      });
    }
  }
  return reviews;

  function roleOf(school: QaSchool, person: string): string {
    return trainingsFor(school).find((t) => t.personName === person)?.role ?? 'Senior leader';
  }
}
