import type { ClaimStatus } from '../domain/vocabulary';
import { parseTypedAmount } from '../domain/money-parse';
import type { FieldIssue } from './common';

/** A claim's amount as typed: an exact amount of money, more than £0.00; the pence, or why not. */
export function claimAmountOf(text: string): { pence: number; issue: null } | { pence: null; issue: string } {
  const parsed = parseTypedAmount(text);
  if (parsed.kind !== 'exact') return { pence: null, issue: `“${text.trim()}” is not an exact amount of money (${parsed.reason}); enter it like £1,234.56` };
  if (parsed.pence <= 0) return { pence: null, issue: `a claim must be for more than £0.00, got ${parsed.normalised}` };
  return { pence: parsed.pence, issue: null };
}

/** The amount field's issue, for a form. */
export function claimAmountIssues(text: string): FieldIssue[] {
  const { issue } = claimAmountOf(text);
  return issue === null ? [] : [{ path: 'amount', message: issue }];
}

/**
 * What finance may correct on a claim, by its status. A payment has left the network's account, so a
 * paid claim keeps its amount and its "paid" status, and is not deleted: each needs the payment
 * reversed first (with a reason). Any other claim can be corrected in every field, or deleted. The
 * core enforces these; the forms offer only what they allow.
 */
export interface ClaimCorrections {
  /** The amount can be changed. */
  amount: boolean;
  /** The statuses a correction may set without paying the claim (paying has its own checks). */
  statuses: readonly ClaimStatus[];
  /** The claim can be deleted. */
  delete: boolean;
  /** There is a payment to reverse. */
  reverse: boolean;
}

export function claimCorrections(status: ClaimStatus): ClaimCorrections {
  if (status === 'paid') return { amount: false, statuses: ['paid'], delete: false, reverse: true };
  return { amount: true, statuses: ['submitted', 'approved', 'rejected'], delete: true, reverse: false };
}

/**
 * The paid date a claim's status allows: a paid claim has the date it was paid, no other claim has
 * one; a payment is never dated before the claim was made, nor after today.
 */
export function claimPaidOnIssues(c: { status: ClaimStatus; paidOn: string | null; claimedOn: string }, today: string): FieldIssue[] {
  const issue = (message: string): FieldIssue[] => [{ path: 'paidOn', message }];
  if (c.status === 'paid' && c.paidOn === null) return issue('a paid claim needs the date it was paid');
  if (c.status !== 'paid' && c.paidOn !== null) return issue(`only a paid claim has a paid date (this claim is ${c.status})`);
  if (c.paidOn !== null && c.paidOn < c.claimedOn) return issue(`the claim cannot be paid (${c.paidOn}) before it was made (${c.claimedOn})`);
  if (c.paidOn !== null && c.paidOn > today) return issue(`the payment date (${c.paidOn}) is after today (${today})`);
  return [];
}
