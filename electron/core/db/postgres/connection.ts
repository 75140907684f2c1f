import { CompiledQuery, Kysely, Migrator, PostgresDialect, PostgresDriver, type DatabaseConnection, type TransactionSettings, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema';
import type { Store } from '../store';
import { migrations } from '../migrations';
import { HubdeskError } from '../../errors';
import { postgresSql } from './sql';
import { PostgresDdlPlugin } from './ddl-plugin';
import { listenForOthersChanges, trackOwnBackends } from './change-listener';

/** The advisory lock every write transaction takes: one writer at a time, as on SQLite. */
export const WRITE_LOCK_KEY = 0x48554244;

const INT8 = 20;
const NUMERIC = 1700;

/** bigint and numeric come back as numbers, as SQLite gives them; a value a number cannot hold exactly is refused. */
function exactNumber(text: string): number {
  const n = Number(text);
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) {
    throw new HubdeskError('store', `The database returned ${text}, too large to handle exactly.`);
  }
  return n;
}

function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === INT8 || oid === NUMERIC) return exactNumber;
  return pg.types.getTypeParser(oid, format as 'text');
}

/** kysely's PostgreSQL driver, with every transaction taking the write lock as it begins. */
class SerialisedWritesDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw('select pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]));
  }
}

class SerialisedWritesDialect extends PostgresDialect {
  constructor(private readonly pool: pg.Pool) {
    super({ pool });
  }

  override createDriver() {
    return new SerialisedWritesDriver({ pool: this.pool });
  }
}

/** The database named by a URL, without its password: what the status and messages show. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL database (its URL could not be read)';
  }
}

function newPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: { getTypeParser: typeParser } as pg.CustomTypesConfig });
  // An idle connection the server closed (a restart, an administrator) is dropped by the pool and
  // the next query opens another; without a listener the event would end the process.
  pool.on('error', () => {});
  return pool;
}

function migrator(db: Kysely<unknown>): Migrator {
  return new Migrator({ db: db.withPlugin(new PostgresDdlPlugin()), provider: { getMigrations: async () => migrations } });
}

/** Runs the migrations not yet applied: the administrator's `hubdesk db migrate`. Returns the names applied. */
export async function migratePostgres(url: string): Promise<string[]> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: newPool(url, 1) }) });
  try {
    const { error, results } = await migrator(db).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      throw new HubdeskError('store', `Could not update the database schema${failed ? ` (migration ${failed.migrationName})` : ''}: ${String(error)}`);
    }
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  } finally {
    await db.destroy();
  }
}

/** A client never migrates a shared database: it refuses an older schema or a newer one, saying who can fix it. */
async function checkSchema(db: Kysely<Database>, where: string): Promise<void> {
  const known = Object.keys(migrations);
  let applied: string[];
  try {
    const rows = await db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    applied = (rows as { name: string }[]).map((r) => r.name);
  } catch {
    applied = [];
  }
  const unknown = applied.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new HubdeskError('store', `${where} was updated by a newer version of hubdesk (it has migration ${unknown.join(', ')}). Update hubdesk to use it.`);
  }
  const missing = known.filter((n) => !applied.includes(n));
  if (missing.length > 0) {
    throw new HubdeskError(
      'store',
      `${where} ${applied.length === 0 ? 'has no hubdesk schema yet' : `is at an older schema (missing ${missing.join(', ')})`}. Ask your administrator to run  hubdesk db migrate  on it.`,
    );
  }
}

export interface PostgresStoreOptions {
  url: string;
  /** The local folder for the error log. */
  dataDir: string;
  /** Connections in the pool (default 4). */
  connections?: number;
}

/** Opens a shared PostgreSQL store, already migrated by its administrator. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const where = redactedUrl(options.url);
  const pool = newPool(options.url, options.connections ?? 4);
  // Before the first query, so that every connection of the pool is known as ours.
  const ownBackends = trackOwnBackends(pool);
  const db = new Kysely<Database>({ dialect: new SerialisedWritesDialect(pool) });
  try {
    await checkSchema(db, where);
  } catch (error) {
    await db.destroy();
    if (error instanceof HubdeskError) throw error;
    throw new HubdeskError('store', `Could not open ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let generation = 0;
  // The stamp is bumped by a trigger in the same transaction as every write (migration 0012_team_store), so
  // it changes exactly when a commit changed something, whichever connection made it.
  const readStamp = async (on: Kysely<Database> | Transaction<Database>) => {
    const row = await on.selectFrom('hubdesk_change_stamp' as never).select('stamp' as never).executeTakeFirstOrThrow();
    return String((row as { stamp: number }).stamp);
  };
  return {
    db,
    location: where,
    dataDir: options.dataDir,
    migrationBackup: null,
    sql: postgresSql,
    backups: null,
    bumpGeneration: () => {
      generation += 1;
    },
    changeStamp: async () => `${generation}:${await readStamp(db)}`,
    dataStamp: (trx) => readStamp(trx ?? db),
    // Every transaction took the advisory write lock as it began (SerialisedWritesDriver).
    holdWriteLock: async () => {},
    claimWrite: () => {},
    watchOthersChanges: (onChange) => listenForOthersChanges(options.url, ownBackends, onChange),
    close: () => db.destroy(),
  };
}
