import { z } from 'zod';
import { id, isoDate, longText, pence, shortText, yearLabel } from '../contract/schemas';
import { CLAIM_STATUSES } from '../domain/vocabulary';

/**
 * The funding forms' requests: carry forward, action plan lines and submission dates, claims. The
 * same schemas check a form as it is typed (inline messages) and every request in the core. Typed
 * amounts are text here: the core reads them exactly (shared/domain/money-parse) and refuses an
 * amount that needs confirming, saying why.
 */
const hubYear = { hubId: id, year: yearLabel };
const reason = z.string().trim().min(1, 'a reason is needed').max(2_000);
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

const claimStatus = z.enum(CLAIM_STATUSES);
const overReleaseFields = {
  /** Pay a claim that takes the hub past its total available: needs `overrideReason`. */
  override: z.literal(true).optional(),
  overrideReason: z.string().max(2_000).optional(),
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
  ...overReleaseFields,
});

export const updateClaimSchema = z.strictObject({
  claimId: id,
  status: claimStatus.optional(),
  paidOn: isoDate.nullable().optional(),
  amount: amountText.optional(),
  invoiceRef: shortText.nullable().optional(),
  priority: shortText.nullable().optional(),
  categoryId: id.optional(),
  description: longText.nullable().optional(),
  ...overReleaseFields,
});
