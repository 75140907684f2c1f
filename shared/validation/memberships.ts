import { z } from 'zod';
import { ukDateShown } from '../uk-date';
import { MEMBERSHIP_STATUSES } from '../domain/vocabulary';
import { id, isoDate, notAfterToday, optionalDate, pupils, version, type FieldIssue } from './common';
import { yearLabel } from '../contract/schemas';

export const membershipStatus = z.enum(MEMBERSHIP_STATUSES, { error: 'choose new, renewing or leaving' });

const feeOrder = (r: { feeInvoicedOn?: string | null; feePaidOn?: string | null }, ctx: z.RefinementCtx) => {
  if (r.feeInvoicedOn && r.feePaidOn && r.feePaidOn < r.feeInvoicedOn) {
    ctx.addIssue({ code: 'custom', path: ['feePaidOn'], message: `the fee cannot be paid (${ukDateShown(r.feePaidOn)}) before it was invoiced (${ukDateShown(r.feeInvoicedOn)})` });
  }
};

/** Add a school to a hub for a year. */
export const addMembershipSchema = z
  .strictObject({
    schoolId: id,
    hubId: id,
    year: yearLabel,
    pupils,
    status: membershipStatus.refine((s) => s !== 'leaving', 'a school joining a hub is new or renewing, not leaving'),
    feeInvoicedOn: optionalDate.optional(),
    feePaidOn: optionalDate.optional(),
  })
  .superRefine(feeOrder);
export type AddMembershipInput = z.input<typeof addMembershipSchema>;

/**
 * Change one membership: move it to another hub, change its pupils or status (leaving), record the
 * fee invoiced / paid dates. Fields left out are kept; `version` is what the form loaded.
 */
export const updateMembershipSchema = z
  .strictObject({
    membershipId: id,
    version,
    hubId: id.optional(),
    pupils: pupils.optional(),
    status: membershipStatus.optional(),
    feeInvoicedOn: optionalDate.optional(),
    feePaidOn: optionalDate.optional(),
  })
  .superRefine(feeOrder)
  .refine(
    (r) => r.hubId !== undefined || r.pupils !== undefined || r.status !== undefined || r.feeInvoicedOn !== undefined || r.feePaidOn !== undefined,
    { message: 'nothing to change' },
  );
export type UpdateMembershipInput = z.input<typeof updateMembershipSchema>;

/** The rules that need today's date: fee dates are facts, never in the future. */
export function membershipDateIssues(r: { feeInvoicedOn?: string | null; feePaidOn?: string | null }, today: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  const inv = notAfterToday(r.feeInvoicedOn, today, 'the invoice date');
  if (inv) out.push({ path: 'feeInvoicedOn', message: inv });
  const paid = notAfterToday(r.feePaidOn, today, 'the payment date');
  if (paid) out.push({ path: 'feePaidOn', message: paid });
  return out;
}

export { isoDate };
