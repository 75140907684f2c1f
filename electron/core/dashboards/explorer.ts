import { sql } from 'kysely';
import type { QaTextHit, QaTextKind, QaTextSearchResult, SupportSuggestions } from '@shared/contract/dashboards';
import { nearFirst, nearnessOf, rankSupportSuggestions, sharedTerms, type SupportMatch } from '@shared/domain/qa-profile';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { keyTerms, terms as searchTerms } from './fts-query';
import type { TextMatchMode } from '../db/store';

export const DEFAULT_LIMIT = 100;

export interface SearchFilters {
  hubId?: number;
  phase?: string;
  heading?: string;
  kind?: QaTextKind;
  year?: string;
}

/** What the texts are searched for: words (none lists every text), how they must match, and whether to rank the matches. */
interface TextSearch {
  terms: readonly string[];
  mode: TextMatchMode;
  ranked: boolean;
}

const EVERY_TEXT: TextSearch = { terms: [], mode: 'all-last-prefix', ranked: false };

/**
 * The texts searched (every text, or those matching the terms), from the full-text table alone in
 * a subquery. Ranked, it is ordered by rank: it hands the joins below its matches best first, so a
 * page of them joins only its own rows (and their ties) to the reviews, schools and hubs, not every
 * match. Unranked (or without terms), the rank is 0.
 */
function texts(ctx: CoreContext, search: TextSearch) {
  const text = ctx.store.sql;
  let q = ctx.db.selectFrom('qa_text_fts as t').select(['t.rowid', 't.kind', 't.heading', 't.text', 't.review_id']);
  if (search.terms.length === 0) return q.select(sql<number>`0`.as('rank'));
  q = q.where(text.textMatches('t', search.terms, search.mode));
  if (!search.ranked) return q.select(sql<number>`0`.as('rank'));
  return q.select(text.textRank('t', search.terms, search.mode).as('rank')).orderBy('rank');
}

/** The texts joined to the review, its school, its year, and the school's hub in that year. */
function baseQuery(ctx: CoreContext, search: TextSearch = EVERY_TEXT) {
  return ctx.db
    .selectFrom(texts(ctx, search).as('f'))
    .innerJoin('qa_reviews as r', 'r.id', 'f.review_id')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .innerJoin('membership_years as y', 'y.id', 'r.year_id')
    .leftJoin('memberships as m', (join) => join.onRef('m.school_id', '=', 'r.school_id').onRef('m.year_id', '=', 'r.year_id'))
    .leftJoin('hubs as h', 'h.id', 'm.hub_id')
    .select([
      'f.rowid', 'f.kind', 'f.heading', 'f.text', 'f.review_id', 'f.rank', 'r.aoe_accredited', 'r.start_date', 's.id as school_id', 's.name as school',
      's.urn', 's.phase', 'h.id as hub_id', 'h.name as hub', 'h.region as region', 'y.label as year',
    ]);
}

type Joined = ReturnType<typeof baseQuery>;
type Row = Awaited<ReturnType<Joined['execute']>>[number];

function filtered(q: Joined, filters: SearchFilters): Joined {
  if (filters.hubId !== undefined) q = q.where('h.id', '=', filters.hubId);
  if (filters.phase !== undefined) q = q.where('s.phase', '=', filters.phase);
  if (filters.heading !== undefined) q = q.where('f.heading', '=', filters.heading);
  if (filters.kind !== undefined) q = q.where('f.kind', '=', filters.kind);
  if (filters.year !== undefined) q = q.where('y.label', '=', filters.year);
  return q;
}

function hit(r: Row): QaTextHit {
  return {
    pointId: r.kind === 'aoe' ? null : r.rowid,
    reviewId: r.review_id,
    kind: r.kind as QaTextKind,
    heading: r.heading,
    text: r.text,
    aoeAccredited: r.aoe_accredited === 1,
    schoolId: r.school_id,
    school: r.school,
    urn: r.urn,
    phase: r.phase,
    hubId: r.hub_id,
    hub: r.hub,
    region: r.region,
    year: r.year,
    reviewStart: r.start_date,
  };
}

/** Filters on the review's school, year or hub: only these need the joins to count the matches. */
const needsJoins = (filters: SearchFilters) => filters.hubId !== undefined || filters.phase !== undefined || filters.year !== undefined;

/**
 * The matching texts on their own, for counting them: every text has its review and every review its
 * school and year (foreign keys, never null), and the hub is a left join, so without a filter on
 * them the joins never change the count — and without them the text search counts through its index.
 */
function textOnly(ctx: CoreContext, terms: readonly string[], filters: SearchFilters) {
  let q = ctx.db.selectFrom(texts(ctx, { terms, mode: 'all-last-prefix', ranked: false }).as('f'));
  if (filters.heading !== undefined) q = q.where('f.heading', '=', filters.heading);
  if (filters.kind !== undefined) q = q.where('f.kind', '=', filters.kind);
  return q;
}

