import type BetterSqlite3 from 'better-sqlite3';
import { SqliteAdapter, SqliteDriver, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect, type Kysely } from 'kysely';

/**
 * kysely's SQLite driver, except that a rollback is skipped when SQLite has already rolled the
 * transaction back by itself (it does on a full disk, SQLITE_FULL, and on some I/O errors): without
 * this the real error ("database or disk is full") is replaced by "cannot rollback - no transaction is active".
 */
class RollbackSafeDriver extends SqliteDriver {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

export function sqliteDialect(sqlite: BetterSqlite3.Database): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new RollbackSafeDriver(sqlite),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}
