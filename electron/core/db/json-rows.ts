import { sql, type RawBuilder } from 'kysely';

/**
 * An aggregate giving a group's rows as one JSON array of objects (`{ key: column, … }`, in `orderBy`
 * order), for JSON.parse: one row per group crosses from SQLite instead of one per object, which is
 * several times cheaper for the many small rows of a one-to-many table (an inspection's judgements).
 * Text, numbers and NULL come back as they are stored.
 */
export function jsonGroupArray(fields: Readonly<Record<string, string>>, orderBy: string): RawBuilder<string> {
  const pairs = Object.entries(fields).flatMap(([key, column]) => [sql.lit(key), sql.ref(column)]);
  return sql<string>`json_group_array(json_object(${sql.join(pairs)}) order by ${sql.ref(orderBy)})`;
}
