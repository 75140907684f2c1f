/**
 * The one way the core changes rows that a person may want back: a change set. Hand edits, merges
 * and imports (roll, QA tracker, Ofsted, action plan, GIAS school data) write through a ChangeSet,
 * which keeps every row's state before and after. What it keeps becomes the audit trail and what
 * undo puts back:
 *
 * - a hand edit or a merge (`applyChange`) is one audit entry holding every row it wrote, before and
 *   after; undo by change (undo-change.ts, `undoLastChange`) restores them;
 * - an import (`new ChangeSet(trx, { batchId, ctx })`) writes each change to import_changes and to
 *   the audit log, a thousand per statement; undo by batch (import-batches.ts, `undoLatestBatch`)
 *   restores them.
 *
 * Writes are set-based (a statement per chunk of rows, never a query per row) and read back what they
 * wrote with RETURNING, so nothing depends on SQLite's last-insert id or on a synchronous driver.
 */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { recordAudit } from './audit-entry';
import { HubdeskError } from '../errors';
import { versionOf } from './version';

/** The tables a change set may write, with their key columns. */
export const ROW_KEYS = {
  membership_years: ['id'],
  hubs: ['id'],
  hub_managers: ['id'],
  schools: ['id'],
  school_links: ['id'],
  contacts: ['id'],
  memberships: ['id'],
  ofsted_inspections: ['id'],
  ofsted_judgements: ['id'],
  qa_reviews: ['id'],
  qa_review_points: ['id'],
  reviewer_trainings: ['id'],
  reviewer_assignments: ['id'],
  hub_meetings: ['id'],
  meeting_attendance: ['meeting_id', 'school_id'],
  support_requests: ['id'],
  action_plans: ['id'],
  action_plan_lines: ['id'],
  claims: ['id'],
  // Finance's hand edits (electron/core/funding): locks and carry-forward overrides.
  funding_locks: ['id'],
  carry_forward_overrides: ['hub_id', 'year_id'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;

export type ChangeTable = keyof typeof ROW_KEYS;
/** A stored row of a table, as kysely's schema types it. */
export type RowOf<T extends ChangeTable> = Selectable<Database[T]>;
export type NewRowOf<T extends ChangeTable> = Insertable<Database[T]>;
export type PatchOf<T extends ChangeTable> = Updateable<Database[T]>;
/** The key columns of a table's row, e.g. { id } or { meeting_id, school_id }. */
export type KeyOf<T extends ChangeTable> = Pick<RowOf<T>, (typeof ROW_KEYS)[T][number] & keyof RowOf<T>>;

/** A row as the change log keeps it (JSON): the table says which. */
export type StoredRow = Record<string, unknown>;
export type StoredKey = Record<string, number>;

/** One row written: its state before (null: it was inserted) and after (null: it was deleted). */
export interface Change {
  table: ChangeTable;
  key: StoredKey;
  before: StoredRow | null;
  after: StoredRow | null;
}

/** All records actions in the audit log start with this; undo by change looks for them. */
export const RECORDS_ACTION = 'records.';
export const UNDO_ACTION = 'records.undo';

/**
 * SQLite binds at most 32,766 parameters per statement; rows are sent a few thousand parameters at a
 * time, and changes a thousand at a time (9 columns: 9,000 parameters).
 */
const PARAMETERS_PER_STATEMENT = 3000;
const CHANGES_PER_STATEMENT = 1000;

// Table names are a parameter here (one writer for every table), which kysely's types cannot follow;
// this module alone uses an untyped view of the connection, and its callers are typed.
/** Any table by name, any column by name: values are unknown until read. */
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
type Db = Kysely<Database> | Transaction<Database>;

function untyped(db: Db): AnyDb {
  return db as unknown as AnyDb;
}

function rowsPerStatement(row: object): number {
  return Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Math.max(1, Object.keys(row).length)));
}

