/**
 * New and returning schools, from the membership history rather than the roll's status label.
 *
 * - *new* = never a member before this year;
 * - *returning* = not a member last year, but a member in some earlier year;
 * - *continuing* = a member last year.
 *
 * **Decision**: the history can only say "never a member before" when hubdesk holds some year before
 * this one. For the earliest year it holds, the history is *unknown* and the roll's label stands in
 * for it (a "New" label counts as new). A label that disagrees with a known history is a warning in
 * the roll import preview; the rules follow the history.
 */
import type { MembershipStatus } from './vocabulary';

export type MembershipHistory = 'new' | 'returning' | 'continuing' | 'unknown';

export function membershipHistory(input: {
  /** hubdesk holds at least one membership year before this one. */
  earlierYearsHeld: boolean;
  memberLastYear: boolean;
  /** A member in some year before last year. */
  memberBeforeLastYear: boolean;
}): MembershipHistory {
  if (input.memberLastYear) return 'continuing';
  if (input.memberBeforeLastYear) return 'returning';
  return input.earlierYearsHeld ? 'new' : 'unknown';
}

/** New or returning: the school's headteacher must attend reviewer training. A label stands in for an unknown history. */
export function newOrReturning(history: MembershipHistory, label: MembershipStatus): boolean {
  return history === 'new' || history === 'returning' || (history === 'unknown' && label === 'new');
}

/**
 * Why a roll's status label disagrees with the history, or null when it does not. "New" fits a new or
 * returning school (the roll has no "Returning" label); "Renewing" fits only a school that was a member
 * last year; "Leaving" says nothing about the past.
 */
export function statusLabelDisagreement(label: MembershipStatus, history: MembershipHistory, previousYear: string): string | null {
  if (history === 'unknown' || label === 'leaving') return null;
  if (label === 'new' && history === 'continuing') return `labelled New, but the school was a member in ${previousYear}: hubdesk treats it as renewing`;
  if (label === 'renewing' && history === 'new') return 'labelled Renewing, but the school has never been a member before: hubdesk treats it as new';
  if (label === 'renewing' && history === 'returning') {
    return `labelled Renewing, but the school was not a member in ${previousYear} (it returns after a gap): hubdesk treats it as returning, so its headteacher needs reviewer training`;
  }
  return null;
}
