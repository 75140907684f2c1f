import type { Kysely, RawBuilder, Transaction, Expression, SqlBool } from 'kysely';
import type { Database } from './schema';
import type { BackupInfo } from './backups';

/**
 * Backups as files in the data folder: what the embedded SQLite store offers. A store on a
 * database server has none (the server's own backups and point-in-time recovery do that job).
 */
export interface FileBackups {
  folder: string;
  take(reason: string, now: Date): BackupInfo;
  list(): BackupInfo[];
  /** Replaces every row with those of a backup file (checked first); the current state is backed up before. */
  restore(file: string, now: Date): Promise<{ safetyBackup: string; tables: number; rows: number }>;
}

export type TextMatchMode = 'all-last-prefix' | 'any';

/**
 * The few things the engines spell differently, as query parts. Everything else goes through
 * kysely's builder, which compiles for both.
 */
export interface DialectSql {
  /**
   * On the full-text table `qa_text_fts` (aliased `alias`): its text holds every term (the last also
   * as a prefix), or any term. Terms are plain words; nothing in them is read as query syntax.
   */
  textMatches(alias: string, terms: readonly string[], mode: TextMatchMode): Expression<SqlBool>;
  /** How well a row matched textMatches (lower is better, so ascending order lists the best first). */
  textRank(alias: string, terms: readonly string[], mode: TextMatchMode): RawBuilder<number>;
  /** A group's rows as one JSON array of objects ({ key: column, … }) in orderBy's order, as text for JSON.parse. */
  jsonGroupArray(fields: Readonly<Record<string, string>>, orderBy: string): RawBuilder<string>;
  /** true when `column` (lower-cased) contains `needle` literally (no wildcards). */
  containsLiteral(column: string, needle: string): Expression<SqlBool>;
  /**
   * true when `column` matches the LIKE `pattern` (% and _ wildcards) whatever the case of ASCII
   * letters, as SQLite's LIKE compares ("Closed" matches 'closed%').
   */
  likeIgnoringCase(column: string, pattern: string): Expression<SqlBool>;
}

/**
 * One hubdesk store: the embedded SQLite file (one person, the demo, most tests) or a shared
 * PostgreSQL database (a team). The core talks to it only through this interface and kysely.
 */
export interface Store {
  db: Kysely<Database>;
  /** Where the data is, for people: the SQLite file, or the PostgreSQL database without its password. */
  location: string;
  /** The local folder for the error log (and, on SQLite, the database, its lock and its backups). */
  dataDir: string;
  /** Backup file written before migrating an existing database, if any. */
  migrationBackup: string | null;
  sql: DialectSql;
  backups: FileBackups | null;
  /**
   * Marks the store as changed: `dispatch` calls it before and after every mutation, so anything
   * kept in memory from the store (store-cache.ts) is recomputed.
   */
  bumpGeneration(): void;
  /** Changes whenever the data may have changed: the generation, and the data stamp. */
  changeStamp(): Promise<string>;
  /**
   * Changes whenever a write was made by any connection (a row written here, or a commit
   * elsewhere): what an import compares between its plan and its commit. Given a transaction, read
   * inside it.
   */
  dataStamp(trx?: Transaction<Database>): Promise<string>;
  /**
   * Inside a write transaction: makes sure no other connection can commit until it ends, so what was
   * checked at its start still holds when it writes.
   */
  holdWriteLock(trx: Transaction<Database>): Promise<void>;
  /**
   * Makes sure this process may write (the SQLite data folder's lock), or throws a conflict naming
   * who holds it. `dispatch` calls it before every mutation.
   */
  claimWrite(): void;
  /**
   * Calls `onChange` after each commit made by another program on the same database (another team
   * server, the command line), not by this store's own connections; resolves to a function that
   * stops. Only a store on a database server has it: on SQLite the team server is the only writer.
   */
  watchOthersChanges?(onChange: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
