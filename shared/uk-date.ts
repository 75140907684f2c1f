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

/*
 * Times of day as people in England give them (Europe/London: GMT in winter, BST in summer) and the
 * instants (ISO, UTC) the store keeps.
 */
const ZONE = 'Europe/London';
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** London's wall clock at an instant, as the milliseconds of the same wall clock read as UTC. */
function wallClock(ms: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** Is the text a time of day like 14:30 (24-hour, two digits each)? */
export function isTimeOfDay(text: string): boolean {
  return TIME.test(text);
}

/** The instant (ISO, UTC) of a London day and time of day: `2026-07-01`, `14:30` → `2026-07-01T13:30:00.000Z`. */
export function londonInstant(day: string, time: string): string {
  const t = TIME.exec(time);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!t || !d) throw new Error(`"${day} ${time}" is not a day and a time like 2026-07-01 14:30`);
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // The offset at the guess, then again at the corrected instant (right on either side of a clock change).
  let ms = asUtc - (wallClock(asUtc) - asUtc);
  ms = asUtc - (wallClock(ms) - ms);
  return new Date(ms).toISOString();
}

/** The London day and time of day of an instant: `2026-07-01T13:30:00.000Z` → { day: '2026-07-01', time: '14:30' }. */
export function londonDayTime(instant: string): { day: string; time: string } {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`"${instant}" is not an instant`);
  const iso = new Date(wallClock(ms)).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The last minute of a London day, as an instant (a call recorded without its time counts as held by then). */
export function endOfLondonDay(day: string): string {
  return londonInstant(day, '23:59');
}
