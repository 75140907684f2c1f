import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import type { QaTextSearchResult, SupportSuggestions } from '../../shared/contract/dashboards';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function search(payload: Record<string, unknown>): Promise<QaTextSearchResult> {
  const r = await dispatch(t.ctx, 'searchQaText', payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as QaTextSearchResult;
}

describe('WWW/EBI explorer: full-text search', () => {
  it('finds a known phrase, by whole words and by the start of the last word', async () => {
    const point = await t.ctx.db.selectFrom('qa_review_points').where('kind', '=', 'ebi').selectAll().orderBy('id').executeTakeFirstOrThrow();
    const words = point.text.split(/\s+/).filter((w) => /^[a-z]{5,}$/i.test(w)).slice(0, 3);
    expect(words.length).toBeGreaterThan(1);
    const typed = `${words.slice(0, -1).join(' ')} ${words[words.length - 1]!.slice(0, 4)}`;
    const r = await search({ text: typed, limit: 500 });
    expect(r.hits.map((h) => h.pointId)).toContain(point.id);
    for (const h of r.hits) for (const w of words.slice(0, -1)) expect(h.text.toLowerCase()).toMatch(new RegExp(w.toLowerCase().slice(0, 4)));
  });

  it('searches Areas of Excellence too, and says whether each is accredited', async () => {
    const review = await t.ctx.db.selectFrom('qa_reviews').where('aoe_title', 'is not', null).where('aoe_accredited', '=', 1).selectAll().executeTakeFirstOrThrow();
    const r = await search({ text: review.aoe_title!, kind: 'aoe', limit: 500 });
    const hit = r.hits.find((h) => h.reviewId === review.id);
    expect(hit).toBeDefined();
    expect(hit!.aoeAccredited).toBe(true);
    expect(hit!.pointId).toBeNull();
    expect(r.hits.every((h) => h.kind === 'aoe')).toBe(true);
  });

  it('never throws on hostile or odd input, and writes nothing', async () => {
    const before = (await storeHash(t.store));
    const hostile = [
      '"', '""', '"reading', 'reading"', '*', 'read*', '**', '-', '-reading', 'reading -phonics', '+', '^reading', 'NEAR', 'NEAR(reading phonics, 2)',
      'AND', 'OR', 'NOT', 'reading AND', 'OR reading', 'NOT NOT', 'text:reading', 'heading:leadership', '{text}: reading', '(', ')', '(((', "'; drop table qa_reviews; --",
      '\u0000', '\\', '%_%', '🙂 reading', 'é', 'x'.repeat(500), '   ', '',
    ];
    for (const text of hostile) {
      const r = await dispatch(t.ctx, 'searchQaText', { text });
      expect(r.ok, `${JSON.stringify(text)}: ${r.ok ? '' : r.error.message}`).toBe(true);
    }
    // Search syntax is read as plain words: "NEAR" is not an operator.
    const near = await search({ text: 'NEAR(reading' });
    expect(near.terms).toEqual(['near', 'reading']);
    expect((await storeHash(t.store))).toBe(before);
  });

  it('filters by hub, phase, heading, kind and year', async () => {
    const aspire = await t.ctx.db.selectFrom('hubs').where('name', '=', 'Aspire Hub').select('id').executeTakeFirstOrThrow();
    const byHub = await search({ text: 'pupils', hubId: aspire.id, limit: 500 });
    expect(byHub.hits.length).toBeGreaterThan(0);
    expect(byHub.hits.every((h) => h.hubId === aspire.id)).toBe(true);

    const secondary = await search({ text: '', phase: 'Secondary', limit: 200 });
    expect(secondary.hits.length).toBeGreaterThan(0);
    expect(secondary.hits.every((h) => h.phase === 'Secondary')).toBe(true);

    const heading = await search({ text: 'leaders', heading: 'leadership', kind: 'ebi', year: '2025/26', limit: 500 });
    expect(heading.hits.length).toBeGreaterThan(0);
    expect(heading.hits.every((h) => h.heading === 'leadership' && h.kind === 'ebi' && h.year === '2025/26')).toBe(true);

    const limited = await search({ text: 'pupils', limit: 5 });
    expect(limited.hits).toHaveLength(5);
    expect(limited.truncated).toBe(true);
  });

  it('says how many hits there are in all, beyond the first page', async () => {
    const all = await search({ text: '', kind: 'aoe', limit: 500 });
    const page = await search({ text: '', kind: 'aoe', limit: 10 });
    expect(page.hits).toHaveLength(10);
    expect(page.truncated).toBe(true);
    expect(page.total).toBe(all.total);
    expect(all.total).toBe(await t.ctx.db.selectFrom('qa_reviews').where('aoe_title', 'is not', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)));
    const oracy = await search({ text: 'oracy', limit: 5 });
    expect(oracy.total).toBeGreaterThan(5);
    expect((await search({ text: 'oracy', limit: 500 })).hits).toHaveLength(oracy.total);
  });

  it('refuses a filter outside the vocabulary with a validation error', async () => {
    for (const payload of [{ text: 'x', heading: 'maths' }, { text: 'x', phase: 'Grammar' }, { text: 'x', kind: 'note' }, { text: 'x', limit: 0 }]) {
      const r = await dispatch(t.ctx, 'searchQaText', payload);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe('validation');
    }
  });

  it('keeps the index in step with the points and reviews (triggers)', async () => {
    const review = await t.ctx.db.selectFrom('qa_reviews').where('aoe_title', 'is not', null).selectAll().executeTakeFirstOrThrow();
    const inserted = await t.ctx.db
      .insertInto('qa_review_points')
      .values({ review_id: review.id, kind: 'www', heading: 'quality', text: 'Beekeeping club teaches zymurgy', position: 99 })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await search({ text: 'zymurgy' })).hits.map((h) => h.pointId)).toEqual([inserted.id]);
    await t.ctx.db.updateTable('qa_review_points').set({ text: 'Beekeeping club teaches apiculture' }).where('id', '=', inserted.id).execute();
    expect((await search({ text: 'zymurgy' })).hits).toEqual([]);
    expect((await search({ text: 'apiculture' })).hits.map((h) => h.pointId)).toEqual([inserted.id]);
    await t.ctx.db.deleteFrom('qa_review_points').where('id', '=', inserted.id).execute();
    expect((await search({ text: 'apiculture' })).hits).toEqual([]);

    await t.ctx.db.updateTable('qa_reviews').set({ aoe_title: 'Quidditch coaching' }).where('id', '=', review.id).execute();
    expect((await search({ text: 'quidditch', kind: 'aoe' })).hits.map((h) => h.reviewId)).toEqual([review.id]);
    await t.ctx.db.updateTable('qa_reviews').set({ aoe_title: null }).where('id', '=', review.id).execute();
    expect((await search({ text: 'quidditch' })).hits).toEqual([]);
    await t.ctx.db.updateTable('qa_reviews').set({ aoe_title: review.aoe_title }).where('id', '=', review.id).execute();
    expect((await search({ text: review.aoe_title!, kind: 'aoe', limit: 500 })).hits.map((h) => h.reviewId)).toContain(review.id);
  });
});

