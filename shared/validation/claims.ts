import { z } from 'zod';
import { CLAIM_STATUSES } from '../domain/vocabulary';
import { id, isoDate, version } from './common';
import { longText, shortText, yearLabel } from '../contract/schemas';

/**
 * Finance's claims and corrections: the same schemas check a form as it is typed and every request in
 * the core. Refusals that need the store (the claim's status, the hub's release conditions, the total
 * available) are the core's; these are the shapes.
 */

/** A reason finance gives for a correction or an override: kept in the audit history and shown beside the claim. */
export const reason = z.string({ error: 'a reason is needed' }).trim().min(1, 'a reason is needed').max(2_000, 'the reason is too long (at most 2,000 characters)');

const claimStatus = z.enum(CLAIM_STATUSES, { error: 'choose submitted, approved, paid or rejected' });
/** An amount as typed, e.g. "£1,250.00": parsed exactly by the core, never guessed. */
const amountText = z.string().max(200);

/** Paying past a check, each with its own reason (both may be needed at once). */
const overrides = {
  /** Pay a claim that takes the hub past its total available: needs `overrideReason`. */
  override: z.literal(true).optional(),
  overrideReason: z.string().max(2_000).optional(),
  /** Pay a claim while the hub's release conditions do not all hold: needs `releaseOverrideReason`. */
  releaseOverride: z.literal(true).optional(),
  releaseOverrideReason: z.string().max(2_000).optional(),
};

export const createClaimSchema = z.strictObject({
  hubId: id,
  year: yearLabel,
  claimedOn: isoDate,
  amount: amountText,
  invoiceRef: shortText.optional(),
  priority: shortText.optional(),
  categoryId: id,
  description: longText.optional(),
  status: claimStatus,
  paidOn: isoDate.optional(),
  ...overrides,
});
export type CreateClaimInput = z.output<typeof createClaimSchema>;

/**
 * Correct a claim: any field. A paid claim keeps its amount and its "paid" status: both change only by
 * reversing the payment first (reverseClaimPayment, with a reason). `version` (optional) is the claim
 * as the form loaded it; a claim changed since is refused.
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
  ...overrides,
});
export type UpdateClaimInput = z.output<typeof updateClaimSchema>;

/** Delete a claim not yet paid (a paid claim is reversed first). */
export const deleteClaimSchema = z.strictObject({ claimId: id, version: version.optional() });

/** Reverse a payment: the claim goes back to approved, with finance's reason kept beside it. */
export const reverseClaimPaymentSchema = z.strictObject({ claimId: id, version: version.optional(), reason });

/** Unlock a hub's locked allocation for a year, with a reason (kept in the audit history). */
export const unlockFundingSchema = z.strictObject({ hubId: id, year: yearLabel, reason });