/**
 * Full-text search over WWWs, EBIs and Areas of Excellence: every typed word, the last also as a
 * prefix (fts-query.ts reduces the text to plain words, so no input can break the query); with no
 * words it lists by the filters alone, newest review first.
 */
export async function searchQaText(ctx: CoreContext, request: SearchFilters & { text: string; limit?: number }): Promise<QaTextSearchResult> {
  const terms = searchTerms(request.text);
  const limit = request.limit ?? DEFAULT_LIMIT;
  const counting = needsJoins(request) ? filtered(baseQuery(ctx, { terms, mode: 'all-last-prefix', ranked: false }), request).clearSelect() : textOnly(ctx, terms, request);
  const counted = await counting.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let q = filtered(baseQuery(ctx, { terms, mode: 'all-last-prefix', ranked: true }), request);
  q = terms.length > 0 ? q.orderBy('f.rank') : q.orderBy('r.start_date', 'desc');
  const rows = await q.orderBy('s.name').orderBy('f.rowid').limit(limit + 1).execute();
  return { terms, hits: rows.slice(0, limit).map(hit), total: Number(counted.n), truncated: rows.length > limit };
}

/**
 * For an EBI: schools whose accredited Area of Excellence or WWWs share its key terms, accredited
 * AoEs sharing its words first (rankSupportSuggestions). Uses the schools' own texts across every year.
 */
export async function suggestSupport(ctx: CoreContext, request: { pointId: number; limit?: number }): Promise<SupportSuggestions> {
  const ebiRow = await baseQuery(ctx).where('f.rowid', '=', request.pointId).executeTakeFirst();
  if (!ebiRow) throw new HubdeskError('not_found', `There is no WWW or EBI with id ${request.pointId}.`);
  if (ebiRow.kind !== 'ebi') throw new HubdeskError('validation', `Point ${request.pointId} is a ${ebiRow.kind.toUpperCase()}, not an EBI: support is suggested for EBIs.`);
  const ebi = hit(ebiRow);
  const terms = keyTerms(ebi.text);
  if (terms.length === 0) return { ebi, terms, suggestions: [] };

  const rows = await baseQuery(ctx, { terms, mode: 'any', ranked: true })
    .where((eb) => eb.or([eb('f.kind', '=', 'www'), eb.and([eb('f.kind', '=', 'aoe'), eb('r.aoe_accredited', '=', 1)])]))
    .where('s.id', '!=', ebi.schoolId)
    .orderBy('f.rank')
    .limit(400)
    .execute();
  // The hub of a suggested school: its latest membership (the rows carry the hub of each review's year).
  const info = new Map<number, Row>();
  for (const r of rows) {
    const known = info.get(r.school_id);
    if (!known || r.start_date > known.start_date) info.set(r.school_id, r);
  }
  const matches: SupportMatch[] = rows.map((r) => ({
    schoolId: r.school_id,
    kind: r.kind === 'aoe' ? 'aoe' : 'www',
    accredited: r.kind === 'aoe' && r.aoe_accredited === 1,
    text: r.text,
    rank: r.rank,
    shared: sharedTerms(r.text, terms),
    reviewStart: r.start_date,
  }));
  const near = { hubId: ebi.hubId, region: ebi.region };
  const placeOf = (schoolId: number) => ({ hubId: info.get(schoolId)!.hub_id, region: info.get(schoolId)!.region });
  const ranked = nearFirst(rankSupportSuggestions(matches, ebi.schoolId), near, (s) => placeOf(s.schoolId)).slice(0, request.limit ?? 10);
  return {
    ebi,
    terms,
    suggestions: ranked.map((s) => {
      const r = info.get(s.schoolId)!;
      // The same text can appear in several years' reviews: show it once.
      const seen = new Set<string>();
      const matchesOnce = s.matches.filter((m) => {
        const key = `${m.kind}:${m.text}`;
        if (seen.has(key) || (s.accreditedAoe && m.kind === 'aoe' && m.text === s.accreditedAoe.text)) return false;
        seen.add(key);
        return true;
      });
      return {
        schoolId: s.schoolId,
        school: r.school,
        urn: r.urn,
        hubId: r.hub_id,
        hub: r.hub,
        region: r.region,
        phase: r.phase,
        nearness: nearnessOf(near, placeOf(s.schoolId)),
        accreditedAoe: s.accreditedAoe ? { text: s.accreditedAoe.text, reviewStart: s.accreditedAoe.reviewStart } : null,
        matches: matchesOnce.slice(0, 3).map((m) => ({ kind: m.kind, text: m.text, accredited: m.accredited, reviewStart: m.reviewStart })),
      };
    }),
  };
}
