import { PostgresAdapter, type Kysely } from 'kysely';
import type { DialectSql } from './store';
import { sqliteSql } from './sqlite/sql';
import { postgresSql } from './postgres/sql';

/**
 * The engine-specific query parts for whatever a query runs on (the store's kysely instance or a
 * transaction of it): code that has only `db` in hand asks here rather than carrying the store.
 */
export function dialectSql(db: Pick<Kysely<unknown>, 'getExecutor'>): DialectSql {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresSql : sqliteSql;
}

/** For the migrations, whose few engine-specific statements (full-text search, triggers) differ. */
export function onPostgres(db: Pick<Kysely<unknown>, 'getExecutor'>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
