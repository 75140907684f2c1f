import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { claimAmountIssues, claimAmountOf, claimCorrections, claimPaidOnIssues } from '../../shared/validation/claims';
import { deleteClaimSchema, reverseClaimPaymentSchema, unlockFundingSchema, updateClaimSchema } from '../../shared/validation/funding';
import { fieldIssues, messagesByField } from '../../shared/validation/common';
import { CLAIM_STATUSES } from '../../shared/domain/vocabulary';

const V = '0123456789abcdef';
function messages(schema: z.ZodType, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  return r.success ? {} : messagesByField(fieldIssues(r.error));
}

describe('what finance may correct on a claim', () => {
  it('an unpaid claim: every field, any status short of paid, and deleting; nothing to reverse', () => {
    for (const status of ['submitted', 'approved', 'rejected'] as const) {
      expect(claimCorrections(status)).toEqual({ amount: true, statuses: ['submitted', 'approved', 'rejected'], delete: true, reverse: false });
    }
  });
  it('a paid claim: its amount, its status and deleting wait for the payment to be reversed', () => {
    expect(claimCorrections('paid')).toEqual({ amount: false, statuses: ['paid'], delete: false, reverse: true });
  });
});

describe('a claim’s paid date', () => {
  const today = '2026-12-05';
  const paidOn = (status: (typeof CLAIM_STATUSES)[number], date: string | null, claimedOn = '2026-10-01') => claimPaidOnIssues({ status, paidOn: date, claimedOn }, today);

  it('a paid claim needs one, and only a paid claim has one', () => {
    expect(paidOn('paid', null)).toEqual([{ path: 'paidOn', message: 'a paid claim needs the date it was paid' }]);
    expect(paidOn('approved', '2026-11-03')).toEqual([{ path: 'paidOn', message: 'only a paid claim has a paid date (this claim is approved)' }]);
    expect(paidOn('paid', '2026-11-03')).toEqual([]);
    expect(paidOn('rejected', null)).toEqual([]);
  });
  it('never before the claim was made, never after today; the claim’s own day and today are fine', () => {
    expect(paidOn('paid', '2026-09-30')[0]!.message).toBe('the claim cannot be paid (2026-09-30) before it was made (2026-10-01)');
    expect(paidOn('paid', '2026-12-06')[0]!.message).toBe('the payment date (2026-12-06) is after today (2026-12-05)');
    expect(paidOn('paid', '2026-10-01')).toEqual([]);
    expect(paidOn('paid', today)).toEqual([]);
  });
  it('accepts exactly the dates from the claim to today, for a paid claim only', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2025, 8, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...CLAIM_STATUSES), day, fc.option(day, { nil: null }), (status, claimedOn, date) => {
        const ok = claimPaidOnIssues({ status, paidOn: date, claimedOn }, today).length === 0;
        const expected = status === 'paid' ? date !== null && date >= claimedOn && date <= today : date === null;
        expect(ok).toBe(expected);
      }),
    );
  });
});

describe('the correction requests', () => {
  it('a correction names its claim; the version it loaded must be a version', () => {
    expect(updateClaimSchema.safeParse({ claimId: 3, version: V, amount: '£250.00', invoiceRef: null }).success).toBe(true);
    expect(messages(updateClaimSchema, { claimId: 3, version: 'old' }).version).toBe('is not a record version');
    expect(messages(updateClaimSchema, { claimId: 3, status: 'cancelled' }).status).toBe('choose submitted, approved, paid or rejected');
    expect(messages(updateClaimSchema, { claimId: 3, claimedOn: '5/12/2026' }).claimedOn).toBeDefined();
    expect(messages(updateClaimSchema, { claimId: 3, colour: 'red' })['']).toMatch(/colour/);
  });
  it('deleting names the claim and nothing else', () => {
    expect(deleteClaimSchema.safeParse({ claimId: 3, version: V }).success).toBe(true);
    expect(messages(deleteClaimSchema, { claimId: 0 }).claimId).toBeDefined();
  });
  it('reversing a payment and unlocking need a reason that says something', () => {
    expect(reverseClaimPaymentSchema.safeParse({ claimId: 3, reason: 'Paid to the wrong school' }).success).toBe(true);
    expect(messages(reverseClaimPaymentSchema, { claimId: 3, reason: '   ' }).reason).toBe('a reason is needed');
    expect(messages(reverseClaimPaymentSchema, { claimId: 3 }).reason).toBe('a reason is needed');
    expect(messages(reverseClaimPaymentSchema, { claimId: 3, reason: 'x'.repeat(2_001) }).reason).toBe('the reason is too long (at most 2,000 characters)');
    expect(unlockFundingSchema.safeParse({ hubId: 1, year: '2026/27', reason: 'Joiner missed from the roll' }).success).toBe(true);
    expect(messages(unlockFundingSchema, { hubId: 1, year: '2026/27', reason: '' }).reason).toBe('a reason is needed');
    expect(messages(unlockFundingSchema, { hubId: 1, year: '2026-27', reason: 'x' }).year).toBeDefined();
  });
});

describe('a claim’s amount as typed', () => {
  it('is an exact amount of money, more than £0.00', () => {
    expect(claimAmountOf('£1,234.56')).toEqual({ pence: 123_456, issue: null });
    expect(claimAmountIssues('£250')).toEqual([]);
    expect(claimAmountIssues('-£50')[0]!.message).toBe('“-£50” is not an exact amount of money (a negative amount); enter it like £1,234.56');
    expect(claimAmountIssues('£0.00')[0]!.message).toBe('a claim must be for more than £0.00, got £0.00');
    expect(claimAmountIssues('about £300')[0]!.path).toBe('amount');
    expect(claimAmountIssues('')).toHaveLength(1);
  });
  it('a space inside the digits is not exact, whichever side of the comma', () => {
    expect(claimAmountOf('£34, 704.70').issue).toMatch(/^“£34, 704\.70” is not an exact amount of money/);
    expect(claimAmountOf('£34 704.70').issue).toMatch(/not an exact amount/);
  });
});
