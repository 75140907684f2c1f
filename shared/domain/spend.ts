/**
 * Spend by network category and by a hub's own priorities, shaped for charts and their tables. Pure and in
 * integer pence. "Claimed" and "released" follow reconciliation.ts: claimed = every claim not
 * rejected, released = paid claims only.
 */
import { sumPence } from './money';
import type { ClaimStatus } from './vocabulary';

export interface SpendPlanLine {
  hubId: number;
  priority: string;
  categoryId: number;
  plannedPence: number;
}

export interface SpendClaim {
  hubId: number;
  priority: string | null;
  categoryId: number;
  amountPence: number;
  status: ClaimStatus;
  claimedOn: string;
  paidOn: string | null;
}

export interface SpendCategory {
  id: number;
  name: string;
  position: number;
  retiredAt: string | null;
}

export interface SpendRow {
  key: string;
  label: string;
  plannedPence: number;
  claimedPence: number;
  releasedPence: number;
  /** A retired category still shows when it has history. */
  retired?: boolean;
}

function counts(claim: SpendClaim): { claimed: boolean; released: boolean } {
  return { claimed: claim.status !== 'rejected', released: claim.status === 'paid' };
}

function addTo(row: SpendRow, kind: 'plannedPence' | 'claimedPence' | 'releasedPence', pence: number): void {
  row[kind] = sumPence([row[kind], pence]);
}

/**
 * Planned, claimed and released per network category, in the list's order. Every active category
 * appears (with zeros when nothing was spent, so the chart says so); a retired category appears only
 * when it holds figures. An unknown category id is an error: it would hide money.
 */
export function spendByCategory(categories: readonly SpendCategory[], lines: readonly SpendPlanLine[], claims: readonly SpendClaim[]): SpendRow[] {
  const rows = new Map<number, SpendRow>();
  for (const c of [...categories].sort((a, b) => a.position - b.position || a.id - b.id)) {
    rows.set(c.id, { key: String(c.id), label: c.name, plannedPence: 0, claimedPence: 0, releasedPence: 0, retired: c.retiredAt !== null });
  }
  const rowFor = (id: number): SpendRow => {
    const row = rows.get(id);
    if (!row) throw new Error(`Spend category ${id} is not in the category list`);
    return row;
  };
  for (const l of lines) addTo(rowFor(l.categoryId), 'plannedPence', l.plannedPence);
  for (const c of claims) {
    const { claimed, released } = counts(c);
    if (claimed) addTo(rowFor(c.categoryId), 'claimedPence', c.amountPence);
    if (released) addTo(rowFor(c.categoryId), 'releasedPence', c.amountPence);
  }
  return [...rows.values()].filter((r) => !r.retired || r.plannedPence !== 0 || r.claimedPence !== 0 || r.releasedPence !== 0);
}

export const NO_PRIORITY = '(no priority given)';

/** Planned and claimed per hub-specific priority, in the order the plan first names them. */
export function spendByPriority(lines: readonly SpendPlanLine[], claims: readonly SpendClaim[]): SpendRow[] {
  const rows = new Map<string, SpendRow>();
  const rowFor = (priority: string | null): SpendRow => {
    const label = priority?.trim() || NO_PRIORITY;
    const key = label.toLowerCase();
    let row = rows.get(key);
    if (!row) {
      row = { key, label, plannedPence: 0, claimedPence: 0, releasedPence: 0 };
      rows.set(key, row);
    }
    return row;
  };
  for (const l of lines) addTo(rowFor(l.priority), 'plannedPence', l.plannedPence);
  for (const c of claims) {
    const { claimed, released } = counts(c);
    if (claimed) addTo(rowFor(c.priority), 'claimedPence', c.amountPence);
    if (released) addTo(rowFor(c.priority), 'releasedPence', c.amountPence);
  }
  return [...rows.values()];
}

export interface CumulativePoint {
  /** The last day of the month (ISO), or the year's end. */
  date: string;
  label: string;
  releasedInMonthPence: number;
  cumulativeReleasedPence: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthEnd(year: number, monthIndex: number): string {
  const d = new Date(Date.UTC(year, monthIndex + 1, 0));
  return d.toISOString().slice(0, 10);
}

/**
 * Released money month by month through a membership year (paid claims by their paid date, or
 * claimed date when the paid date is missing), cumulative, up to `today` or the year's end. A paid
 * claim dated outside the year is counted in the first or last month so the total still matches.
 */
export function cumulativeReleased(claims: readonly SpendClaim[], yearStart: string, yearEnd: string, today: string): CumulativePoint[] {
  const last = today < yearEnd ? today : yearEnd;
  const points: CumulativePoint[] = [];
  if (last < yearStart) return points;
  let y = Number(yearStart.slice(0, 4));
  let m = Number(yearStart.slice(5, 7)) - 1;
  for (;;) {
    const end = monthEnd(y, m);
    points.push({ date: end > yearEnd ? yearEnd : end, label: `${MONTHS[m]} ${String(y).slice(2)}`, releasedInMonthPence: 0, cumulativeReleasedPence: 0 });
    if (end >= last) break;
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  if (points.length === 0) return points;
  for (const c of claims) {
    if (c.status !== 'paid') continue;
    const when = c.paidOn ?? c.claimedOn;
    const index = when < yearStart ? 0 : points.findIndex((p) => when <= p.date);
    const target = points[index === -1 ? points.length - 1 : index]!;
    target.releasedInMonthPence = sumPence([target.releasedInMonthPence, c.amountPence]);
  }
  let running = 0;
  for (const p of points) {
    running = sumPence([running, p.releasedInMonthPence]);
    p.cumulativeReleasedPence = running;
  }
  return points;
}

export interface CategoryComparison extends SpendRow {
  previousPlannedPence: number;
  previousClaimedPence: number;
  previousReleasedPence: number;
}

/** This year's rows beside last year's, matched by category; a category in only one year still shows. */
export function compareYears(current: readonly SpendRow[], previous: readonly SpendRow[]): CategoryComparison[] {
  const prev = new Map(previous.map((r) => [r.key, r]));
  const out: CategoryComparison[] = current.map((r) => {
    const p = prev.get(r.key);
    prev.delete(r.key);
    return { ...r, previousPlannedPence: p?.plannedPence ?? 0, previousClaimedPence: p?.claimedPence ?? 0, previousReleasedPence: p?.releasedPence ?? 0 };
  });
  for (const p of prev.values()) {
    out.push({ ...p, plannedPence: 0, claimedPence: 0, releasedPence: 0, previousPlannedPence: p.plannedPence, previousClaimedPence: p.claimedPence, previousReleasedPence: p.releasedPence });
  }
  return out;
}
