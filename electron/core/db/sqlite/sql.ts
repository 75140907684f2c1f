import { sql, type Expression, type SqlBool } from 'kysely';
import type { DialectSql } from '../store';

function quote(term: string): string {
  // Search terms hold letters and digits only, but doubling quotes keeps this safe for any caller.
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * A safe FTS5 query from search terms: every term quoted, so FTS5 syntax in what a person typed
 * (", *, ^, :, (, ), NEAR, AND, OR, NOT, -, +, column filters) is only ever searched for as plain
 * words. 'all-last-prefix': every term (AND), the last also as a prefix; 'any': any term (OR).
 */
export function fts5Query(terms: readonly string[], mode: 'all-last-prefix' | 'any'): string {
  if (mode === 'any') return terms.map(quote).join(' OR ');
  return terms.map((term, i) => (i === terms.length - 1 ? `${quote(term)}*` : quote(term))).join(' ');
}

/** SQLite's spelling: FTS5 MATCH and rank on the full-text table, json_group_array, instr, LIKE. */
export const sqliteSql: DialectSql = {
  textMatches: (alias, terms, mode) => sql<SqlBool>`${sql.ref(`${alias}.text`)} match ${fts5Query(terms, mode)}`,
  textRank: (alias) => sql<number>`${sql.ref(`${alias}.rank`)}`,
  jsonGroupArray(fields, orderBy) {
    const pairs = Object.entries(fields).flatMap(([key, column]) => [sql.lit(key), sql.ref(column)]);
    return sql<string>`json_group_array(json_object(${sql.join(pairs)}) order by ${sql.ref(orderBy)})`;
  },
  containsLiteral: (column, needle): Expression<SqlBool> => sql<SqlBool>`instr(lower(${sql.ref(column)}), ${needle.toLowerCase()}) > 0`,
  // SQLite's LIKE already ignores the case of ASCII letters.
  likeIgnoringCase: (column, pattern): Expression<SqlBool> => sql<SqlBool>`${sql.ref(column)} like ${pattern}`,
};
