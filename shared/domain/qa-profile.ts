/**
 * How dashboards summarise QA Reviews: a school's latest estimates (with the review
 * they come from), a hub's profile of estimates under the three headings, WWWs and EBIs grouped by
 * heading, and the order in which schools are suggested as support for an EBI. Pure shaping.
 */

import { QA_ESTIMATES, QA_HEADINGS, type QaHeadingKey } from './vocabulary';

export interface ReviewEstimates {
  leadership: string | null;
  quality: string | null;
  disadvantaged: string | null;
}

export interface ReviewForEstimates {
  id: number;
  startDate: string;
  yearLabel: string;
  estimates: ReviewEstimates;
}

/** The estimates a dashboard shows: those of the latest review that has any, with where they come from. */
export interface LatestEstimates {
  reviewId: number;
  reviewStart: string;
  yearLabel: string;
  estimates: ReviewEstimates;
}

function hasEstimate(e: ReviewEstimates): boolean {
  return [e.leadership, e.quality, e.disadvantaged].some((v) => v !== null && v.trim() !== '');
}

/** The latest review (by start date, then id) that has at least one estimate; null when none has. */
export function latestEstimates(reviews: readonly ReviewForEstimates[]): LatestEstimates | null {
  let best: ReviewForEstimates | null = null;
  for (const r of reviews) {
    if (!hasEstimate(r.estimates)) continue;
    if (best === null || r.startDate > best.startDate || (r.startDate === best.startDate && r.id > best.id)) best = r;
  }
  return best ? { reviewId: best.id, reviewStart: best.startDate, yearLabel: best.yearLabel, estimates: { ...best.estimates } } : null;
}

/** Profile buckets: the four estimates, anything else the source wrote, and schools without estimates. */
export const NO_ESTIMATE = 'No estimate yet';

export interface QaProfileHeading {
  key: QaHeadingKey;
  label: string;
  /** The four estimates in order, then 'Other' (text that is not one of them) and NO_ESTIMATE. */
  counts: { estimate: string; count: number }[];
}

function estimateKey(text: string | null): string {
  if (text === null || text.trim() === '') return NO_ESTIMATE;
  const t = text.trim().replace(/\s+/g, ' ').toLowerCase();
  return QA_ESTIMATES.find((e) => e.toLowerCase() === t) ?? 'Other';
}

