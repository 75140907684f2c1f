import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { recordAudit } from '../audit';
import { HubdeskError } from '../errors';
import { versionOf } from './version';

/** The tables a records change may write, with their key columns. */
export const RECORD_KEYS = {
  schools: ['id'],
  memberships: ['id'],
  reviewer_assignments: ['id'],
  reviewer_trainings: ['id'],
  hub_meetings: ['id'],
  meeting_attendance: ['meeting_id', 'school_id'],
  hubs: ['id'],
  hub_managers: ['id'],
  qa_reviews: ['id'],
  qa_review_points: ['id'],
  support_requests: ['id'],
  // Moved by merges (merge-schools.ts, merge-hubs.ts).
  contacts: ['id'],
  action_plans: ['id'],
  action_plan_lines: ['id'],
  claims: ['id'],
  // Finance's hand edits (electron/core/funding): locks and carry-forward overrides.
  funding_locks: ['id'],
  carry_forward_overrides: ['hub_id', 'year_id'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;

export type RecordTable = keyof typeof RECORD_KEYS;
export type Row = Record<string, unknown>;
export type Key = Record<string, string | number>;

/** All records actions in the audit log start with this; undo looks for them. */
export const RECORDS_ACTION = 'records.';
export const UNDO_ACTION = 'records.undo';

// Table names are dynamic here (one writer for every records table), so this module uses an
// untyped view of the same connection; the callers are typed.
/** Any table by name, any column by name: values are unknown until read. */
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export function rowRef(table: RecordTable, key: Key): string {
  return `${table}:${RECORD_KEYS[table].map((c) => String(key[c])).join('/')}`;
}

export function parseRef(ref: string): { table: RecordTable; key: Key } {
  const [table, rest] = ref.split(':') as [RecordTable, string];
  const cols = RECORD_KEYS[table];
  if (!cols) throw new HubdeskError('internal', `Unknown record reference ${ref}`);
  const values = rest.split('/');
  const key: Key = {};
  cols.forEach((c, i) => (key[c] = Number(values[i])));
  return { table, key };
}

export async function loadRow(db: Kysely<Database> | Transaction<Database>, table: RecordTable, key: Key): Promise<Row | undefined> {
  let q = (db as unknown as AnyDb).selectFrom(table).selectAll();
  for (const c of RECORD_KEYS[table]) q = q.where(c, '=', key[c]);
  return (await q.executeTakeFirst()) as Row | undefined;
}

/** Refuses a change to a row that is no longer what the form loaded. */
export function assertVersion(row: Row, expected: string, what: string): void {
  if (versionOf(row) === expected) return;
  const at = typeof row.updated_at === 'string' ? ` (at ${row.updated_at.slice(0, 16).replace('T', ' ')})` : '';
  throw new HubdeskError('conflict', `This record (${what}) was changed by someone else${at}; reload to see their change.`);
}

/** Collects the rows one change writes, with their state before and after, for the audit log and undo. */
export class ChangeWriter {
  readonly before = new Map<string, Row | null>();
  readonly after = new Map<string, Row | null>();

  constructor(
    readonly trx: Transaction<Database>,
    readonly ctx: CoreContext,
  ) {}

  private get db(): AnyDb {
    return this.trx as unknown as AnyDb;
  }

  private note(ref: string, before: Row | null, after: Row | null): void {
    if (!this.before.has(ref)) this.before.set(ref, before);
    this.after.set(ref, after);
  }

  async insert(table: RecordTable, values: Row): Promise<Row> {
    const res = await this.db.insertInto(table).values(values).executeTakeFirstOrThrow();
    const cols = RECORD_KEYS[table];
    const key: Key = cols.length === 1 && values[cols[0]] === undefined ? { [cols[0]]: Number(res.insertId) } : Object.fromEntries(cols.map((c) => [c, values[c] as number]));
    const row = (await loadRow(this.trx, table, key))!;
    this.note(rowRef(table, key), null, row);
    return row;
  }

  async update(table: RecordTable, key: Key, patch: Row): Promise<Row> {
    const before = await loadRow(this.trx, table, key);
    if (!before) throw new HubdeskError('not_found', `${rowRef(table, key)} does not exist.`);
    let q = this.db.updateTable(table).set(patch);
    for (const c of RECORD_KEYS[table]) q = q.where(c, '=', key[c]);
    await q.execute();
    const after = (await loadRow(this.trx, table, key))!;
    this.note(rowRef(table, key), before, after);
    return after;
  }

  async remove(table: RecordTable, key: Key): Promise<void> {
    const before = await loadRow(this.trx, table, key);
    if (!before) return;
    let q = this.db.deleteFrom(table);
    for (const c of RECORD_KEYS[table]) q = q.where(c, '=', key[c]);
    await q.execute();
    this.note(rowRef(table, key), before, null);
  }

  /** Puts a row back exactly as it was (used by undo): delete, insert or overwrite. */
  async restore(ref: string, row: Row | null): Promise<void> {
    const { table, key } = parseRef(ref);
    const current = (await loadRow(this.trx, table, key)) ?? null;
    if (row === null) {
      if (current) await this.remove(table, key);
      return;
    }
    if (!current) {
      await this.db.insertInto(table).values(row).execute();
      this.note(ref, null, row);
    } else {
      await this.update(table, key, row);
    }
  }

  changed(): boolean {
    for (const [ref, b] of this.before) if (versionOf(b) !== versionOf(this.after.get(ref) ?? null)) return true;
    return false;
  }
}

export interface ChangeResult<T> {
  value: T;
  auditId: number;
  summary: string;
}

/**
 * Runs one records change in a transaction and records it in the audit log with every row's
 * state before and after (which is what undo puts back).
 */
export async function applyChange<T>(
  ctx: CoreContext,
  action: string,
  main: { entity: RecordTable; id?: string | number },
  work: (w: ChangeWriter) => Promise<{ value: T; summary: string; entityId?: string | number; details?: Record<string, unknown> }>,
): Promise<ChangeResult<T>> {
  return ctx.db.transaction().execute(async (trx) => {
    const w = new ChangeWriter(trx, ctx);
    const { value, summary, entityId, details } = await work(w);
    await recordAudit(trx, ctx, {
      action: `${RECORDS_ACTION}${action}`,
      entity: main.entity,
      entityId: entityId ?? main.id ?? null,
      before: { rows: Object.fromEntries(w.before) },
      // `details`: what the change was about beyond its rows (a reason, the hub and year), for the audit log's reader.
      after: { summary, ...(details ?? {}), rows: Object.fromEntries(w.after) },
    });
    const audit = await trx.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    return { value, auditId: audit.id, summary };
  });
}
