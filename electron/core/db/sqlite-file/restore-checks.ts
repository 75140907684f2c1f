import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import { migrations } from '../migrations';
import { sqliteDialect } from '../sqlite/dialect';
import { fullCheck } from './health';
import { HUBDESK_APPLICATION_ID } from '../connection';

/**
 * What a file must be before a restore replaces anything with it: a complete hubdesk database
 * of a schema version hubdesk knows, undamaged, every table as hubdesk makes it, and every value of
 * the type and form its column holds. Each function returns the reasons it is not ([] when it is).
 */

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const MAX_REASONS = 5;

function header(file: string): Buffer {
  const bytes = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}

/** The migrations a file has applied, or a reason it has no schema version hubdesk knows. */
function appliedMigrations(probe: BetterSqlite3.Database): { applied: string[] } | { reason: string } {
  const has = probe.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
  if (has.n === 0) return { reason: 'it has no schema version (no kysely_migration table): it is not a complete hubdesk database' };
  const applied = (probe.prepare('select name from kysely_migration order by name').all() as { name: unknown }[]).map((r) => String(r.name));
  const known = Object.keys(migrations).sort();
  const unknown = applied.filter((n) => !known.includes(n));
  if (unknown.length > 0) return { reason: `it was written by a newer version of hubdesk (it has migration ${unknown.slice(0, 3).join(', ')}); update hubdesk to restore it` };
  if (applied.length === 0 || applied.some((n, i) => n !== known[i])) {
    return { reason: `its schema version is not one hubdesk made (migrations ${applied.join(', ') || 'none'})` };
  }
  return { applied };
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

/** Tables, indexes, triggers and views, less SQLite's own (statistics) objects. */
function schemaObjects(sqlite: BetterSqlite3.Database): Map<string, SchemaObject> {
  const rows = sqlite
    .prepare("select type, name, coalesce(sql, '') as sql from sqlite_master where name not like 'sqlite\\_%' escape '\\' order by name")
    .all() as SchemaObject[];
  return new Map(rows.map((r) => [r.name, { ...r, sql: r.sql.replace(/\s+/g, ' ').trim() }]));
}

class ListedMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** The schema hubdesk makes at a given migration, built in memory. */
async function referenceSchema(lastMigration: string): Promise<Map<string, SchemaObject>> {
  const sqlite = new BetterSqlite3(':memory:');
  const db = new Kysely<unknown>({ dialect: sqliteDialect(sqlite) });
  try {
    const { error } = await new Migrator({ db, provider: new ListedMigrations() }).migrateTo(lastMigration);
    if (error) throw error;
    return schemaObjects(sqlite);
  } finally {
    await db.destroy();
  }
}

function compareSchemas(found: Map<string, SchemaObject>, wanted: Map<string, SchemaObject>): string[] {
  const reasons: string[] = [];
  for (const [name, want] of wanted) {
    const have = found.get(name);
    if (!have) reasons.push(`it has no ${want.type} ${name}`);
    else if (have.type !== want.type || have.sql !== want.sql) reasons.push(`its ${want.type} ${name} is not as hubdesk defines it`);
  }
  for (const [name, have] of found) if (!wanted.has(name)) reasons.push(`it has a ${have.type} hubdesk does not make (${name})`);
  return reasons.slice(0, MAX_REASONS);
}

/**
 * Checks a private copy of a candidate file, read-only and before anything else opens it: not
 * empty, a SQLite file, hubdesk's (application id), of a known schema version, undamaged (full
 * integrity check and foreign keys), and with exactly the tables, columns, constraints, indexes
 * and triggers hubdesk makes at that version.
 */
export async function structureProblems(file: string): Promise<string[]> {
  const size = fs.statSync(file).size;
  if (size === 0) return ['it is empty (0 bytes)'];
  if (size < 512 || !header(file).equals(SQLITE_HEADER)) return ['it is not a hubdesk database (it is not a SQLite file)'];
  let probe: BetterSqlite3.Database;
  try {
    // Read-write but query-only: SQLite skips CHECK constraints in its integrity check on a read-only connection.
    probe = new BetterSqlite3(file, { fileMustExist: true });
    probe.pragma('query_only = ON');
  } catch (error) {
    return [`SQLite cannot open it (${(error as Error).message})`];
  }
  try {
    const tables = probe.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
    if (tables.n === 0) return ['it is an empty SQLite database: it holds no hubdesk tables'];
    if (probe.pragma('application_id', { simple: true }) !== HUBDESK_APPLICATION_ID) return ['it is a SQLite database from another program, not hubdesk'];
    const version = appliedMigrations(probe);
    if ('reason' in version) return [version.reason];
    const damage = fullCheck(probe);
    if (damage.length > 0) return [`it is damaged (${damage.join('; ')})`];
    return compareSchemas(schemaObjects(probe), await referenceSchema(version.applied[version.applied.length - 1]!));
  } catch (error) {
    return [`it is damaged or not a database (${(error as Error).message})`];
  } finally {
    probe.close();
  }
}

type Rule = { test: string; expected: string };

/**
 * The rule every value of a column must meet, from its declared type (SQLite stores any value in
 * any column unless told otherwise: `pupils = 'lots'` passes `pupils >= 0`) and, for text, its name:
 * *_json columns hold JSON; *_on, *_date, *_at and *_since columns hold ISO dates.
 */
function ruleFor(column: string, declared: string): Rule | null {
  const type = declared.toUpperCase();
  const q = `"${column}"`;
  if (type.includes('INT')) return { test: `typeof(${q}) in ('integer', 'null')`, expected: 'a whole number' };
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT')) {
    if (column.endsWith('_json')) return { test: `${q} is null or (typeof(${q}) = 'text' and json_valid(${q}))`, expected: 'JSON text' };
    if (/_(on|date|at|since)$/.test(column)) {
      return { test: `${q} is null or (typeof(${q}) = 'text' and ${q} glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*')`, expected: 'a date like 2026-11-23' };
    }
    return { test: `typeof(${q}) in ('text', 'null')`, expected: 'text' };
  }
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return { test: `typeof(${q}) in ('real', 'integer', 'null')`, expected: 'a number' };
  return null;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Every value of every ordinary table against its column's rule (one pass over each table), on a
 * copy already brought to the current schema. Returns the first few rows that break a rule.
 */
export function valueProblems(sqlite: BetterSqlite3.Database): string[] {
  const reasons: string[] = [];
  const tables = (sqlite.prepare('pragma main.table_list').all() as { name: string; type: string }[])
    .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_') && !t.name.startsWith('kysely_'))
    .map((t) => t.name)
    .sort();
  for (const table of tables) {
    const columns = sqlite.prepare(`pragma main.table_info("${table}")`).all() as { name: string; type: string }[];
    const rules = columns.map((c) => ({ column: c.name, rule: ruleFor(c.name, c.type) })).filter((r): r is { column: string; rule: Rule } => r.rule !== null);
    if (rules.length === 0) continue;
    const firstBroken = `case ${rules.map((r, i) => `when not (${r.rule.test}) then ${i}`).join(' ')} end`;
    const bad = sqlite
      .prepare(`select * from (select rowid as "__row", ${firstBroken} as "__broken", * from main."${table}") where "__broken" is not null limit ${MAX_REASONS}`)
      .all() as Record<string, unknown>[];
    for (const row of bad) {
      const { column, rule } = rules[Number(row.__broken)]!;
      const value = row[column];
      const kind = value === null ? 'nothing' : typeof value === 'string' ? 'text' : typeof value;
      reasons.push(`${table} row ${String(row.__row)}: ${column} holds ${kind} (${shown(value)}) where hubdesk keeps ${rule.expected}`);
      if (reasons.length >= MAX_REASONS) return reasons;
    }
  }
  return reasons;
}
