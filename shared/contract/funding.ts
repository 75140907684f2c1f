import { z } from 'zod';
import { fileToPreview, oneFile, previewedFile, type StagedPreview } from './staging';
import { mutation, query } from './define';
import { id, pence, shortText, yearLabel } from './schemas';
import { addPlanLineSchema, createClaimSchema, planSubmissionSchema, setCarryForwardSchema, updateClaimSchema, updatePlanLineSchema } from '../validation/funding';
import type { CarryForward, FundingApplied } from '../domain/funding';
import type { PlanAllocationCheck, Reconciliation, ReleaseCondition, DeadlineStatus } from '../domain/reconciliation';
import type { AllocationDifference, AllocationFigures, SnapshotSchool } from '../domain/funding-lock';
import type { FundingChange } from '../domain/funding-change';
import type { ClaimStatus } from '../domain/vocabulary';

/** The figures of one hub for one year, as the Funding page's table shows them. */
export interface FundingHubRow extends AllocationFigures {
  hubId: number;
  hub: string;
  applied: FundingApplied;
  carryForwardSource: 'computed' | 'override';
  plannedPence: number;
  claimedPence: number;
  releasedPence: number;
  remainingPence: number;
  overReleased: boolean;
  overAllocated: boolean;
  /** 'open' = not locked; 'locked' = locked and unchanged; 'pending' = locked, and the roll now gives other figures. */
  lockState: 'open' | 'locked' | 'pending';
  releaseConditionsMet: boolean;
}

export interface FundingOverview {
  year: string;
  previousYear: string | null;
  hubs: FundingHubRow[];
  totals: Omit<FundingHubRow, 'hubId' | 'hub' | 'applied' | 'carryForwardSource' | 'lockState' | 'releaseConditionsMet' | 'overAllocated'> & {
    hubs: number;
    overReleasedHubs: number;
    lockedHubs: number;
    pendingHubs: number;
  };
}

export interface FundingSchoolRow extends SnapshotSchool {
  pupilsOverThreshold: number;
  uncappedPence: number;
  feePaidOn: string | null;
}

export interface CarryForwardView extends CarryForward {
  previousYear: string | null;
  previousTotalAvailablePence: number | null;
  previousReleasedPence: number;
  override: { pence: number; reason: string; setBy: string; setAt: string } | null;
}

export interface FundingLockView {
  lockedBy: string;
  lockedAt: string;
  figures: AllocationFigures;
  perSchool: SnapshotSchool[];
}

export interface PlanLineView {
  id: number;
  position: number;
  priority: string;
  activity: string;
  plannedPence: number;
  amountAsTyped: string | null;
  categoryId: number;
  category: string;
}

export interface ClaimView {
  id: number;
  claimedOn: string;
  amountPence: number;
  invoiceRef: string | null;
  priority: string | null;
  categoryId: number;
  category: string;
  description: string | null;
  status: ClaimStatus;
  paidOn: string | null;
  overReleaseReason: string | null;
}

export interface HubFundingDetail {
  hubId: number;
  hub: string;
  year: string;
  /** The figures in force: the locked ones when the hub is locked, else the computed ones. */
  figures: AllocationFigures;
  /** What the roll gives today. */
  computed: AllocationFigures;
  applied: FundingApplied;
  perSchool: FundingSchoolRow[];
  explanation: string[];
  carryForward: CarryForwardView;
  lock: FundingLockView | null;
  pendingDifference: AllocationDifference | null;
  release: { met: boolean; conditions: ReleaseCondition[] };
  deadlines: { draft: DeadlineStatus; final: DeadlineStatus };
  plan: {
    draftSubmittedOn: string | null;
    finalSubmittedOn: string | null;
    lines: PlanLineView[];
    allocation: PlanAllocationCheck;
  };
  claims: ClaimView[];
  reconciliation: Reconciliation;
  categories: { id: number; name: string }[];
}

/** One hub in the CLI's `funding --json`: exactly these keys, which scripts read. */
export interface FundingReportHub {
  hub: string;
  schools: number;
  formulaPence: number;
  minimumPence: number;
  fundingPence: number;
  carryForwardPence: number;
  totalAvailablePence: number;
  releasedPence: number;
  remainingPence: number;
  perSchool: { urn: string; name: string; pupils: number; contributionPence: number; capped: boolean }[];
}

