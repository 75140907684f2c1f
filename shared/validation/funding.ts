import { z } from 'zod';
import { id, isoDate, longText, pence, shortText, yearLabel } from '../contract/schemas';
import { CLAIM_STATUSES } from '../domain/vocabulary';
import { version } from './common';

/**
 * The funding forms' requests: carry forward, action plan lines and submission dates, claims. The
 * same schemas check a form as it is typed (inline messages) and every request in the core. Typed
 * amounts are text here: the core reads them exactly (shared/domain/money-parse) and refuses an
 * amount that needs confirming, saying why.
 */
const hubYear = { hubId: id, year: yearLabel };
/** A reason finance gives for a correction or an override: kept in the audit history and shown beside what it changed. */
const reason = z.string({ error: 'a reason is needed' }).trim().min(1, 'a reason is needed').max(2_000, 'the reason is too long (at most 2,000 characters)');
const amountText = z.string().max(200);

/** Finance's carry forward for a hub and year (null clears it), with the reason kept in the audit log. */
export const setCarryForwardSchema = z.strictObject({ ...hubYear, amountPence: pence.nullable(), reason });

const planLineFields = {
  priority: shortText.min(1, 'a priority is needed'),
  activity: shortText.min(1, 'an activity is needed'),
  /** The amount as the person typed it, e.g. "£3,289.77". */
  amount: amountText,
  /** For an amount that needs confirming: the figure the person confirms, in pence. */
  confirmedPence: pence.optional(),
  categoryId: id,
};
export const addPlanLineSchema = z.strictObject({ ...hubYear, ...planLineFields });
export const updatePlanLineSchema = z.strictObject({ lineId: id, ...planLineFields });

/** When the draft and final action plan were submitted (null clears). */
export const planSubmissionSchema = z.strictObject({ ...hubYear, draftSubmittedOn: isoDate.nullable().optional(), finalSubmittedOn: isoDate.nullable().optional() });

const claimStatus = z.enum(CLAIM_STATUSES, { error: 'choose submitted, approved, paid or rejected' });

/** Paying past a check, each with its own reason (both may be needed at once), kept beside the claim and in the audit log. */
const payOverrides = {
  /** Pay a claim that takes the hub past its total available: needs `overrideReason`. */
  override: z.literal(true).optional(),
  overrideReason: z.string().max(2_000).optional(),
  /** Pay a claim while the hub's release conditions do not all hold: needs `releaseOverrideReason`. */
  releaseOverride: z.literal(true).optional(),
  releaseOverrideReason: z.string().max(2_000).optional(),
};

export const createClaimSchema = z.strictObject({
  ...hubYear,
  claimedOn: isoDate,
  amount: amountText,
  invoiceRef: shortText.optional(),
  priority: shortText.optional(),
  categoryId: id,
  description: longText.optional(),
  status: claimStatus,
  paidOn: isoDate.optional(),
  ...payOverrides,
});
export type CreateClaimInput = z.output<typeof createClaimSchema>;

/**
 * Correct a claim: any field. A paid claim keeps its amount and its "paid" status: both change only by
 * reversing the payment first (reverseClaimPaymentSchema, with a reason). `version` (optional) is the
 * claim as the form loaded it; a claim changed since is refused.
 */
export const updateClaimSchema = z.strictObject({
  claimId: id,
  version: version.optional(),
  claimedOn: isoDate.optional(),
  status: claimStatus.optional(),
  paidOn: isoDate.nullable().optional(),
  amount: amountText.optional(),
  invoiceRef: shortText.nullable().optional(),
  priority: shortText.nullable().optional(),
  categoryId: id.optional(),
  description: longText.nullable().optional(),
  ...payOverrides,
});
export type UpdateClaimInput = z.output<typeof updateClaimSchema>;

/** Delete a claim not yet paid (a paid claim is reversed first). */
export const deleteClaimSchema = z.strictObject({ claimId: id, version: version.optional() });

/** Reverse a payment: the claim goes back to approved, with finance's reason kept beside it. */
export const reverseClaimPaymentSchema = z.strictObject({ claimId: id, version: version.optional(), reason });

/** Unlock a hub's locked allocation for a year, with a reason (kept in the audit history). */
export const unlockFundingSchema = z.strictObject({ ...hubYear, reason });
