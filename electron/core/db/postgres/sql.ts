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

/** PostgreSQL's spelling: the tsvector column with its GIN index, ts_rank, json_agg, strpos, ILIKE. */
export const postgresSql: DialectSql = {
  textMatches: (alias, terms, mode) => sql<SqlBool>`${sql.ref(`${alias}.search`)} @@ ${tsQuery(terms, mode)}`,
  // Negated so that ascending order lists the best match first, as FTS5's rank does; divided by the
  // text's length (normalisation 2) so that, as with FTS5's bm25, a short text made of the terms (an
  // Area of Excellence's title) ranks above a long one that mentions them.
  textRank: (alias, terms, mode) => sql<number>`(-ts_rank(${sql.ref(`${alias}.search`)}, ${tsQuery(terms, mode)}, 2))`,
  jsonGroupArray(fields, orderBy) {
    const pairs = Object.entries(fields).flatMap(([key, column]) => [sql.lit(key), sql.ref(column)]);
    return sql<string>`json_agg(json_build_object(${sql.join(pairs)}) order by ${sql.ref(orderBy)})::text`;
  },
  containsLiteral: (column, needle): Expression<SqlBool> => sql<SqlBool>`strpos(lower(${sql.ref(column)}::text), ${needle.toLowerCase()}) > 0`,
  // ILIKE on text collated "C" folds the case of ASCII letters only, as SQLite's LIKE does.
  likeIgnoringCase: (column, pattern): Expression<SqlBool> => sql<SqlBool>`${sql.ref(column)} ilike ${pattern}`,
};
