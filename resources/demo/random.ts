/**
 * A small seeded pseudo-random generator for the demo network. Each entity draws from its own stream
 * (seeded by a key such as `ofsted:104829`), so adding a school never changes what another one gets.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

function hashKey(key: string): number {
  // FNV-1a, 32 bit.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function randomFor(key: string): Random {
  let state = hashKey(key) || 1;
  // mulberry32
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    weighted: (items) => {
      const total = items.reduce((n, [, w]) => n + w, 0);
      let r = next() * total;
      for (const [value, w] of items) {
        r -= w;
        if (r < 0) return value;
      }
      return items[items.length - 1]![0];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

/** Adds days to an ISO date (UTC, no time zone surprises). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A weekday on or after the date (reviews and meetings are not held at weekends). */
export function weekdayOnOrAfter(iso: string): string {
  let d = iso;
  for (;;) {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) return d;
    d = addDays(d, 1);
  }
}

/** A date between two ISO dates inclusive. */
export function dateBetween(rng: Random, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, rng.int(0, Math.max(0, span)));
}

/**
 * Whether schools are open on the day, roughly: not at weekends, over Christmas (20 December to
 * 3 January) or in the summer holiday (23 July to 31 August). Reviews and inspections happen only
 * on such days.
 */
export function isSchoolDay(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return false;
  const monthDay = iso.slice(5);
  if (monthDay >= '12-20' || monthDay <= '01-03') return false;
  return !(monthDay >= '07-23' && monthDay <= '08-31');
}

/** The first school day on or after the date. */
export function schoolDayOnOrAfter(iso: string): string {
  let d = iso;
  while (!isSchoolDay(d)) d = addDays(d, 1);
  return d;
}

/** A school day between two dates: the next one, or the one before when the next falls after `to`. */
export function schoolDayBetween(rng: Random, from: string, to: string): string {
  const picked = dateBetween(rng, from, to);
  const next = schoolDayOnOrAfter(picked);
  if (next <= to) return next;
  let d = picked;
  while (!isSchoolDay(d) && d > from) d = addDays(d, -1);
  return d;
}
