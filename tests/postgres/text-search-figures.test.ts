import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { searchQaText } from '../../electron/core/dashboards/explorer';
import { terms as searchTerms } from '../../electron/core/dashboards/fts-query';
import { postgresSql, tsQueryText } from '../../electron/core/db/postgres/sql';
import { exportSnapshot, loadSnapshot } from '../../electron/core/db/snapshot';
import type { Database } from '../../electron/core/db/schema';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';
import { openSqliteTestStore, openTestStore, tempDir, type TestStore } from '../helpers/store';
import { buildTracker, goodTrackerSpec } from '../fixtures/qa/generate';
import { addTrackerSchools } from '../helpers/qa-tracker-schools';

// The explorer's bm25 corpus figures on PostgreSQL (qa_text_fts_figures, kept by triggers with the
// text): always the count and total length of the texts, and ranking exactly as computing them afresh did.
let t: TestStore;
const YEAR = '2026/27';

beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t?.close();
});

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

interface Figures {
  documents: number;
  totalLength: number;
}

async function kept(db: Kysely<Database> = t.store.db): Promise<Figures> {
  const r = await sql<Figures>`select documents, total_length as "totalLength" from qa_text_fts_figures`.execute(db);
  expect(r.rows).toHaveLength(1);
  return r.rows[0]!;
}

async function counted(db: Kysely<Database> = t.store.db): Promise<Figures> {
  return (await sql<Figures>`select count(*) as documents, coalesce(sum(length(search)), 0) as "totalLength" from qa_text_fts`.execute(db)).rows[0]!;
}

async function expectFiguresRight(): Promise<Figures> {
  const now = await counted();
  expect(await kept()).toEqual(now);
  return now;
}

async function aPoint() {
  return t.store.db.selectFrom('qa_review_points').selectAll().orderBy('id').limit(1).executeTakeFirstOrThrow();
}

