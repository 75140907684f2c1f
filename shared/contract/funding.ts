import { z } from 'zod';
import { fileToPreview, oneFile, previewedFile, type StagedPreview } from './staging';
import { mutation, query } from './define';
import { id, pence, shortText, yearLabel } from './schemas';
import {
  addPlanLineSchema,
  createClaimSchema,
  deleteClaimSchema,
  planSubmissionSchema,
  reverseClaimPaymentSchema,
  setCarryForwardSchema,
  unlockFundingSchema,
  updateClaimSchema,
  updatePlanLineSchema,
} from '../validation/funding';
import type { CarryForward, FundingApplied } from '../domain/funding';
import type { PlanAllocationCheck, Reconciliation, ReleaseCondition, DeadlineStatus } from '../domain/reconciliation';
import type { AllocationDifference, AllocationFigures, FigureBasis, FigureSideBySide, SnapshotSchool } from '../domain/funding-lock';
import type { FundingChange } from '../domain/funding-change';
import type { ClaimStatus } from '../domain/vocabulary';
import type { RecordsChange } from './records';

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
  /** The figures above are the locked ones (once finance locks the year) or the live ones (what the roll gives today). */
  basis: FigureBasis;
  /** For a locked hub: what the roll gives today, beside the locked figures above; null when not locked. */
  live: AllocationFigures | null;
  releaseConditionsMet: boolean;
}

export interface FundingOverview {
  year: string;
  previousYear: string | null;
  hubs: FundingHubRow[];
  totals: Omit<FundingHubRow, 'hubId' | 'hub' | 'applied' | 'carryForwardSource' | 'lockState' | 'basis' | 'live' | 'releaseConditionsMet' | 'overAllocated'> & {
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

/** One set of a hub's figures for a year, saying which it is, with how they are worked out. */
export interface FundingFigureSet {
  basis: FigureBasis;
  figures: AllocationFigures;
  applied: FundingApplied;
  /** How these very figures are worked out, ending with "Total available = funding + carry forward". */
  explanation: string[];
}

/** The figures finance locked: who locked them, when, and the schools they were locked with. */
export interface LockedFigureSet extends FundingFigureSet {
  basis: 'locked';
  lockedBy: string;
  lockedAt: string;
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
  /** Finance's reason for paying beyond the total available. */
  overReleaseReason: string | null;
  /** Finance's reason for paying while the release conditions did not all hold. */
  releaseOverrideReason: string | null;
  /** The last time a payment of this claim was reversed (paid → approved), with finance's reason. */
  reversal: { reason: string; at: string; by: string } | null;
  /** The stored row's version: send it back with a correction, which is refused if the claim changed since. */
  version: string;
}

export interface HubFundingDetail {
  hubId: number;
  hub: string;
  year: string;
  /** Which figures are in force: the locked ones once finance locks the year, else the live ones. */
  basis: FigureBasis;
  /** The figures in force (`basis` says which). */
  figures: AllocationFigures;
  applied: FundingApplied;
  /** How the figures in force are worked out: the same figures as `figures`, never a mixture. */
  explanation: string[];
  /** What the roll gives today, with its own explanation. */
  live: FundingFigureSet;
  /** The locked figures, when finance has locked the year. */
  locked: LockedFigureSet | null;
  /** For a locked hub-year: each figure locked and live side by side, with the difference; null when not locked. */
  sideBySide: FigureSideBySide[] | null;
  /** Each school as the roll gives it today (live), with its contribution and fee. */
  perSchool: FundingSchoolRow[];
  carryForward: CarryForwardView;
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
/** What locking returns: how many hubs were locked (one audited change, undoable), and how many were already. */
export interface LockResult {
  locked: number;
  alreadyLocked: number;
  /** The audit entry of the change (null when nothing was locked). */
  auditId: number | null;
  summary: string;
}

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
  lockFunding: mutation<LockResult>()(
    'Lock the computed allocation of one hub (hubId) or of every hub not yet locked, for a year (one audited change, undoable)',
    z.strictObject({ year: yearLabel, hubId: id.optional() }),
  ),
  unlockFunding: mutation<RecordsChange<HubFundingDetail>>()(
    'Unlock a hub’s locked allocation for a year, with a reason (audited, undoable): its figures follow the roll again',
    unlockFundingSchema,
  ),
  approveFundingDifference: mutation<RecordsChange<HubFundingDetail>>()(
    'Approve a locked hub’s pending difference: re-lock it with the figures the roll now gives',
    z.strictObject(hubYear),
  ),
  setCarryForward: mutation<RecordsChange<HubFundingDetail>>()(
    'Set (or, with amountPence null, clear) finance’s carry forward for a hub and year, with a reason',
    setCarryForwardSchema,
  ),
  addPlanLine: mutation<RecordsChange<PlanLineView>>()('Add a line to a hub’s action plan (audited, undoable)', addPlanLineSchema),
  updatePlanLine: mutation<RecordsChange<PlanLineView>>()('Change an action plan line (audited, undoable)', updatePlanLineSchema),
  deletePlanLine: mutation<RecordsChange<PlanLineView>>()('Delete an action plan line (audited, undoable)', z.strictObject({ lineId: id })),
  setPlanSubmission: mutation<RecordsChange<{ draftSubmittedOn: string | null; finalSubmittedOn: string | null }>>()(
    'Record when the draft and final action plan were submitted (null clears; audited, undoable)',
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
  listClaims: query<ClaimView[]>()('A hub’s claims for a year, oldest first, each with its version', z.strictObject(hubYear)),
  createClaim: mutation<RecordsChange<ClaimView>>()(
    'Log a claim: date, amount, invoice reference, priority, category, status (paying checks the release conditions and the total available)',
    createClaimSchema,
  ),
  updateClaim: mutation<RecordsChange<ClaimView>>()(
    'Correct a claim: any field, or its status (paid needs paidOn); a paid claim’s amount and status change only by reversing the payment',
    updateClaimSchema,
  ),
  deleteClaim: mutation<RecordsChange<ClaimView>>()('Delete a claim not yet paid (audited, undoable)', deleteClaimSchema),
  reverseClaimPayment: mutation<RecordsChange<ClaimView>>()(
    'Reverse a claim’s payment (paid → approved) with a reason, kept beside the claim and in the audit history',
    reverseClaimPaymentSchema,
  ),
};
