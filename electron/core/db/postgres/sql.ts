import { sql, type Expression, type SqlBool } from 'kysely';
import type { DialectSql } from '../store';

/**
 * A tsquery from search terms: each term single-quoted (terms hold letters and digits only; quotes
 * are doubled anyway), so nothing typed is read as tsquery syntax. 'all-last-prefix': every term
 * (&), the last also as a prefix (:*); 'any': any term (|).
 */
export function tsQueryText(terms: readonly string[], mode: 'all-last-prefix' | 'any'): string {
  const quoted = terms.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '')}'`);
  if (mode === 'any') return quoted.join(' | ');
  return quoted.map((t, i) => (i === quoted.length - 1 ? `${t}:*` : t)).join(' & ');
}

const tsQuery = (terms: readonly string[], mode: 'all-last-prefix' | 'any') => sql`to_tsquery('english', ${tsQueryText(terms, mode)})`;

/** FTS5's bm25 constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/**
 * FTS5's bm25 rank, negated as FTS5's is (ascending order lists the best match first), so both
 * engines order matches alike: each matching term adds its inverse document frequency (a rare term
 * counts for more than a common one), damped by the text's length against the average (a short text
 * made of the terms, an Area of Excellence's title, ranks above a long one that mentions them).
 * Each term is taken to occur once in a text (the texts are a sentence or two); a text's length is
 * its count of distinct stemmed words.
 *
 * The corpus figures (how many texts, their total length) are read from qa_text_fts_figures, kept
 * with the text by triggers, not counted on every search. Each term's document frequency is one
 * uncorrelated subquery through the GIN index, computed once per query. A term that reduces to no
 * word (an English stop word: "the") matches nothing and adds nothing. In 'all-last-prefix' mode a
 * row that matches holds every term, so only 'any' mode asks, row by row, which terms it holds.
 * The arithmetic is in double precision, as FTS5's.
 */
function bm25(alias: string, terms: readonly string[], mode: 'all-last-prefix' | 'any') {
  const search = sql.ref(`${alias}.search`);
  const k1 = sql.lit(K1);
  const b = sql.lit(B);
  const averageLength = sql`(select total_length::float8 / nullif(documents, 0) from qa_text_fts_figures)`;
  const lengthFactor = sql`(${k1} * (1 - ${b} + ${b} * length(${search})::float8 / nullif(${averageLength}, 0)))`;
  const parts = terms.map((term, i) => {
    const query = tsQuery([term], mode === 'all-last-prefix' && i === terms.length - 1 ? 'all-last-prefix' : 'any');
    const idf = sql`(select case when numnode(${query}) = 0 then 0 else greatest(ln((figures.documents - matching.n + 0.5)::float8 / (matching.n + 0.5)), 0.000001) end
      from qa_text_fts_figures as figures, (select count(*) as n from qa_text_fts where search @@ ${query}) as matching)`;
    const score = sql`${idf} * ${sql.lit(K1 + 1)} / (1 + coalesce(${lengthFactor}, ${k1}))`;
    return mode === 'any' ? sql`case when ${search} @@ ${query} then ${score} else 0 end` : score;
  });
  return sql<number>`(-(${sql.join(parts, sql` + `)}))::float8`;
}

/** PostgreSQL's spelling: the tsvector column with its GIN index, a bm25 rank, json_agg, strpos, ILIKE. */
export const postgresSql: DialectSql = {
  textMatches: (alias, terms, mode) => sql<SqlBool>`${sql.ref(`${alias}.search`)} @@ ${tsQuery(terms, mode)}`,
  textRank: (alias, terms, mode) => bm25(alias, terms, mode),
  jsonGroupArray(fields, orderBy) {
    const pairs = Object.entries(fields).flatMap(([key, column]) => [sql.lit(key), sql.ref(column)]);
    return sql<string>`json_agg(json_build_object(${sql.join(pairs)}) order by ${sql.ref(orderBy)})::text`;
  },
  containsLiteral: (column, needle): Expression<SqlBool> => sql<SqlBool>`strpos(lower(${sql.ref(column)}::text), ${needle.toLowerCase()}) > 0`,
  // ILIKE on text collated "C" folds the case of ASCII letters only, as SQLite's LIKE does.
  likeIgnoringCase: (column, pattern): Expression<SqlBool> => sql<SqlBool>`${sql.ref(column)} ilike ${pattern}`,
};