function chunks<R>(rows: readonly R[], size: number): R[][] {
  const out: R[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export function keyOf(table: ChangeTable, row: StoredRow): StoredKey {
  return Object.fromEntries(ROW_KEYS[table].map((c) => [c, Number(row[c])]));
}

/** A row's name in the audit log, e.g. "schools:12" or "meeting_attendance:3/40". */
export function rowRef(table: ChangeTable, key: StoredKey): string {
  return `${table}:${ROW_KEYS[table].map((c) => String(key[c])).join('/')}`;
}

export function parseRef(ref: string): { table: ChangeTable; key: StoredKey } {
  const [table, rest] = ref.split(':') as [ChangeTable, string];
  const cols = ROW_KEYS[table];
  if (!cols) throw new HubdeskError('internal', `Unknown record reference ${ref}`);
  const values = rest.split('/');
  return { table, key: Object.fromEntries(cols.map((c, i) => [c, Number(values[i])])) };
}

/** Narrows an untyped query to the row with this key. */
function whereKey<Q extends { where(column: string, op: '=', value: number | undefined): unknown }>(q: Q, table: ChangeTable, key: StoredKey): Q {
  let out = q;
  for (const c of ROW_KEYS[table]) out = out.where(c, '=', key[c]) as Q;
  return out;
}

export async function loadRow<T extends ChangeTable>(db: Db, table: T, key: KeyOf<T>): Promise<RowOf<T> | undefined> {
  return (await whereKey(untyped(db).selectFrom(table as string).selectAll(), table, key as StoredKey).executeTakeFirst()) as RowOf<T> | undefined;
}

interface BatchLog {
  batchId: number;
  ctx: CoreContext;
}

/** Collects the rows one change writes, with their state before and after. */
export class ChangeSet {
  /** The changes not yet written to the log (a hand change keeps all of them until it is recorded). */
  private pending: Change[] = [];
  private seq = 0;

  constructor(
    readonly trx: Transaction<Database>,
    /** Set for an import: its changes are written to import_changes and the audit log as they accrue. */
    private readonly batch?: BatchLog,
  ) {}

  private get db(): AnyDb {
    return untyped(this.trx);
  }

  private async note(changes: Change[]): Promise<void> {
    for (const c of changes) this.pending.push(c);
    if (this.batch && this.pending.length >= CHANGES_PER_STATEMENT) await this.flush();
  }

  /** Inserts one row and returns it as stored. */
  async insert<T extends ChangeTable>(table: T, values: NewRowOf<T>): Promise<RowOf<T>> {
    const [row] = await this.insertMany(table, [values]);
    return row!;
  }

  /**
   * Inserts rows, a few hundred per statement, and returns them as stored (ids included). The order
   * of the rows returned is not the order given: match them by their content.
   */
  async insertMany<T extends ChangeTable>(table: T, rows: readonly NewRowOf<T>[]): Promise<RowOf<T>[]> {
    if (rows.length === 0) return [];
    const out: RowOf<T>[] = [];
    for (const chunk of chunks(rows, rowsPerStatement(rows[0]!))) {
      const inserted = (await this.db.insertInto(table as string).values(chunk as StoredRow[]).returningAll().execute()) as StoredRow[];
      await this.note(inserted.map((after) => ({ table, key: keyOf(table, after), before: null, after })));
      out.push(...(inserted as RowOf<T>[]));
    }
    return out;
  }

  /** Changes one row; `known` is the row as the caller already read it in this transaction. */
  async update<T extends ChangeTable>(table: T, key: KeyOf<T>, patch: PatchOf<T>, known?: RowOf<T>): Promise<RowOf<T>> {
    const before = known ?? (await loadRow(this.trx, table, key));
    if (!before) throw new HubdeskError('not_found', `${rowRef(table, key as StoredKey)} does not exist.`);
    const after = (await whereKey(this.db.updateTable(table as string).set(patch as StoredRow), table, key as StoredKey).returningAll().executeTakeFirstOrThrow()) as StoredRow;
    await this.note([{ table, key: key as StoredKey, before: before as StoredRow, after }]);
    return after as RowOf<T>;
  }

  /** Applies one patch to the rows with these ids: two statements per few hundred rows (before, then the update). */
  async updateMany<T extends ChangeTable>(table: T, ids: readonly number[], patch: PatchOf<T>): Promise<void> {
    for (const chunk of chunks(ids, PARAMETERS_PER_STATEMENT)) {
      const before = new Map(((await this.db.selectFrom(table as string).selectAll().where('id', 'in', chunk).execute()) as StoredRow[]).map((r) => [Number(r.id), r]));
      const after = (await this.db.updateTable(table as string).set(patch as StoredRow).where('id', 'in', chunk).returningAll().execute()) as StoredRow[];
      const afterById = new Map(after.map((r) => [Number(r.id), r]));
      await this.note(chunk.filter((id) => before.has(id)).map((id) => ({ table, key: { id }, before: before.get(id)!, after: afterById.get(id)! })));
    }
  }

  /**
   * Writes whole rows over the stored ones (matched by key), a few hundred per statement: an upsert
   * on the key, which for rows that exist is an update of exactly those rows.
   */
  async replaceMany<T extends ChangeTable>(table: T, rows: readonly { before: RowOf<T>; after: RowOf<T> }[]): Promise<void> {
    if (rows.length === 0) return;
    const keys = ROW_KEYS[table] as readonly string[];
    const columns = Object.keys(rows[0]!.after).filter((c) => !keys.includes(c));
    for (const chunk of chunks(rows, rowsPerStatement(rows[0]!.after))) {
      await this.db
        .insertInto(table as string)
        .values(chunk.map((r) => r.after as StoredRow))
        .onConflict((oc) => oc.columns(keys).doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
        .execute();
      await this.note(chunk.map((r) => ({ table, key: keyOf(table, r.after as StoredRow), before: r.before as StoredRow, after: r.after as StoredRow })));
    }
  }

  /** Deletes one row, if it is there; returns it as it was. */
  async remove<T extends ChangeTable>(table: T, key: KeyOf<T>): Promise<RowOf<T> | undefined> {
    const before = (await whereKey(this.db.deleteFrom(table as string), table, key as StoredKey).returningAll().executeTakeFirst()) as StoredRow | undefined;
    if (before) await this.note([{ table, key: key as StoredKey, before, after: null }]);
    return before as RowOf<T> | undefined;
  }

  /** Deletes the rows whose `column` is one of `values`, a few hundred values per statement; returns them as they were. */
  async removeWhere<T extends ChangeTable>(table: T, column: keyof RowOf<T> & string, values: readonly number[]): Promise<RowOf<T>[]> {
    const out: StoredRow[] = [];
    for (const chunk of chunks(values, PARAMETERS_PER_STATEMENT)) {
      const removed = (await this.db.deleteFrom(table as string).where(column as string, 'in', chunk).returningAll().execute()) as StoredRow[];
      await this.note(removed.map((before) => ({ table, key: keyOf(table, before), before, after: null })));
      out.push(...removed);
    }
    return out as RowOf<T>[];
  }

  /** Deletes rows of a table keyed by id, a few hundred per statement. */
  async removeMany<T extends ChangeTable>(table: T, rows: readonly (RowOf<T> & { id: number })[]): Promise<void> {
    for (const chunk of chunks(rows, PARAMETERS_PER_STATEMENT)) {
      await this.db.deleteFrom(table as string).where('id', 'in', chunk.map((r) => r.id)).execute();
      await this.note(chunk.map((before) => ({ table, key: { id: before.id }, before: before as StoredRow, after: null })));
    }
  }

  /**
   * Inserts rows that an import owns by its batch: they carry the batch's id (or belong to a row that
   * does), and undoing the batch deletes them by it (import-batches.ts, deleteOwnedRows) rather than by a change
   * record each. For an import that only ever adds rows, in numbers where a record per row would
   * double its writes (Ofsted's management information: every inspection of every school).
   */
  async insertOwned<T extends 'ofsted_inspections' | 'ofsted_judgements'>(table: T, rows: readonly NewRowOf<T>[]): Promise<void> {
    if (rows.length === 0) return;
    for (const chunk of chunks(rows, rowsPerStatement(rows[0]!))) await this.db.insertInto(table as string).values(chunk as StoredRow[]).execute();
  }

  /** True when some row ends different from how it started (a hand change that changes nothing is refused). */
  changed(): boolean {
    for (const [, c] of collapse(this.pending)) if (versionOf(c.before) !== versionOf(c.after)) return true;
    return false;
  }

  /** The changes so far of a hand change, one per row: its first state before and its last after. */
  rows(): Map<string, Change> {
    return collapse(this.pending);
  }

  /** Writes an import's changes not yet written: import_changes (for undo) and the audit log. */
  async flush(): Promise<void> {
    if (!this.batch || this.pending.length === 0) return;
    const { batchId, ctx } = this.batch;
    const batch = this.pending;
    this.pending = [];
    const at = ctx.now().toISOString();
    // Each row's JSON is made once and written to both tables.
    const json = batch.map((c) => ({ before: c.before ? JSON.stringify(c.before) : null, after: c.after ? JSON.stringify(c.after) : null }));
    const rowId = (c: Change) => Number((c.after ?? c.before)!.id);
    await this.trx
      .insertInto('import_changes')
      .values(batch.map((c, k) => ({ batch_id: batchId, seq: ++this.seq, table_name: c.table, row_id: rowId(c), action: actionOf(c), before_json: json[k]!.before, after_json: json[k]!.after })))
      .execute();
    await this.trx
      .insertInto('audit_log')
      .values(
        batch.map((c, k) => ({
          at,
          os_user: ctx.user,
          person_id: ctx.caller.id,
          action: c.before === null ? 'create' : actionOf(c),
          entity: c.table,
          entity_id: String(rowId(c)),
          before_json: json[k]!.before,
          after_json: json[k]!.after,
          import_batch_id: batchId,
        })),
      )
      .execute();
  }
}

export function actionOf(c: Pick<Change, 'before' | 'after'>): 'insert' | 'update' | 'delete' {
  return c.before === null ? 'insert' : c.after === null ? 'delete' : 'update';
}

function collapse(changes: readonly Change[]): Map<string, Change> {
  const rows = new Map<string, Change>();
  for (const c of changes) {
    const ref = rowRef(c.table, c.key);
    const seen = rows.get(ref);
    rows.set(ref, seen ? { ...seen, after: c.after } : c);
  }
  return rows;
}

export interface ChangeResult<T> {
  value: T;
  auditId: number;
  summary: string;
}

/**
 * Runs one hand change (or merge) in a transaction and records it as one audit entry with every
 * row's state before and after, which is what undo by change puts back.
 */
export async function applyChange<T>(
  ctx: CoreContext,
  action: string,
  main: { entity: ChangeTable; id?: string | number },
  work: (set: ChangeSet) => Promise<{ value: T; summary: string; entityId?: string | number; details?: Record<string, unknown> }>,
): Promise<ChangeResult<T>> {
  return ctx.db.transaction().execute(async (trx) => {
    const set = new ChangeSet(trx);
    const { value, summary, entityId, details } = await work(set);
    const rows = set.rows();
    const byRef = (state: 'before' | 'after') => Object.fromEntries([...rows].map(([ref, c]) => [ref, c[state]]));
    const auditId = await recordAudit(trx, ctx, {
      action: `${RECORDS_ACTION}${action}`,
      entity: main.entity,
      entityId: entityId ?? main.id ?? null,
      before: { rows: byRef('before') },
      // `details`: what the change was about beyond its rows (a reason, the hub and year), for the audit log's reader.
      after: { summary, ...(details ?? {}), rows: byRef('after') },
    });
    return { value, auditId, summary };
  });
}
