/**
 * Hub funding, as the hub funding guidance sets it out.
 *
 *   contribution(school) = min( max(0, pupils − 427) × £3.00 , £2,361.60 )     (cap per school)
 *   formula(hub)         = Σ contribution(school)
 *   minimum(hub)         = £250 × schools   if the hub has 5 or more schools, else £0
 *   funding(hub)         = max( formula(hub), minimum(hub) )
 *   total available      = funding(hub) + carry forward
 *
 * Every figure is integer pence. The numbers live in FUNDING_RULES and nowhere else.
 */
import { assertPence, formatPence, sumPence } from './money';

export interface FundingRules {
  /** Pupils up to this number earn nothing; each pupil above it earns `pencePerPupilOverThreshold`. */
  readonly thresholdPupils: number;
  /** £3.00 per pupil above the threshold. */
  readonly pencePerPupilOverThreshold: number;
  /** £2,361.60: the most one school contributes (reached at 1,215 pupils). */
  readonly capPerSchoolPence: number;
  /** £250 per school: the minimum a hub of `minimumAppliesFromSchools` or more schools receives, per school. */
  readonly minimumPerSchoolPence: number;
  /** The minimum applies to hubs of 5 or more schools; smaller hubs get the formula amount only. */
  readonly minimumAppliesFromSchools: number;
}

/** The funding rules of the 2024/25 guidance: the one place these numbers are written down. */
export const FUNDING_RULES: FundingRules = Object.freeze({
  thresholdPupils: 427,
  pencePerPupilOverThreshold: 300,
  capPerSchoolPence: 236_160,
  minimumPerSchoolPence: 25_000,
  minimumAppliesFromSchools: 5,
});

/** One school's contribution to its hub's formula, with what a person needs to check it. */
export interface SchoolContribution {
  pupils: number;
  pupilsOverThreshold: number;
  /** pupilsOverThreshold × £3.00, before the cap. */
  uncappedPence: number;
  /** What the school contributes: the uncapped amount, or the cap if that is lower. */
  contributionPence: number;
  /** True when the cap lowered the contribution. */
  capped: boolean;
}

/** A school's contribution for its pupil number (a whole number, 0 or more). Throws a clear Error otherwise. */
export function schoolContribution(pupils: number, rules: FundingRules = FUNDING_RULES): SchoolContribution {
  if (typeof pupils !== 'number' || !Number.isSafeInteger(pupils)) {
    throw new Error(`The number of pupils must be a whole number, got ${String(pupils)}`);
  }
  if (pupils < 0) throw new Error(`The number of pupils cannot be negative, got ${pupils}`);
  const pupilsOverThreshold = Math.max(0, pupils - rules.thresholdPupils);
  const uncappedPence = pupilsOverThreshold * rules.pencePerPupilOverThreshold;
  if (!Number.isSafeInteger(uncappedPence)) throw new Error(`${pupils} pupils is too many to compute with`);
  const contributionPence = Math.min(uncappedPence, rules.capPerSchoolPence);
  return { pupils, pupilsOverThreshold, uncappedPence, contributionPence, capped: uncappedPence > rules.capPerSchoolPence };
}

export interface FundingSchoolInput {
  schoolId?: number;
  urn?: string;
  name?: string;
  pupils: number;
}

export type FundingApplied = 'formula' | 'minimum' | 'both equal' | 'none';

export interface HubFunding<S extends FundingSchoolInput = FundingSchoolInput> {
  /** Each school as given, with its contribution and the reasons for it, in the order given. */
  perSchool: (S & SchoolContribution)[];
  schoolCount: number;
  /** Σ of the schools' contributions. */
  formulaPence: number;
  /** £250 × schools for a hub of 5 or more schools, else 0. */
  minimumPence: number;
  /** max(formula, minimum): what the hub receives. */
  fundingPence: number;
  /** Which figure the hub receives; 'none' when both are £0. */
  applied: FundingApplied;
  /** Plain English lines for a finance reader. */
  explanation: string[];
}

