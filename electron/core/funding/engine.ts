import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { YearView } from '@shared/contract';
import type { CarryForwardView, FundingFigureSet, FundingSchoolRow, LockedFigureSet } from '@shared/contract/funding';
import { findYear } from '../db/years';
import { previousYearLabel } from '@shared/domain/years';
import { carryForward, hubFunding, totalAvailable, type HubFunding } from '@shared/domain/funding';
import { formatPence } from '@shared/domain/money';
import { reconcile, releaseConditions, type Reconciliation, type ReleaseCondition } from '@shared/domain/reconciliation';
import { meetingDatesCondition } from '@shared/domain/meeting-dates';
import {
  compareAllocation,
  totalAvailableLine,
  type AllocationDifference,
  type AllocationFigures,
  type AllocationSnapshot,
  type SnapshotSchool,
} from '@shared/domain/funding-lock';
import { loadYearData, type StoredLock, type YearData } from './load';

/** One hub's funding for one year: what the roll gives, what is locked, and what is in force. */
export interface HubYear {
  hubId: number;
  hub: string;
  funding: HubFunding<FundingSchoolRow>;
  carryForward: CarryForwardView;
  /** What the roll gives today. */
  computed: AllocationSnapshot;
  lock: StoredLock | null;
  /** The figures in force: the lock's when locked, else the computed ones. */
  effective: AllocationSnapshot;
  /** The live figures (what the roll gives today) with how they are worked out. */
  live: FundingFigureSet;
  /** The locked figures with how they were worked out, when finance has locked the year. */
  locked: LockedFigureSet | null;
  pendingDifference: AllocationDifference | null;
  reconciliation: Reconciliation;
  /** The three release conditions: final plan submitted, meeting dates submitted, every fee paid. */
  release: { met: boolean; conditions: ReleaseCondition[] };
}

export interface YearFunding {
  year: YearView;
  previousYear: YearView | null;
  data: YearData;
  hubs: Map<number, HubYear>;
}

function hasActivity(data: YearData, hubId: number): boolean {
  return (
    data.memberships.has(hubId) || data.claims.has(hubId) || data.plans.has(hubId) || data.overrides.has(hubId) || data.locks.has(hubId)
  );
}

/**
 * Computes every hub's figures for a year. The carry forward into a year needs the previous year's
 * total available, which needs its own carry forward: years are computed oldest first, each once.
 */
export class FundingEngine {
  private readonly memo = new Map<string, Promise<YearFunding>>();
  private readonly done = new Map<string, YearFunding>();
  /**
   * With `hubId`, only that hub's rows are read and only that hub is computed: the same figures as
   * the whole network's for that hub (a hub's carry forward depends only on its own previous years).
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { hubId?: number } = {},
  ) {}

  year(year: YearView): Promise<YearFunding> {
    let result = this.memo.get(year.label);
    if (!result) {
      result = this.compute(year);
      this.memo.set(year.label, result);
      result.then(
        (value) => this.done.set(year.label, value),
        () => this.memo.delete(year.label),
      );
    }
    return result;
  }

  /** The year's figures if this engine has already computed them (no waiting, no reading). */
  ready(year: YearView): YearFunding | null {
    return this.done.get(year.label) ?? null;
  }

  private async compute(year: YearView): Promise<YearFunding> {
    const previousYear = await findYear(this.db, previousYearLabel(year.label));
    const previous = previousYear ? await this.year(previousYear) : null;
    const data = await loadYearData(this.db, year.id, this.options.hubId);

    const hubIds = new Set<number>();
    for (const id of data.hubNames.keys()) if (hasActivity(data, id)) hubIds.add(id);
    // A hub with money left (or overspent) last year keeps it in view this year.
    for (const [id, h] of previous?.hubs ?? []) if (h.reconciliation.remainingPence !== 0) hubIds.add(id);

    const hubs = new Map<number, HubYear>();
    for (const hubId of hubIds) hubs.set(hubId, computeHub(hubId, data, previous));
    return { year, previousYear, data, hubs };
  }
}

