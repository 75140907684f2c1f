import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { searchQaText } from '../../electron/core/dashboards/explorer';
import { openSqliteTestStore, openTestStore, type TestStore } from '../helpers/store';

// The demo network on both engines: the explorer finds the same texts (the order may differ).
let onSqlite: TestStore;
let onPostgres: TestStore;
beforeAll(async () => {
  onSqlite = await openSqliteTestStore();
  onPostgres = await openTestStore();
  await loadDemoNetwork(onSqlite.ctx);
  await loadDemoNetwork(onPostgres.ctx);
});
afterAll(async () => {
  await onSqlite.close();
  await onPostgres.close();
});

const QUERIES = ['reading', 'phonics', 'maths', 'adaptive teach', 'SEND', 'curriculum', 'behaviour', 'feedback', 'oracy', 'disadvantaged pupils', 'writ'];

async function found(t: TestStore, text: string): Promise<string[]> {
  const r = await searchQaText(t.ctx, { text, limit: 5000 });
  return r.hits.map((h) => `${h.kind}|${h.urn}|${h.reviewStart}|${h.text}`).sort();
}

describe('the WWW/EBI explorer on SQLite and PostgreSQL', () => {
  it.each(QUERIES)('finds the same WWWs, EBIs and Areas of Excellence for "%s"', async (text) => {
    const sqlite = await found(onSqlite, text);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(await found(onPostgres, text)).toEqual(sqlite);
  });
});