describe('the corpus figures kept with the explorer text', () => {
  it('are the demo network’s after it loads', async () => {
    const figures = await expectFiguresRight();
    expect(figures.documents).toBeGreaterThan(1000);
    expect(figures.totalLength).toBeGreaterThan(figures.documents);
  });

  it('follow inserts, updates and deletes of points and Areas of Excellence, several in one transaction', async () => {
    const before = await expectFiguresRight();
    const point = await aPoint();
    await t.store.db.transaction().execute(async (trx) => {
      for (const text of ['Curriculum mapping across the trust', 'Oracy in every classroom, from Reception onwards']) {
        await trx.insertInto('qa_review_points').values({ review_id: point.review_id, kind: 'www', heading: null, text, position: 900 + text.length }).execute();
      }
      await trx.updateTable('qa_review_points').set({ text: `${point.text} and the reading of every pupil in years five and six` }).where('id', '=', point.id).execute();
    });
    const afterInserts = await expectFiguresRight();
    expect(afterInserts.documents).toBe(before.documents + 2);
    expect(afterInserts.totalLength).toBeGreaterThan(before.totalLength);

    const review = await t.store.db.selectFrom('qa_reviews').select(['id', 'aoe_title']).where('aoe_title', 'is not', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await t.store.db.updateTable('qa_reviews').set({ aoe_title: 'Mathematics mastery' }).where('id', '=', review.id).execute();
    await expectFiguresRight();
    await t.store.db.updateTable('qa_reviews').set({ aoe_title: null }).where('id', '=', review.id).execute();
    expect((await expectFiguresRight()).documents).toBe(afterInserts.documents - 1);
    await t.store.db.updateTable('qa_reviews').set({ aoe_title: review.aoe_title }).where('id', '=', review.id).execute();

    await t.store.db.deleteFrom('qa_review_points').where('position', '>=', 900).execute();
    await t.store.db.updateTable('qa_review_points').set({ text: point.text }).where('id', '=', point.id).execute();
    expect(await expectFiguresRight()).toEqual(before);
  });

  it('leave out what a rolled-back transaction or savepoint wrote', async () => {
    const before = await expectFiguresRight();
    const point = await aPoint();
    await expect(
      t.store.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('qa_review_points').where('id', '=', point.id).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await expectFiguresRight()).toEqual(before);

    await t.store.db.transaction().execute(async (trx) => {
      await trx.updateTable('qa_review_points').set({ text: 'Phonics' }).where('id', '=', point.id).execute();
      await sql`savepoint second_thoughts`.execute(trx);
      await trx.deleteFrom('qa_review_points').where('review_id', '=', point.review_id).execute();
      await sql`rollback to savepoint second_thoughts`.execute(trx);
    });
    const after = await expectFiguresRight();
    expect(after.documents).toBe(before.documents);
    await t.store.db.updateTable('qa_review_points').set({ text: point.text }).where('id', '=', point.id).execute();
    expect(await expectFiguresRight()).toEqual(before);
  });

  it('follow a QA tracker import and its undo', async () => {
    const { hosts, homes } = await addTrackerSchools(t.ctx, YEAR);
    const before = await expectFiguresRight();
    const spec = goodTrackerSpec(hosts, homes);
    const preview = await call('previewQaImport', { fileName: 'qa-tracker.xlsx', contentBase64: (await buildTracker(spec)).toString('base64'), year: YEAR });
    const result = await call('commitQaImport', { stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash, year: YEAR });
    const imported = await expectFiguresRight();
    expect(imported.documents).toBeGreaterThan(before.documents);
    await call('undoImportBatch', { batchId: result.batchId!, confirm: true });
    expect(await expectFiguresRight()).toEqual(before);
  });

  it('are rebuilt when a snapshot replaces every row', async () => {
    const own = await openSqliteTestStore();
    try {
      await loadDemoNetwork(own.ctx);
      await own.store.db.deleteFrom('qa_review_points').where(sql<boolean>`id % 10 = 0`).execute();
      const file = path.join(tempDir(), 'own.db');
      await exportSnapshot(own.store, file);
      const before = await kept();
      await loadSnapshot(t.store, file);
      const after = await expectFiguresRight();
      expect(after.documents).toBeLessThan(before.documents);
    } finally {
      await own.close();
    }
  });
});

// The bm25 rank as it was computed before the figures were kept: the corpus figures and each
// term's document frequency counted afresh inside the statement, each term tested on every row.
function rankCountedAfresh(terms: readonly string[], mode: 'all-last-prefix' | 'any') {
  const tsQuery = (ts: readonly string[], m: 'all-last-prefix' | 'any') => sql`to_tsquery('english', ${tsQueryText(ts, m)})`;
  const lengthFactor = sql`(1.2 * (1 - 0.75 + 0.75 * length(f.search) / nullif((select avg(length(search)) from qa_text_fts), 0)))`;
  const parts = terms.map((term, i) => {
    const query = tsQuery([term], mode === 'all-last-prefix' && i === terms.length - 1 ? 'all-last-prefix' : 'any');
    const df = sql`(select count(*) from qa_text_fts where search @@ ${query})`;
    const idf = sql`greatest(ln(((select count(*) from qa_text_fts) - ${df} + 0.5) / (${df} + 0.5)), 0.000001)`;
    return sql`case when f.search @@ ${query} then ${idf} * 2.2 / (1 + coalesce(${lengthFactor}, 1.2)) else 0 end`;
  });
  return sql<number>`(-(${sql.join(parts, sql` + `)}))::float8`;
}

const QUERIES = ['reading', 'phonics', 'maths', 'adaptive teach', 'SEND', 'curriculum', 'behaviour', 'the reading', 'oracy and', 'disadvantaged pupils', 'writ', 'early reading phon'];

describe('the rank with kept figures', () => {
  it.each(QUERIES)('gives every text matching "%s" the rank counting afresh gave (to 12 digits), in both modes', async (text) => {
    const terms = searchTerms(text);
    for (const mode of ['all-last-prefix', 'any'] as const) {
      const rows = await t.store.db
        .selectFrom('qa_text_fts as f')
        .select(['f.rowid', postgresSql.textRank('f', terms, mode).as('kept'), rankCountedAfresh(terms, mode).as('afresh')])
        .where(postgresSql.textMatches('f', terms, mode))
        .orderBy('f.rowid')
        .execute();
      // Every query finds texts as typed (the last word a prefix); 'any' takes words whole, so "writ" may find none.
      if (mode === 'all-last-prefix') expect(rows.length).toBeGreaterThan(0);
      // In double precision now, as FTS5's (the figures counted afresh were exact decimals): equal to 12 significant digits.
      rows.forEach((r) => expect(Math.abs(r.kept - r.afresh)).toBeLessThanOrEqual(Math.abs(r.afresh) * 1e-12));
    }
  });

  it.each(QUERIES)('lists the explorer’s hits for "%s" in the order counting afresh gave', async (text) => {
    const terms = searchTerms(text);
    const expected = await t.store.db
      .selectFrom('qa_text_fts as f')
      .innerJoin('qa_reviews as r', 'r.id', 'f.review_id')
      .innerJoin('schools as s', 's.id', 'r.school_id')
      .select('f.rowid')
      .where(postgresSql.textMatches('f', terms, 'all-last-prefix'))
      .orderBy(rankCountedAfresh(terms, 'all-last-prefix'))
      .orderBy('s.name')
      .orderBy('f.rowid')
      .execute();
    const found = await searchQaText(t.ctx, { text, limit: 5000 });
    expect(found.total).toBe(expected.length);
    expect(found.hits.map((h) => h.pointId ?? -h.reviewId)).toEqual(expected.map((r) => r.rowid));
  });
});
