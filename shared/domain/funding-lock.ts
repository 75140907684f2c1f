/**
 * Finalising a year's allocation: finance locks the computed figures of a hub; afterwards a
 * recomputation that differs is a *pending difference* to approve, never a silent change of the
 * locked figure. Every figure says which it is — *locked* (in force once finance locks the year) or
 * *live* (what the roll gives today) — and a locked hub shows the two side by side. This file compares
 * a locked snapshot with a fresh computation. Pure.
 */
import { formatPence } from './money';

export interface AllocationFigures {
  schools: number;
  pupils: number;
  formulaPence: number;
  minimumPence: number;
  fundingPence: number;
  carryForwardPence: number;
  totalAvailablePence: number;
}

export interface SnapshotSchool {
  schoolId: number;
  urn: string;
  name: string;
  pupils: number;
  contributionPence: number;
  capped: boolean;
}

export interface AllocationSnapshot {
  figures: AllocationFigures;
  perSchool: SnapshotSchool[];
}

export type FigureKey = keyof AllocationFigures;

export const FIGURE_LABELS: Record<FigureKey, string> = {
  schools: 'Schools',
  pupils: 'Pupils',
  formulaPence: 'Formula',
  minimumPence: 'Minimum',
  fundingPence: 'Funding',
  carryForwardPence: 'Carry forward',
  totalAvailablePence: 'Total available',
};

const FIGURE_KEYS = Object.keys(FIGURE_LABELS) as FigureKey[];

/** Which figures: the ones finance locked, or the ones the roll gives today. */
export type FigureBasis = 'locked' | 'live';

export const FIGURE_BASIS_LABELS: Record<FigureBasis, string> = { locked: 'Locked', live: 'Live (from the roll today)' };

/** One figure of a locked hub: locked and live side by side, and the difference (live − locked). */
export interface FigureSideBySide {
  key: FigureKey;
  label: string;
  /** 'count' for schools and pupils, 'money' (pence) for the rest. */
  kind: 'count' | 'money';
  locked: number;
  live: number;
  difference: number;
}

/** Every figure, locked beside live, in the order the page shows them. */
export function figuresSideBySide(locked: AllocationFigures, live: AllocationFigures): FigureSideBySide[] {
  return FIGURE_KEYS.map((key) => ({
    key,
    label: FIGURE_LABELS[key],
    kind: key === 'schools' || key === 'pupils' ? 'count' : 'money',
    locked: locked[key],
    live: live[key],
    difference: live[key] - locked[key],
  }));
}

/** The last line of a figure set's explanation, from that set's own figures. */
export function totalAvailableLine(f: AllocationFigures): string {
  return `Total available = funding ${formatPence(f.fundingPence)} + carry forward ${formatPence(f.carryForwardPence)} = ${formatPence(f.totalAvailablePence)}.`;
}

export interface FigureDifference {
  key: FigureKey;
  label: string;
  locked: number;
  current: number;
}

export interface SchoolDifference {
  urn: string;
  name: string;
  kind: 'joined' | 'left' | 'pupils';
  pupilsLocked: number | null;
  pupilsCurrent: number | null;
}

export interface AllocationDifference {
  figures: FigureDifference[];
  schools: SchoolDifference[];
  /** Plain English, one line per difference. */
  lines: string[];
}

function show(key: FigureKey, n: number): string {
  return key === 'schools' || key === 'pupils' ? n.toLocaleString('en-GB') : formatPence(n);
}

/** What differs between the locked snapshot and the current computation; null when nothing does. */
export function compareAllocation(locked: AllocationSnapshot, current: AllocationSnapshot): AllocationDifference | null {
  const figures: FigureDifference[] = FIGURE_KEYS.filter((k) => locked.figures[k] !== current.figures[k]).map((k) => ({
    key: k,
    label: FIGURE_LABELS[k],
    locked: locked.figures[k],
    current: current.figures[k],
  }));
  const lockedByUrn = new Map(locked.perSchool.map((s) => [s.urn, s]));
  const currentByUrn = new Map(current.perSchool.map((s) => [s.urn, s]));
  const schools: SchoolDifference[] = [];
  for (const s of current.perSchool) {
    const was = lockedByUrn.get(s.urn);
    if (!was) schools.push({ urn: s.urn, name: s.name, kind: 'joined', pupilsLocked: null, pupilsCurrent: s.pupils });
    else if (was.pupils !== s.pupils) schools.push({ urn: s.urn, name: s.name, kind: 'pupils', pupilsLocked: was.pupils, pupilsCurrent: s.pupils });
  }
  for (const s of locked.perSchool) {
    if (!currentByUrn.has(s.urn)) schools.push({ urn: s.urn, name: s.name, kind: 'left', pupilsLocked: s.pupils, pupilsCurrent: null });
  }
  if (figures.length === 0 && schools.length === 0) return null;

  const lines = [
    ...figures.map((f) => `${f.label}: locked ${show(f.key, f.locked)}, now ${show(f.key, f.current)}.`),
    ...schools.map((s) =>
      s.kind === 'joined'
        ? `${s.name} (URN ${s.urn}) is in the hub now but was not when the figures were locked.`
        : s.kind === 'left'
          ? `${s.name} (URN ${s.urn}) was in the hub when the figures were locked and is not now.`
          : `${s.name} (URN ${s.urn}): pupils ${s.pupilsLocked ?? 0} when locked, ${s.pupilsCurrent ?? 0} now.`,
    ),
  ];
  return { figures, schools, lines };
}

/** The record a merged school record now stands under (see merges/schools.ts in the core). */
export interface KeptRecord {
  schoolId: number;
  urn: string;
  name: string;
}

/**
 * A locked snapshot read after two records of one school were merged: the schools it lists under a
 * merged record stand under the kept record, so the comparison sees the same school, not one that
 * left and one that joined. Pupils and contributions stay as locked.
 */
export function snapshotUnderKeptRecords(perSchool: readonly SnapshotSchool[], kept: ReadonlyMap<number, KeptRecord>): SnapshotSchool[] {
  if (kept.size === 0) return [...perSchool];
  return perSchool.map((s) => {
    const k = kept.get(s.schoolId);
    return k ? { ...s, schoolId: k.schoolId, urn: k.urn, name: k.name } : s;
  });
}