function schools(n: number): string {
  return `${n} ${n === 1 ? 'school' : 'schools'}`;
}

/**
 * The funding of one hub for one year. The order of the schools does not change any figure.
 * **Decision**: a school listed twice (same schoolId, or same URN) is an error, not counted twice.
 */
export function hubFunding<S extends FundingSchoolInput>(
  hubSchools: readonly S[],
  rules: FundingRules = FUNDING_RULES,
): HubFunding<S> {
  const seenIds = new Set<number>();
  const seenUrns = new Set<string>();
  for (const s of hubSchools) {
    const label = s.name ?? s.urn ?? (s.schoolId === undefined ? 'a school' : `school ${s.schoolId}`);
    if (s.schoolId !== undefined) {
      if (seenIds.has(s.schoolId)) throw new Error(`${label} is listed twice in the hub`);
      seenIds.add(s.schoolId);
    }
    if (s.urn !== undefined) {
      if (seenUrns.has(s.urn)) throw new Error(`${label} (URN ${s.urn}) is listed twice in the hub`);
      seenUrns.add(s.urn);
    }
  }

  const perSchool = hubSchools.map((s) => {
    try {
      return { ...s, ...schoolContribution(s.pupils, rules) };
    } catch (e) {
      const who = s.name ?? s.urn ?? (s.schoolId === undefined ? 'A school' : `School ${s.schoolId}`);
      throw new Error(`${who}: ${(e as Error).message}`, { cause: e });
    }
  });
  const figures = totalsOf(perSchool.map((s) => s.contributionPence), rules);
  const explanation = [fundingHeadline(figures, rules)];
  const { schoolCount } = figures;
  if (schoolCount > 0 && schoolCount < rules.minimumAppliesFromSchools) {
    explanation.push(`Hubs of ${rules.minimumAppliesFromSchools - 1} or fewer schools receive the formula amount only.`);
  }
  if (schoolCount > 0) {
    const contributing = perSchool.filter((s) => s.contributionPence > 0).length;
    const capped = perSchool.filter((s) => s.capped).length;
    explanation.push(
      `The formula: ${formatPence(rules.pencePerPupilOverThreshold)} for each pupil above ${rules.thresholdPupils} at each school, ` +
        `up to ${formatPence(rules.capPerSchoolPence)} per school; ${contributing} of ${schools(schoolCount)} ` +
        `${contributing === 1 ? 'has' : 'have'} more than ${rules.thresholdPupils} pupils` +
        (capped > 0 ? ` and ${capped} ${capped === 1 ? 'reaches' : 'reach'} the cap.` : '.'),
    );
  }

  return { perSchool, ...figures, explanation };
}

/** A hub's figures without the per-school detail. */
export type HubFundingTotals = Pick<HubFunding, 'schoolCount' | 'formulaPence' | 'minimumPence' | 'fundingPence' | 'applied'>;

function totalsOf(contributionsPence: readonly number[], rules: FundingRules): HubFundingTotals {
  const schoolCount = contributionsPence.length;
  const formulaPence = sumPence(contributionsPence);
  const minimumApplies = schoolCount >= rules.minimumAppliesFromSchools;
  const minimumPence = minimumApplies ? schoolCount * rules.minimumPerSchoolPence : 0;
  assertPence(minimumPence, 'the minimum');
  const fundingPence = Math.max(formulaPence, minimumPence);
  let applied: FundingApplied;
  if (fundingPence === 0) applied = 'none';
  else if (formulaPence === minimumPence) applied = 'both equal';
  else applied = formulaPence > minimumPence ? 'formula' : 'minimum';
  return { schoolCount, formulaPence, minimumPence, fundingPence, applied };
}

