/**
 * The calendar date of an instant in the UK, where the team works: at 00:30 on a summer night (BST)
 * it is already the next day, which the instant's UTC date would miss.
 */
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function ukDateOf(instant: Date): string {
  return LONDON_DATE.format(instant);
}