describe('WWW/EBI explorer: support for an EBI', () => {
  it('suggests other schools, those with a matching accredited Area of Excellence first', async () => {
    const ebi = await t.ctx.db.selectFrom('qa_review_points').where('kind', '=', 'ebi').where('text', 'like', 'Adaptive teaching for pupils with SEND%').selectAll().executeTakeFirstOrThrow();
    const r = await dispatch(t.ctx, 'suggestSupport', { pointId: ebi.id, limit: 50 });
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value as SupportSuggestions;
    expect(s.terms).toEqual(expect.arrayContaining(['adaptive', 'teaching', 'send']));
    expect(s.terms).not.toContain('pupils');
    expect(s.suggestions.length).toBeGreaterThan(0);
    const own = await t.ctx.db.selectFrom('qa_reviews').where('id', '=', ebi.review_id).select('school_id').executeTakeFirstOrThrow();
    expect(s.suggestions.every((x) => x.schoolId !== own.school_id)).toBe(true);
    // Near first (the EBI's own hub, then its region, then elsewhere); inside each, accredited AoEs first.
    const tiers = ['same hub', 'same region', 'elsewhere'] as const;
    const tierOf = s.suggestions.map((x) => tiers.indexOf(x.nearness));
    expect(tierOf).toEqual([...tierOf].sort((a, b) => a - b));
    for (const tier of tiers) {
      const inTier = s.suggestions.filter((x) => x.nearness === tier);
      const firstWithout = inTier.findIndex((x) => x.accreditedAoe === null);
      const lastWith = inTier.map((x) => x.accreditedAoe !== null).lastIndexOf(true);
      if (firstWithout >= 0) expect(lastWith).toBeLessThan(firstWithout);
    }
    // The accredited AoE "Adaptive teaching for pupils with SEND" is the best possible match: the first accredited suggestion of its tier.
    const best = s.suggestions.find((x) => /adaptive teaching|SEND/i.test(x.accreditedAoe?.text ?? ''))!;
    expect(best).toBeDefined();
    expect(s.suggestions.find((x) => x.nearness === best.nearness && x.accreditedAoe !== null)).toBe(best);
    const accredited = await t.ctx.db
      .selectFrom('qa_reviews')
      .where('aoe_accredited', '=', 1)
      .where('aoe_title', '=', best.accreditedAoe!.text)
      .where('school_id', '=', best.schoolId)
      .select('id')
      .execute();
    expect(accredited.length).toBeGreaterThan(0);
  });

  it('puts schools of the EBI school\'s own hub first, then its region, saying which each is', async () => {
    // An EBI whose school's hub has another school with a matching text, and a region with others.
    const ebis = await t.ctx.db.selectFrom('qa_review_points').where('kind', '=', 'ebi').select('id').orderBy('id').limit(60).execute();
    let seen = 0;
    for (const { id } of ebis) {
      const r = await dispatch(t.ctx, 'suggestSupport', { pointId: id, limit: 50 });
      if (!r.ok) throw new Error(r.error.message);
      const s = r.value as SupportSuggestions;
      for (const x of s.suggestions) {
        const expected = s.ebi.hubId !== null && x.hubId === s.ebi.hubId ? 'same hub' : s.ebi.region !== null && x.region === s.ebi.region ? 'same region' : 'elsewhere';
        expect(x.nearness).toBe(expected);
      }
      const order = s.suggestions.map((x) => ['same hub', 'same region', 'elsewhere'].indexOf(x.nearness));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      if (new Set(order).size > 1) seen++;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('refuses a WWW or an unknown point', async () => {
    const www = await t.ctx.db.selectFrom('qa_review_points').where('kind', '=', 'www').select('id').executeTakeFirstOrThrow();
    const a = await dispatch(t.ctx, 'suggestSupport', { pointId: www.id });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.message).toMatch(/is a WWW, not an EBI/);
    const b = await dispatch(t.ctx, 'suggestSupport', { pointId: 987_654 });
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error.kind).toBe('not_found');
  });
});