/** The explanation's first line: what the formula and the minimum give, and which the hub receives. */
function fundingHeadline(f: HubFundingTotals, rules: FundingRules): string {
  const formula = formatPence(f.formulaPence);
  const receives = formatPence(f.fundingPence);
  if (f.schoolCount === 0) return `No member schools: the hub receives ${receives}.`;
  if (f.schoolCount < rules.minimumAppliesFromSchools) return `${schools(f.schoolCount)}: the formula gives ${formula}, so the hub receives ${receives}.`;
  const minimum = `the minimum for a hub of ${rules.minimumAppliesFromSchools} or more schools is ${f.schoolCount} × ${formatPence(rules.minimumPerSchoolPence)} = ${formatPence(f.minimumPence)}`;
  const verdict = f.applied === 'formula' ? 'the formula is higher' : f.applied === 'minimum' ? 'the minimum is higher' : 'the two are equal';
  return `${schools(f.schoolCount)}: the formula gives ${formula}; ${minimum}; ${verdict}, so the hub receives ${receives}.`;
}

/**
 * A hub's funding from its schools' pupil numbers alone: the same figures as hubFunding and its
 * explanation's first line, without the per-school detail (for the effect of an import on hundreds
 * of hubs at once). The caller gives each school once.
 */
export function hubFundingTotals(pupils: readonly number[], rules: FundingRules = FUNDING_RULES): HubFundingTotals & { headline: string } {
  const figures = totalsOf(pupils.map((p) => schoolContribution(p, rules).contributionPence), rules);
  return { ...figures, headline: fundingHeadline(figures, rules) };
}

export interface CarryForwardInput {
  /** Last year's total available (funding + its own carry forward); null when there was no previous year. */
  previousTotalAvailablePence: number | null;
  /** Last year's released amount (the sum of its paid claims). */
  previousReleasedPence: number;
  /** Finance's figure, with the reason; kept in the audit history by the caller. */
  override?: { pence: number; reason: string } | null;
}

export interface CarryForward {
  pence: number;
  source: 'computed' | 'override';
  /** What the computation gives, whether or not it was overridden. */
  computedPence: number;
  explanation: string;
}

/**
 * The carry forward into a year. **Decision**: by default, last year's total
 * available minus last year's released claims. **Decision**: an overspent hub (released more than
 * was available) gets a *negative* carry forward, which reduces this year's total available; it is
 * kept, not floored at £0, and the explanation says so. Finance may override the figure with a
 * reason (a blank reason is refused).
 */
export function carryForward(input: CarryForwardInput): CarryForward {
  const { previousTotalAvailablePence: total, previousReleasedPence: released, override } = input;
  assertPence(released, 'last year’s released amount');
  let computedPence: number;
  let computedText: string;
  if (total === null) {
    computedPence = 0;
    computedText = 'There is no previous year on record, so nothing is carried forward.';
  } else {
    assertPence(total, 'last year’s total available');
    computedPence = total - released;
    assertPence(computedPence, 'the carry forward');
    const sum = `last year’s total available ${formatPence(total)} − released ${formatPence(released)} = ${formatPence(computedPence)}`;
    computedText =
      computedPence < 0
        ? `The hub released more than it had last year: ${sum}. The overspend is carried forward as a negative amount and reduces this year’s total available.`
        : `Carry forward: ${sum}.`;
  }

  if (override !== undefined && override !== null) {
    assertPence(override.pence, 'the carry forward override');
    const reason = override.reason.trim();
    if (reason === '') throw new Error('A carry forward set by hand needs a reason');
    return {
      pence: override.pence,
      source: 'override',
      computedPence,
      explanation: `Set by finance to ${formatPence(override.pence)} (computed: ${formatPence(computedPence)}). Reason: ${reason}`,
    };
  }
  return { pence: computedPence, source: 'computed', computedPence, explanation: computedText };
}

/** Total available for a year = funding + carry forward (which may be negative). */
export function totalAvailable(fundingPence: number, carryForwardPence: number): number {
  return sumPence([fundingPence, carryForwardPence]);
}
