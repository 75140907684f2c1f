/** A day as people in the UK read it: 2026-12-05 → 5 Dec 2026 (anything else is returned as it is). */
const SHOWN_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function ukDateShown(iso: string): string {
  if (!ISO_DAY.test(iso)) return iso;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? iso : SHOWN_DATE.format(d);
}

/** Every ISO day (2026-12-05) in a message written the UK way (5 Dec 2026). */
export function ukDatesIn(message: string): string {
  return message.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => ukDateShown(day));
}

/**
 * The calendar date of an instant in the UK, where the team works: at 00:30 on a summer night (BST)
 * it is already the next day, which the instant's UTC date would miss.
 */
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function ukDateOf(instant: Date): string {
  return LONDON_DATE.format(instant);
}
