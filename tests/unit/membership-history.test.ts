import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membershipHistory, newOrReturning, statusLabelDisagreement } from '../../shared/domain/membership-history';
import { MEMBERSHIP_STATUSES } from '../../shared/domain/vocabulary';

describe('membershipHistory: new and returning come from the history, not the label', () => {
  it('new = never a member before; returning = not last year but some earlier year; continuing = last year', () => {
    expect(membershipHistory({ earlierYearsHeld: true, memberLastYear: false, memberBeforeLastYear: false })).toBe('new');
    expect(membershipHistory({ earlierYearsHeld: true, memberLastYear: false, memberBeforeLastYear: true })).toBe('returning');
    expect(membershipHistory({ earlierYearsHeld: true, memberLastYear: true, memberBeforeLastYear: true })).toBe('continuing');
    expect(membershipHistory({ earlierYearsHeld: true, memberLastYear: true, memberBeforeLastYear: false })).toBe('continuing');
  });
  it('is unknown for the earliest year hubdesk holds, where the label stands in', () => {
    expect(membershipHistory({ earlierYearsHeld: false, memberLastYear: false, memberBeforeLastYear: false })).toBe('unknown');
    expect(newOrReturning('unknown', 'new')).toBe(true);
    expect(newOrReturning('unknown', 'renewing')).toBe(false);
  });
  it('the label never overrides a known history (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('new', 'returning', 'continuing' as const), fc.constantFrom(...MEMBERSHIP_STATUSES), (history, label) => {
        expect(newOrReturning(history, label)).toBe(history !== 'continuing');
      }),
    );
  });
});

describe('statusLabelDisagreement: a label that disagrees with the history is a warning', () => {
  it('Renewing on a school back after a gap year', () => {
    expect(statusLabelDisagreement('renewing', 'returning', '2025/26')).toBe(
      'labelled Renewing, but the school was not a member in 2025/26 (it returns after a gap): hubdesk treats it as returning, so its headteacher needs reviewer training',
    );
  });
  it('Renewing on a school never a member; New on a school that was a member last year', () => {
    expect(statusLabelDisagreement('renewing', 'new', '2025/26')).toMatch(/never been a member before/);
    expect(statusLabelDisagreement('new', 'continuing', '2025/26')).toMatch(/was a member in 2025\/26/);
  });
  it('agrees: New on a new or returning school, Renewing on a continuing one, Leaving on anything, any label on an unknown history', () => {
    expect(statusLabelDisagreement('new', 'new', '2025/26')).toBeNull();
    expect(statusLabelDisagreement('new', 'returning', '2025/26')).toBeNull();
    expect(statusLabelDisagreement('renewing', 'continuing', '2025/26')).toBeNull();
    for (const h of ['new', 'returning', 'continuing', 'unknown'] as const) expect(statusLabelDisagreement('leaving', h, '2025/26')).toBeNull();
    for (const l of MEMBERSHIP_STATUSES) expect(statusLabelDisagreement(l, 'unknown', '2025/26')).toBeNull();
  });
});
