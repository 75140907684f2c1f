import type { QaTextHit, QaTextKind, QaTextSearchResult, SupportSuggestions } from '@shared/contract/dashboards';
import { nearFirst, nearnessOf, rankSupportSuggestions, sharedTerms, type SupportMatch } from '@shared/domain/qa-profile';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { keyTerms, terms as searchTerms } from './fts-query';

export const DEFAULT_LIMIT = 100;

export interface SearchFilters {
  hubId?: number;
  phase?: string;
  heading?: string;
  kind?: QaTextKind;
  year?: string;
}

/** The search joined to the review, its school, its year, and the school's hub in that year. */
function baseQuery(ctx: CoreContext) {
  return ctx.db
    .selectFrom('qa_text_fts as f')
    .innerJoin('qa_reviews as r', 'r.id', 'f.review_id')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .innerJoin('membership_years as y', 'y.id', 'r.year_id')
    .leftJoin('memberships as m', (join) => join.onRef('m.school_id', '=', 'r.school_id').onRef('m.year_id', '=', 'r.year_id'))
    .leftJoin('hubs as h', 'h.id', 'm.hub_id')
    .select([
      'f.rowid', 'f.kind', 'f.heading', 'f.text', 'f.review_id', 'r.aoe_accredited', 'r.start_date', 's.id as school_id', 's.name as school',
      's.urn', 's.phase', 'h.id as hub_id', 'h.name as hub', 'h.region as region', 'y.label as year',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

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

/**
 * Full-text search over WWWs, EBIs and Areas of Excellence: every typed word, the last also as a
 * prefix (fts-query.ts reduces the text to plain words, so no input can break the query); with no
 * words it lists by the filters alone, newest review first.
 */
export async function searchQaText(ctx: CoreContext, request: SearchFilters & { text: string; limit?: number }): Promise<QaTextSearchResult> {
  const terms = searchTerms(request.text);
  const text = ctx.store.sql;
  const limit = request.limit ?? DEFAULT_LIMIT;
  let q = baseQuery(ctx);
  if (terms.length > 0) q = q.where(text.textMatches('f', terms, 'all-last-prefix'));
  if (request.hubId !== undefined) q = q.where('h.id', '=', request.hubId);
  if (request.phase !== undefined) q = q.where('s.phase', '=', request.phase);
  if (request.heading !== undefined) q = q.where('f.heading', '=', request.heading);
  if (request.kind !== undefined) q = q.where('f.kind', '=', request.kind);
  if (request.year !== undefined) q = q.where('y.label', '=', request.year);
  const counted = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  q = terms.length > 0 ? q.orderBy(text.textRank('f', terms, 'all-last-prefix')) : q.orderBy('r.start_date', 'desc');
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

  const text = ctx.store.sql;
  const rows = await baseQuery(ctx)
    .select(text.textRank('f', terms, 'any').as('rank'))
    .where(text.textMatches('f', terms, 'any'))
    .where((eb) => eb.or([eb('f.kind', '=', 'www'), eb.and([eb('f.kind', '=', 'aoe'), eb('r.aoe_accredited', '=', 1)])]))
    .where('s.id', '!=', ebi.schoolId)
    .orderBy('rank')
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