export interface FundingChangeRow extends FundingChange {
  hubId: number;
  hub: string;
}

export interface FundingChanges {
  year: string;
  previousYear: string | null;
  hubs: FundingChangeRow[];
}

export interface PlanImportRow {
  /** The worksheet row number, as Excel shows it. */
  row: number;
  priority: string;
  activity: string;
  costText: string;
  category: string;
  categoryId: number | null;
  /** Exact pence, or null when the cost needs a person to confirm it or cannot be read. */
  pence: number | null;
  /** For a cost that needs confirming: why, and the figure it suggests (if any). */
  confirm: { reason: string; suggestedPence: number | null } | null;
  /** Problems that stop the import (an unknown category, a missing activity...). */
  problems: string[];
}

export interface PlanImportPreview extends StagedPreview {
  fileName: string;
  sheet: string;
  rows: PlanImportRow[];
  /** Lines the plan holds now; a commit replaces them. */
  replacesLines: number;
  totalExactPence: number;
  needsConfirmation: number;
  problems: number;
}

export interface PlanImportResult {
  lines: number;
  totalPlannedPence: number;
  importBatchId: number;
}

const hubYear = { hubId: id, year: yearLabel };

export const fundingMethods = {
  listFunding: query<FundingOverview>()(
    'Every hub’s funding, plan, claims and release for a year, with network totals',
    z.strictObject({ year: yearLabel.optional() }),
  ),
  getHubFunding: query<HubFundingDetail>()(
    'One hub’s funding for a year: per school, explained, with carry forward, lock, release conditions, plan and claims',
    z.strictObject({ hubId: id, year: yearLabel.optional() }),
  ),
  fundingReport: query<FundingReportHub[]>()(
    'Funding per hub for a year (the CLI’s funding --json)',
    z.strictObject({ year: yearLabel, hub: shortText.min(1).optional() }),
  ),
  fundingChanges: query<FundingChanges>()(
    'How each hub’s funding changed from the previous year, and why (joiners, leavers, pupil changes)',
    z.strictObject({ year: yearLabel.optional() }),
  ),
  lockFunding: mutation<{ locked: number; alreadyLocked: number }>()(
    'Lock the computed allocation of one hub (hubId) or of every hub not yet locked, for a year',
    z.strictObject({ year: yearLabel, hubId: id.optional() }),
  ),
  approveFundingDifference: mutation<HubFundingDetail>()(
    'Approve a locked hub’s pending difference: re-lock it with the figures the roll now gives',
    z.strictObject(hubYear),
  ),
  setCarryForward: mutation<HubFundingDetail>()(
    'Set (or, with amountPence null, clear) finance’s carry forward for a hub and year, with a reason',
    setCarryForwardSchema,
  ),
  addPlanLine: mutation<PlanLineView>()('Add a line to a hub’s action plan', addPlanLineSchema),
  updatePlanLine: mutation<PlanLineView>()('Change an action plan line', updatePlanLineSchema),
  deletePlanLine: mutation<{ deleted: number }>()('Delete an action plan line', z.strictObject({ lineId: id })),
  setPlanSubmission: mutation<{ draftSubmittedOn: string | null; finalSubmittedOn: string | null }>()(
    'Record when the draft and final action plan were submitted (null clears)',
    planSubmissionSchema,
  ),
  previewPlanImport: query<PlanImportPreview>()(
    'Read an action plan workbook (columns Priority, Activity, Cost, Category): what would be imported; writes nothing',
    z.strictObject({ ...hubYear, ...fileToPreview }).superRefine(oneFile),
  ),
  commitPlanImport: mutation<PlanImportResult>()(
    'Replace a hub’s action plan lines with a previewed workbook’s, every flagged cost confirmed (backup first; undone like any import)',
    z.strictObject({
      ...hubYear,
      ...previewedFile,
      confirmations: z.array(z.strictObject({ row: z.number().int().positive(), pence })).max(2_000),
    }),
  ),
  createClaim: mutation<ClaimView>()('Log a claim: date, amount, invoice reference, priority, category, status', createClaimSchema),
  updateClaim: mutation<ClaimView>()('Change a claim’s status (paid needs paidOn) or details', updateClaimSchema),
};
