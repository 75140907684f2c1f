import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Store } from './store';
import { DATABASE_FILE_NAME, openStore } from './connection';
import { preparedCopy } from './restore-from-copy';
import { chunked } from './in-chunks';
import { makePrivate, makePrivateDir } from './sqlite-file/private-files';
import { HubdeskError } from '../errors';

/**
 * Snapshots: every table of a store in a normal hubdesk.db file. Exporting one from a shared
 * PostgreSQL store and loading it into another (or from a person's own SQLite file into the team's
 * server, and back) is how data moves house between engines. Derived tables (the full-text index)
 * and bookkeeping (migrations, PostgreSQL's change stamp) are not copied: each engine keeps its own.
 */
const NOT_COPIED = /^(qa_text_fts|sqlite_|kysely_|hubdesk_change_stamp)/;

type Row = Record<string, unknown>;
/** Tables by name, untyped: a snapshot copies whatever tables the schema has. */
type AnyTables = Kysely<Record<string, Row>>;

async function tablesOf(db: AnyTables): Promise<Map<string, string[]>> {
  const tables = await db.introspection.getTables();
  return new Map(tables.filter((t) => !t.isView && !NOT_COPIED.test(t.name)).map((t) => [t.name, t.columns.map((c) => c.name)]));
}

/** Bound parameters per statement stay under both engines' limits. */
const PARAMETERS_PER_STATEMENT = 30_000;

/**
 * Writes every table of the store, read in one consistent transaction, into a new hubdesk.db
 * file at `file` (which must not exist). Returns the tables and rows written.
 */
export async function exportSnapshot(store: Store, file: string): Promise<{ tables: number; rows: number }> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new HubdeskError('validation', `${target} already exists: a snapshot is written to a new file.`);
  const work = path.join(path.dirname(target), `.hubdesk-snapshot-${crypto.randomBytes(6).toString('hex')}`);
  makePrivateDir(work);
  try {
    const out = await openStore(work, { scratch: true });
    let counts = { tables: 0, rows: 0 };
    try {
      const into = await tablesOf(out.db as unknown as AnyTables);
      // One transaction: a consistent read (on PostgreSQL at repeatable read, one snapshot for every table).
      const source = store.db as unknown as AnyTables;
      const data = await source
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const from = await tablesOf(trx);
          const all = new Map<string, { columns: string[]; rows: Row[] }>();
          for (const [table, columns] of into) {
            const have = from.get(table);
            if (!have) continue;
            const shared = columns.filter((c) => have.includes(c));
            const q = trx.selectFrom(table).select(shared);
            const rows = (await (shared.includes('id') ? q.orderBy('id') : q).execute()) as Row[];
            all.set(table, { columns: shared, rows });
          }
          return all;
        });
      counts = writeIntoSqlite(out.sqlite, data);
    } finally {
      await out.close();
    }
    fs.renameSync(path.join(work, DATABASE_FILE_NAME), target);
    makePrivate(target);
    return counts;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function writeIntoSqlite(sqlite: BetterSqlite3.Database, data: Map<string, { columns: string[]; rows: Row[] }>): { tables: number; rows: number } {
  let rows = 0;
  sqlite.transaction(() => {
    sqlite.pragma('defer_foreign_keys = on');
    for (const table of data.keys()) sqlite.prepare(`delete from "${table}"`).run();
    for (const [table, { columns, rows: list }] of data) {
      if (list.length === 0) continue;
      const insert = sqlite.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
      for (const row of list) insert.run(columns.map((c) => row[c] ?? null));
      rows += list.length;
    }
  })();
  return { tables: data.size, rows };
}

/** Foreign keys of the PostgreSQL store's tables: which tables each one needs first, and its columns pointing at itself. */
async function postgresForeignKeys(db: AnyTables): Promise<{ table: string; references: string; column: string }[]> {
  const result = await sql<{ table: string; references: string; column: string }>`
    select c.conrelid::regclass::text as "table", c.confrelid::regclass::text as "references", a.attname as "column"
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(db);
  return result.rows.map((r) => ({ ...r, table: r.table.replace(/"/g, ''), references: r.references.replace(/"/g, '') }));
}

function dependencyOrder(tables: string[], keys: { table: string; references: string }[]): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (placed.has(t) || path.has(t)) return;
    path.add(t);
    for (const k of keys) if (k.table === t && k.references !== t && tables.includes(k.references)) visit(k.references, path);
    placed.add(t);
    order.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return order;
}

/**
 * Replaces every row of a PostgreSQL store with a snapshot file's (checked first as a restore is:
 * a complete, undamaged hubdesk database of a known version with valid values), in one transaction,
 * identity sequences reset after the highest id. The administrator's; also how a person's own SQLite
 * database moves into the team's server.
 */
export async function loadSnapshot(store: Store, file: string): Promise<{ tables: number; rows: number }> {
  const copy = await preparedCopy(path.resolve(file), store.dataDir);
  try {
    const source = new BetterSqlite3(copy.file, { readonly: true, fileMustExist: true });
    try {
      const db = store.db as unknown as AnyTables;
      return await db.transaction().execute(async (trx) => {
        const into = await tablesOf(trx);
        const keys = await postgresForeignKeys(trx);
        const tables = dependencyOrder([...into.keys()], keys);
        await sql.raw(`truncate table ${[...tables, 'qa_text_fts'].map((t) => `"${t}"`).join(', ')}`).execute(trx);
        let rows = 0;
        for (const table of tables) {
          const has = source.prepare("select count(*) as n from sqlite_master where type = 'table' and name = ?").get(table) as { n: number };
          if (has.n === 0) continue;
          const sourceColumns = (source.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
          const columns = into.get(table)!.filter((c) => sourceColumns.includes(c));
          const selfKeys = keys.filter((k) => k.table === table && k.references === table).map((k) => k.column);
          const list = source.prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from "${table}" order by rowid`).all() as Row[];
          // A row may point at a later row of its own table (a merged school): those links are written once every row is in.
          const first = list.map((r) => Object.fromEntries(columns.map((c) => [c, selfKeys.includes(c) ? null : r[c]])));
          for (const chunk of chunked(first, Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns.length)))) await trx.insertInto(table).values(chunk).execute();
          for (const column of selfKeys) {
            for (const r of list.filter((x) => x[column] !== null)) {
              await trx.updateTable(table).set({ [column]: r[column] }).where('id', '=', r.id as number).execute();
            }
          }
          rows += list.length;
          if (columns.includes('id')) {
            await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
          }
        }
        return { tables: tables.length, rows };
      });
    } finally {
      source.close();
    }
  } finally {
    copy.cleanup();
  }
}
