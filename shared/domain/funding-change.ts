/**
 * Year-over-year change of a hub's funding (joiners, leavers, hub moves, pupil changes and their
 * funding effect), split into its causes so that they add up exactly:
 *
 *   change in funding = joiners + leavers + pupil changes + minimum effect
 *
 * - joiners: the contributions of schools in the hub this year but not last year;
 * - leavers: minus the contributions of schools in the hub last year but not this year;
 * - pupil changes: for schools in both years, contribution this year − contribution last year;
 * - minimum effect: the change in (funding − formula), i.e. what the hub minimum added or took away.
 *
 * Schools are matched by `key` (the caller's school id or URN). Pure: no I/O.
 */
import { formatPence, sumPence } from './money';
import { hubFunding, schoolContribution, FUNDING_RULES, type FundingRules } from './funding';
import { countOf } from '../plural';

export interface ChangeSchool {
  /** What identifies the same school in both years (school id or URN). */
  key: string;
  name: string;
  pupils: number;
  /** For a leaver or joiner: the hub it moved to or from, when it moved between hubs. */
  otherHub?: string | null;
}

export interface SchoolMovement {
  key: string;
  name: string;
  pupils: number;
  contributionPence: number;
  otherHub: string | null;
}

export interface PupilChange {
  key: string;
  name: string;
  pupilsBefore: number;
  pupilsAfter: number;
  contributionBeforePence: number;
  contributionAfterPence: number;
  /** contributionAfter − contributionBefore. */
  effectPence: number;
}

export interface FundingChange {
  previousFundingPence: number;
  currentFundingPence: number;
  previousSchools: number;
  currentSchools: number;
  changePence: number;
  joiners: SchoolMovement[];
  leavers: SchoolMovement[];
  /** Schools in both years whose pupil number changed (including changes with no funding effect). */
  pupilChanges: PupilChange[];
  /** Σ joiners' contributions. */
  joinersPence: number;
  /** −Σ leavers' contributions (zero or negative). */
  leaversPence: number;
  /** Σ pupil-change effects. */
  pupilChangesPence: number;
  /** Change in what the hub minimum adds on top of the formula. */
  minimumEffectPence: number;
  /** Plain English, one line per cause that moved the figure (or one line saying nothing changed). */
  explanation: string[];
}


function signed(p: number): string {
  return p > 0 ? `+${formatPence(p)}` : formatPence(p);
}

/** How a hub's funding changed from last year to this year, and why. */
export function fundingChange(
  previous: readonly ChangeSchool[],
  current: readonly ChangeSchool[],
  rules: FundingRules = FUNDING_RULES,
): FundingChange {
  const before = hubFunding(previous.map((s) => ({ urn: s.key, name: s.name, pupils: s.pupils })), rules);
  const after = hubFunding(current.map((s) => ({ urn: s.key, name: s.name, pupils: s.pupils })), rules);
  const prevByKey = new Map(previous.map((s) => [s.key, s]));
  const currByKey = new Map(current.map((s) => [s.key, s]));

  const movement = (s: ChangeSchool): SchoolMovement => ({
    key: s.key,
    name: s.name,
    pupils: s.pupils,
    contributionPence: schoolContribution(s.pupils, rules).contributionPence,
    otherHub: s.otherHub ?? null,
  });
  const joiners = current.filter((s) => !prevByKey.has(s.key)).map(movement);
  const leavers = previous.filter((s) => !currByKey.has(s.key)).map(movement);
  const pupilChanges: PupilChange[] = [];
  for (const s of current) {
    const p = prevByKey.get(s.key);
    if (!p || p.pupils === s.pupils) continue;
    const contributionBeforePence = schoolContribution(p.pupils, rules).contributionPence;
    const contributionAfterPence = schoolContribution(s.pupils, rules).contributionPence;
    pupilChanges.push({
      key: s.key,
      name: s.name,
      pupilsBefore: p.pupils,
      pupilsAfter: s.pupils,
      contributionBeforePence,
      contributionAfterPence,
      effectPence: contributionAfterPence - contributionBeforePence,
    });
  }

  const joinersPence = sumPence(joiners.map((j) => j.contributionPence));
  const leaversPence = 0 - sumPence(leavers.map((l) => l.contributionPence)); // never -0
  const pupilChangesPence = sumPence(pupilChanges.map((c) => c.effectPence));
  const minimumEffectPence = after.fundingPence - after.formulaPence - (before.fundingPence - before.formulaPence);
  const changePence = after.fundingPence - before.fundingPence;

  const explanation: string[] = [];
  if (changePence === 0 && joiners.length === 0 && leavers.length === 0 && pupilChanges.length === 0) {
    explanation.push(`No change: the same ${countOf(current.length, 'school', 'schools')} with the same pupil numbers.`);
  } else {
    explanation.push(`Funding ${formatPence(before.fundingPence)} last year → ${formatPence(after.fundingPence)} this year (${signed(changePence)}).`);
    if (joiners.length > 0) explanation.push(`${countOf(joiners.length, 'school joined', 'schools joined')}: ${signed(joinersPence)}.`);
    if (leavers.length > 0) explanation.push(`${countOf(leavers.length, 'school left', 'schools left')}: ${signed(leaversPence)}.`);
    if (pupilChanges.length > 0) {
      explanation.push(`Pupil numbers changed at ${countOf(pupilChanges.length, 'school', 'schools')}: ${signed(pupilChangesPence)}.`);
    }
    if (minimumEffectPence !== 0) {
      explanation.push(`The hub minimum (${formatPence(rules.minimumPerSchoolPence)} per school for hubs of ${rules.minimumAppliesFromSchools}+ schools): ${signed(minimumEffectPence)}.`);
    }
  }

  return {
    previousFundingPence: before.fundingPence,
    currentFundingPence: after.fundingPence,
    previousSchools: previous.length,
    currentSchools: current.length,
    changePence,
    joiners,
    leavers,
    pupilChanges,
    joinersPence,
    leaversPence,
    pupilChangesPence,
    minimumEffectPence,
    explanation,
  };
}
