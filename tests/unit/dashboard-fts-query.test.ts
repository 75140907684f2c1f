import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { keyTerms, MAX_TERMS, terms } from '../../electron/core/dashboards/fts-query';
import { fts5Query } from '../../electron/core/db/sqlite/sql';
import { tsQueryText } from '../../electron/core/db/postgres/sql';

const searchQuery = (input: string) => {
  const t = terms(input);
  return { query: t.length === 0 ? '' : fts5Query(t, 'all-last-prefix'), terms: t };
};

describe('search terms', () => {
  it('keeps letters and digits only, lower-cased, each once', () => {
    expect(terms('Reading "fluency" in KS3, reading*')).toEqual(['reading', 'fluency', 'in', 'ks3']);
    expect(terms('Élève naïve')).toEqual(['élève', 'naïve']);
    expect(terms('"*^:()-+')).toEqual([]);
    expect(terms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_TERMS);
  });

  it('quotes every term and makes the last a prefix', () => {
    expect(searchQuery('adaptive teach')).toEqual({ query: '"adaptive" "teach"*', terms: ['adaptive', 'teach'] });
    expect(searchQuery('NEAR(a b) OR NOT c')).toEqual({ query: '"near" "a" "b" "or" "not" "c"*', terms: ['near', 'a', 'b', 'or', 'not', 'c'] });
    expect(searchQuery(' - " ')).toEqual({ query: '', terms: [] });
  });

  it('gives queries FTS5 always accepts', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec("create virtual table f using fts5(text); insert into f values ('near or not and reading');");
    const inputs = ['"', 'a"b', 'NEAR(', 'x:y', '^', 'AND OR', '-x', '*', '(', 'a AND', '\u0000x', "it's"];
    for (const input of inputs) {
      const { query } = searchQuery(input);
      if (query === '') continue;
      expect(() => db.prepare('select * from f where f match ?').all(query), input).not.toThrow();
    }
    expect(db.prepare('select count(*) as n from f where f match ?').get(searchQuery('NEAR OR').query)).toEqual({ n: 1 });
    db.close();
  });
});

describe('key terms of an EBI', () => {
  it('drop function words and the words every review uses', () => {
    expect(keyTerms('Pupils with SEND had more opportunities for independent learning.')).toEqual(['send', 'opportunities', 'independent', 'learning']);
    expect(keyTerms('Reading fluency in Key Stage 3 was assessed')).toEqual(['reading', 'fluency', 'assessed']);
    expect(keyTerms('the and of')).toEqual([]);
  });

  it('join with OR', () => {
    expect(fts5Query(['send', 'learning'], 'any')).toBe('"send" OR "learning"');
    expect(fts5Query([], 'any')).toBe('');
  });
});

describe('PostgreSQL text queries', () => {
  it('quote every term, AND them with the last a prefix, or OR them', () => {
    expect(tsQueryText(['adaptive', 'teach'], 'all-last-prefix')).toBe("'adaptive' & 'teach':*");
    expect(tsQueryText(['send', 'learning'], 'any')).toBe("'send' | 'learning'");
    expect(tsQueryText(["it's"], 'any')).toBe("'it''s'");
});
});