/** One hub's figures for a year, from that year's data and the previous year's figures (if any). */
export function computeHub(hubId: number, data: YearData, previous: YearFunding | null): HubYear {
  const schools: FundingSchoolRow[] = (data.memberships.get(hubId) ?? []).map((m) => ({
    schoolId: m.schoolId,
    urn: m.urn,
    name: m.name,
    pupils: m.pupils,
    feePaidOn: m.feePaidOn,
    // filled in by hubFunding:
    pupilsOverThreshold: 0,
    uncappedPence: 0,
    contributionPence: 0,
    capped: false,
  }));
  const funding = hubFunding(schools);
  const before = previous?.hubs.get(hubId) ?? null;
  const override = data.overrides.get(hubId) ?? null;
  const cf = carryForward({
    previousTotalAvailablePence: before ? before.effective.figures.totalAvailablePence : null,
    previousReleasedPence: before ? before.reconciliation.releasedPence : 0,
    override: override ? { pence: override.pence, reason: override.reason } : null,
  });
  const computedFigures: AllocationFigures = {
    schools: funding.schoolCount,
    pupils: schools.reduce((n, s) => n + s.pupils, 0),
    formulaPence: funding.formulaPence,
    minimumPence: funding.minimumPence,
    fundingPence: funding.fundingPence,
    carryForwardPence: cf.pence,
    totalAvailablePence: totalAvailable(funding.fundingPence, cf.pence),
  };
  const computed: AllocationSnapshot = {
    figures: computedFigures,
    perSchool: funding.perSchool.map((s) => ({
      schoolId: s.schoolId,
      urn: s.urn,
      name: s.name,
      pupils: s.pupils,
      contributionPence: s.contributionPence,
      capped: s.capped,
    })),
  };
  const lock = data.locks.get(hubId) ?? null;
  const effective: AllocationSnapshot = lock ? { figures: lock.figures, perSchool: lock.perSchool } : computed;
  const live: FundingFigureSet = {
    basis: 'live',
    figures: computedFigures,
    applied: funding.applied,
    explanation: [...funding.explanation, cf.explanation, totalAvailableLine(computedFigures)],
  };
  return {
    hubId,
    hub: data.hubNames.get(hubId) ?? `Hub ${hubId}`,
    funding,
    carryForward: {
      ...cf,
      previousYear: previous?.year.label ?? null,
      previousTotalAvailablePence: before ? before.effective.figures.totalAvailablePence : null,
      previousReleasedPence: before ? before.reconciliation.releasedPence : 0,
      override,
    },
    computed,
    lock,
    effective,
    live,
    locked: lock ? lockedSet(lock) : null,
    pendingDifference: lock ? compareAllocation(lock, computed) : null,
    reconciliation: reconcile({
      totalAvailablePence: effective.figures.totalAvailablePence,
      plannedPence: data.plannedPence.get(hubId) ?? 0,
      claims: data.claims.get(hubId) ?? [],
    }),
    release: releaseConditions({
      finalPlanSubmittedOn: data.plans.get(hubId)?.finalSubmittedOn ?? null,
      meetingDates: meetingDatesCondition(data.meetings.get(hubId) ?? []),
      unpaidSchools: funding.perSchool.filter((s) => s.feePaidOn === null).map((s) => s.name),
    }),
  };
}

/**
 * The locked figures with their own explanation: the funding rule read over the schools as they were
 * locked (so the lines name the locked school count and amounts, never today's), then the locked carry
 * forward and total. A snapshot that no longer reproduces its figures (the rules changed since) is
 * described by its figures alone.
 */
function lockedSet(lock: StoredLock): LockedFigureSet {
  const f = lock.figures;
  const lines = explainSnapshot(lock.perSchool, f);
  return {
    basis: 'locked',
    figures: f,
    applied: appliedOf(f),
    explanation: [...lines, `Carry forward as locked: ${formatPence(f.carryForwardPence)}.`, totalAvailableLine(f)],
    lockedBy: lock.lockedBy,
    lockedAt: lock.lockedAt,
    perSchool: lock.perSchool,
  };
}

function appliedOf(f: AllocationFigures): HubFunding['applied'] {
  if (f.fundingPence === 0) return 'none';
  if (f.formulaPence === f.minimumPence) return 'both equal';
  return f.formulaPence > f.minimumPence ? 'formula' : 'minimum';
}

function explainSnapshot(perSchool: readonly SnapshotSchool[], f: AllocationFigures): string[] {
  try {
    const again = hubFunding(perSchool.map((s) => ({ schoolId: s.schoolId, urn: s.urn, name: s.name, pupils: s.pupils })));
    if (again.schoolCount === f.schools && again.formulaPence === f.formulaPence && again.minimumPence === f.minimumPence && again.fundingPence === f.fundingPence) {
      return again.explanation;
    }
  } catch {
    // Described by its figures below.
  }
  return [`${f.schools} schools as locked: formula ${formatPence(f.formulaPence)}, minimum ${formatPence(f.minimumPence)}, funding ${formatPence(f.fundingPence)}.`];
}
