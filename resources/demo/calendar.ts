/**
 * The demo's calendar. The story is written in one reference membership year (2026/27, with the
 * year before it as history) and told as of a "today" inside it; loaded on another day, the whole
 * network moves to the membership year that day falls in, so it always shows this term's calls due,
 * reviews booked ahead and claims waiting to be paid.
 *
 * The move is a whole number of weeks (reviews and meetings stay on weekdays) close to a whole number
 * of years. Ofsted inspections do not move: their frameworks belong to real dates (report cards began
 * on 10 November 2025), so the inspection history is written against the real day instead.
 */
import { yearLabelFor, firstCalendarYear } from '@shared/domain/years';
import { addDays } from './random';

export const REFERENCE_FIRST_YEAR = 2026;
const REFERENCE_START = `${REFERENCE_FIRST_YEAR}-09-01`;
const REFERENCE_END = `${REFERENCE_FIRST_YEAR + 1}-08-31`;
const DAY_MS = 86_400_000;

export interface DemoCalendar {
  /** The day the demo is loaded (real calendar). */
  today: string;
  /** The same moment in the reference year, which the story is written against. */
  referenceToday: string;
  /** Days added to every reference date to reach the load year: a multiple of 7. */
  shiftDays: number;
  /** Membership years added to every reference year label. */
  shiftYears: number;
}

/** The first calendar year of the membership year (1 September to 31 August) containing the day. */
function membershipFirstYear(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return iso.slice(5) >= '09-01' ? year : year - 1;
}

export function demoCalendar(today: string): DemoCalendar {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`the demo needs today as an ISO date, not "${today}"`);
  const shiftYears = membershipFirstYear(today) - REFERENCE_FIRST_YEAR;
  const exactDays = (Date.parse(`${REFERENCE_FIRST_YEAR + shiftYears}-09-01`) - Date.parse(REFERENCE_START)) / DAY_MS;
  const shiftDays = Math.round(exactDays / 7) * 7;
  let referenceToday = addDays(today, -shiftDays);
  if (referenceToday < REFERENCE_START) referenceToday = REFERENCE_START;
  if (referenceToday > REFERENCE_END) referenceToday = REFERENCE_END;
  return { today, referenceToday, shiftDays, shiftYears };
}

/** A reference-year label such as 2026/27 in the load year. */
export function movedLabel(label: string, calendar: DemoCalendar): string {
  return yearLabelFor(firstCalendarYear(label) + calendar.shiftYears);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR_LABEL = /^\d{4}\/\d{2}$/;

/**
 * A copy of a value written in the reference calendar with every date and membership-year label
 * moved to the load year. Only whole values are moved (a field that is a date or a label); text that
 * mentions a year is the generator's to write with `movedLabel`.
 */
export function moveToLoadYear<T>(value: T, calendar: DemoCalendar): T {
  if (calendar.shiftDays === 0 && calendar.shiftYears === 0) return value;
  const move = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (ISO_DATE.test(v)) return addDays(v, calendar.shiftDays);
      if (YEAR_LABEL.test(v)) return movedLabel(v, calendar);
      return v;
    }
    if (Array.isArray(v)) return v.map(move);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, move(x)]));
    return v;
  };
  return move(value) as T;
}
