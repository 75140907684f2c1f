/**
 * The release condition "the hub's meeting dates for the year have been submitted".
 *
 * **Decision**: met when the hub has at least one meeting dated in each term of the year (autumn,
 * spring, summer: the term each meeting is recorded in) and every meeting of the year is marked
 * submitted. One submitted meeting out of three is not "the meeting dates for the year".
 */
import { longDate } from './reconciliation';
import { TERMS, type Term } from './vocabulary';

export interface MeetingDateFact {
  date: string;
  term: string;
  submittedOn: string | null;
}

export interface MeetingDatesCondition {
  met: boolean;
  /** Terms of the year with no meeting recorded. */
  termsWithoutMeeting: Term[];
  /** Dates of the meetings not yet marked submitted, oldest first. */
  notSubmitted: string[];
  /** One sentence for the screen. */
  detail: string;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function meetingDatesCondition(meetings: readonly MeetingDateFact[]): MeetingDatesCondition {
  const termsWithoutMeeting = TERMS.filter((t) => !meetings.some((m) => m.term === t));
  const notSubmitted = meetings
    .filter((m) => m.submittedOn === null)
    .map((m) => m.date)
    .sort();
  const met = meetings.length > 0 && termsWithoutMeeting.length === 0 && notSubmitted.length === 0;
  let detail: string;
  if (meetings.length === 0) detail = 'No meeting dates are recorded for the year.';
  else if (met) detail = `A meeting is dated in each term and all ${meetings.length} ${meetings.length === 1 ? 'is' : 'are'} submitted.`;
  else {
    const parts: string[] = [];
    if (termsWithoutMeeting.length > 0) parts.push(`no meeting is dated in the ${list(termsWithoutMeeting)} ${termsWithoutMeeting.length === 1 ? 'term' : 'terms'}`);
    if (notSubmitted.length > 0) {
      parts.push(`${notSubmitted.length} of ${meetings.length} ${meetings.length === 1 ? 'meeting' : 'meetings'} ${notSubmitted.length === 1 ? 'is' : 'are'} not submitted (${list(notSubmitted.map(longDate))})`);
    }
    const text = parts.join('; ');
    detail = `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }
  return { met, termsWithoutMeeting, notSubmitted, detail };
}