/** Counts per heading over the schools' latest estimates (null = the school has none). */
export function qaProfile(latest: readonly (LatestEstimates | null)[]): QaProfileHeading[] {
  return QA_HEADINGS.map((h) => {
    const counts = new Map<string, number>();
    for (const l of latest) {
      const k = estimateKey(l ? l.estimates[h.key] : null);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return {
      key: h.key,
      label: h.label,
      counts: [...QA_ESTIMATES, 'Other', NO_ESTIMATE].map((estimate) => ({ estimate, count: counts.get(estimate) ?? 0 })),
    };
  });
}

/* ------------------------------------------------------------------ points */

export type PointKind = 'www' | 'ebi';

export interface ReviewPoint {
  id: number;
  kind: string;
  heading: string | null;
  text: string;
  position: number;
}

export interface PointsUnderHeading<P extends ReviewPoint = ReviewPoint> {
  /** A QA heading key, or null for points whose heading was not recorded (or is not one of the three). */
  key: QaHeadingKey | null;
  label: string;
  www: P[];
  ebi: P[];
}

export const HEADING_NOT_RECORDED = 'Heading not recorded';

export function headingLabel(key: string | null): string {
  return QA_HEADINGS.find((h) => h.key === key)?.label ?? HEADING_NOT_RECORDED;
}

/**
 * Every WWW and EBI under its heading, in the order of QA_HEADINGS, each list in stored position
 * order; points without a known heading come last. Headings with no points are kept (empty lists),
 * so a screen can say "none" rather than hide the heading.
 */
export function pointsByHeading<P extends ReviewPoint>(points: readonly P[]): PointsUnderHeading<P>[] {
  const sorted = [...points].sort((a, b) => a.position - b.position || a.id - b.id);
  const known = new Set<string>(QA_HEADINGS.map((h) => h.key));
  const groups: PointsUnderHeading<P>[] = QA_HEADINGS.map((h) => ({
    key: h.key,
    label: h.label,
    www: sorted.filter((p) => p.heading === h.key && p.kind === 'www'),
    ebi: sorted.filter((p) => p.heading === h.key && p.kind === 'ebi'),
  }));
  const other = sorted.filter((p) => p.heading === null || !known.has(p.heading));
  if (other.length > 0) {
    groups.push({ key: null, label: HEADING_NOT_RECORDED, www: other.filter((p) => p.kind === 'www'), ebi: other.filter((p) => p.kind === 'ebi') });
  }
  return groups;
}

export function pointCounts(points: readonly Pick<ReviewPoint, 'kind'>[]): { www: number; ebi: number } {
  let www = 0;
  let ebi = 0;
  for (const p of points) {
    if (p.kind === 'www') www += 1;
    else if (p.kind === 'ebi') ebi += 1;
  }
  return { www, ebi };
}

/* ------------------------------------------------------------------ support suggestions */

/** A text that matched an EBI's key terms: an Area of Excellence or a WWW of another school. */
export interface SupportMatch {
  schoolId: number;
  kind: 'aoe' | 'www';
  /** Only meaningful for kind 'aoe'. */
  accredited: boolean;
  text: string;
  /** Full-text rank: lower is a better match (SQLite FTS5 bm25). */
  rank: number;
  /** How many of the EBI's key terms the text contains as words (sharedTerms). */
  shared: number;
  reviewStart: string;
}

export interface SupportSuggestion<M extends SupportMatch = SupportMatch> {
  schoolId: number;
  /** The school's best-matching accredited Area of Excellence, if any matched. */
  accreditedAoe: M | null;
  /** Other matches: non-accredited AoEs and WWWs, best first. */
  matches: M[];
  bestRank: number;
}

/**
 * How many of `terms` (lower-case key terms of an EBI) appear in `text` as words, a plural "s" aside.
 * Unlike the full-text index it does not stem, so "informed" does not count as "information".
 */
export function sharedTerms(text: string, terms: readonly string[]): number {
  const words = new Set<string>();
  for (const w of text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    words.add(w);
    if (w.length > 3 && w.endsWith('s')) words.add(w.slice(0, -1));
  }
  return terms.filter((t) => words.has(t) || (t.length > 3 && t.endsWith('s') && words.has(t.slice(0, -1)))).length;
}

/**
 * **Decision** (the support matching Hub Managers do by hand): schools with a matching *accredited*
 * Area of Excellence come first — the AoE sharing more of the EBI's words first, then the better AoE
 * match — then the others by their best match; ties by the more recent review, then school id. An
 * accredited AoE counts as matching only when it shares a word with the EBI as written: the index
 * stems ("informed" finds "information"), which is right for finding texts but not for putting a
 * school at the top. The EBI's own school is never suggested (the caller passes it).
 */
export function rankSupportSuggestions<M extends SupportMatch>(matches: readonly M[], excludeSchoolId: number | null): SupportSuggestion<M>[] {
  const bySchool = new Map<number, M[]>();
  for (const m of matches) {
    if (m.schoolId === excludeSchoolId) continue;
    const list = bySchool.get(m.schoolId) ?? [];
    list.push(m);
    bySchool.set(m.schoolId, list);
  }
  const better = (a: M, b: M): number => a.rank - b.rank || b.reviewStart.localeCompare(a.reviewStart);
  const out: SupportSuggestion<M>[] = [];
  for (const [schoolId, list] of bySchool) {
    const sorted = [...list].sort(better);
    const accreditedAoe =
      [...sorted].filter((m) => m.kind === 'aoe' && m.accredited && m.shared > 0).sort((a, b) => b.shared - a.shared || a.rank - b.rank)[0] ?? null;
    out.push({
      schoolId,
      accreditedAoe,
      matches: sorted.filter((m) => m !== accreditedAoe),
      bestRank: sorted[0]!.rank,
    });
  }
  const latest = (s: SupportSuggestion<M>): string =>
    [s.accreditedAoe, ...s.matches].reduce((d, m) => (m && m.reviewStart > d ? m.reviewStart : d), '');
  return out.sort(
    (a, b) =>
      Number(b.accreditedAoe !== null) - Number(a.accreditedAoe !== null) ||
      (a.accreditedAoe && b.accreditedAoe ? b.accreditedAoe.shared - a.accreditedAoe.shared || a.accreditedAoe.rank - b.accreditedAoe.rank : 0) ||
      a.bestRank - b.bestRank ||
      latest(b).localeCompare(latest(a)) ||
      a.schoolId - b.schoolId,
  );
}

/** Where a school is in the network: its hub and that hub's region (either may be unknown). */
export interface NetworkPlace {
  hubId: number | null;
  region: string | null;
}

export type Nearness = 'same hub' | 'same region' | 'elsewhere';
const NEARNESS: readonly Nearness[] = ['same hub', 'same region', 'elsewhere'];

/** How near a school is to another: in the same hub, in another hub of the same region, or elsewhere. */
export function nearnessOf(near: NetworkPlace, place: NetworkPlace): Nearness {
  if (near.hubId !== null && place.hubId === near.hubId) return 'same hub';
  if (near.region !== null && place.region === near.region) return 'same region';
  return 'elsewhere';
}

/**
 * **Decision** (support is easiest to broker close by): suggestions from the EBI's own hub come
 * first, then those from another hub in the same region, then the rest; inside each, the order the
 * matching gave (rankSupportSuggestions) is kept.
 */
export function nearFirst<S>(suggestions: readonly S[], near: NetworkPlace, placeOf: (s: S) => NetworkPlace): S[] {
  return suggestions
    .map((s, i) => ({ s, i, d: NEARNESS.indexOf(nearnessOf(near, placeOf(s))) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.s);
}
