/**
 * QA Review team size: the number of reviewers from other member schools that a host
 * school's review needs, by the host's pupils and phase. The same number is the school's reviewer
 * commitment for the year (see reviewer-commitment.ts).
 */

import { PHASES, type Phase } from './vocabulary';

/** The two columns of the team-size table: primary, and secondary (every other phase). */
export type ReviewTeamColumn = 'primary' | 'secondary';

export interface ReviewTeamRow {
  /** Highest pupil number in this row (inclusive); null = no upper limit. */
  readonly maxPupils: number | null;
  readonly primary: number;
  readonly secondary: number;
}

/**
 * The team-size table, one row per pupil band, in ascending order.
 * **Decision**: exactly 300 pupils falls in the first row (each band's upper limit is inclusive).
 */
export const REVIEW_TEAM_SIZE_TABLE: readonly ReviewTeamRow[] = Object.freeze([
  Object.freeze({ maxPupils: 300, primary: 2, secondary: 2 }),
  Object.freeze({ maxPupils: 500, primary: 3, secondary: 3 }),
  Object.freeze({ maxPupils: 1600, primary: 3, secondary: 4 }),
  Object.freeze({ maxPupils: null, primary: 3, secondary: 5 }),
]);

/** Which column each phase of vocabulary.PHASES reads. */
export const PHASE_REVIEW_TEAM_COLUMN: Readonly<Record<Phase, ReviewTeamColumn>> = Object.freeze({
  Primary: 'primary',
  Special: 'primary',
  'Alternative Provision': 'primary',
  Middle: 'primary',
  Nursery: 'primary',
  Secondary: 'secondary',
  '16 plus': 'secondary',
  'All-through': 'secondary',
});

/** Other spellings accepted for a phase (matched case- and space-insensitively, like the phases themselves). */
export const PHASE_ALIASES: Readonly<Record<string, Phase>> = Object.freeze({
  ap: 'Alternative Provision',
  'alternative provision (ap)': 'Alternative Provision',
  // Ofsted's management-information files call AP "PRU".
  pru: 'Alternative Provision',
  'pupil referral unit': 'Alternative Provision',
  'all through': 'All-through',
  '16+': '16 plus',
  // GIAS PhaseOfEducation (name): both kinds of middle school are "Middle" in the team-size table.
  'middle deemed primary': 'Middle',
  'middle deemed secondary': 'Middle',
});

/**
 * **Decision**: a school whose phase is unknown (null, blank or a word not in PHASES) reads the
 * Primary column. Most member schools are primary, and the primary column never asks for more
 * reviewers than the secondary one, so an unknown phase never makes a school look behind on its
 * commitment. Screens should show "phase unknown" (see reviewTeamColumn().assumed) so it gets fixed.
 */
export const UNKNOWN_PHASE_REVIEW_TEAM_COLUMN: ReviewTeamColumn = 'primary';

function phaseKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const PHASE_LOOKUP: ReadonlyMap<string, Phase> = new Map<string, Phase>([
  ...PHASES.map((p): [string, Phase] => [phaseKey(p), p]),
  ...Object.entries(PHASE_ALIASES).map(([alias, p]): [string, Phase] => [phaseKey(alias), p]),
]);

/** The phase of PHASES that a free-text phase names (case/space-insensitive, aliases allowed), else null. */
export function canonicalPhase(phase: string | null | undefined): Phase | null {
  if (phase == null) return null;
  return PHASE_LOOKUP.get(phaseKey(phase)) ?? null;
}

/** The column a phase reads, and whether it was assumed because the phase is unknown. */
export function reviewTeamColumn(phase: string | null | undefined): { column: ReviewTeamColumn; assumed: boolean } {
  const p = canonicalPhase(phase);
  return p ? { column: PHASE_REVIEW_TEAM_COLUMN[p], assumed: false } : { column: UNKNOWN_PHASE_REVIEW_TEAM_COLUMN, assumed: true };
}

/**
 * Number of reviewers from other schools on the host school's review team.
 * Throws on a pupil number that is negative or not a whole number.
 */
export function reviewTeamSize(pupils: number, phase: string | null): number {
  if (!Number.isInteger(pupils) || pupils < 0) {
    throw new Error(`pupils must be a whole number, 0 or more (got ${String(pupils)})`);
  }
  const { column } = reviewTeamColumn(phase);
  const row = REVIEW_TEAM_SIZE_TABLE.find((r) => r.maxPupils === null || pupils <= r.maxPupils);
  /* c8 ignore next */
  if (!row) throw new Error('REVIEW_TEAM_SIZE_TABLE has no open-ended last row');
  return row[column];
}
