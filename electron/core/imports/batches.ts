import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import type { ImportBatchView } from '@shared/contract/imports';
import { HubdeskError } from '../errors';
import { recordAudit } from '../audit';
import { undoOfstedBatch } from './ofsted/undo';

/**
 * Import batches (generic over kinds): record a batch and every row it changed, list the history,
 * and undo the latest batch. Each kind that can be undone names its undo function in undoByKind;
 * an importer that records its changes with ChangeRecorder can use restoreBatchChanges as it is.
 */

type Db = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown> & { id: number };

/** Tables whose rows importers change; every one has an integer primary key `id`. */
export type ChangeTable =
  | 'membership_years'
  | 'hubs'
  | 'schools'
  | 'contacts'
  | 'memberships'
  | 'ofsted_inspections'
  | 'ofsted_judgements'
  | 'qa_reviews'
  | 'qa_review_points'
  | 'reviewer_trainings'
  | 'reviewer_assignments'
  | 'action_plans'
  | 'action_plan_lines'
  | 'school_links';

export type UndoFn = (trx: Transaction<Database>, batchId: number) => Promise<number>;

/** Parameters per statement stay well below SQLite's limit. */
const CHUNK = 300;
/** Changes written per statement by ChangeRecorder (9 columns at most: 9,000 parameters, far below SQLite's 32,766). */
const CHANGES_PER_STATEMENT = 1000;

export interface NewBatch {
  kind: string;
  fileName: string;
  sha256: string;
  yearId: number | null;
  rowCount: number;
  summary: Record<string, unknown>;
  sourceAsAt?: string | null;
}

export async function recordBatch(trx: Transaction<Database>, ctx: CoreContext, batch: NewBatch): Promise<number> {
  const row = await trx
    .insertInto('import_batches')
    .values({
      kind: batch.kind,
      file_name: batch.fileName,
      sha256: batch.sha256,
      source_as_at: batch.sourceAsAt ?? null,
      year_id: batch.yearId,
      row_count: batch.rowCount,
      summary_json: JSON.stringify(batch.summary),
      created_by: ctx.user,
      created_at: ctx.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { action: 'import', entity: 'import_batch', entityId: row.id, after: { kind: batch.kind, fileName: batch.fileName, sha256: batch.sha256, summary: batch.summary }, importBatchId: row.id });
  return row.id;
}

/**
 * Collects every row a batch inserts, updates or deletes (full row before and after) and writes them
 * to import_changes and the audit log in chunks; flush() before the transaction ends.
 */
export class ChangeRecorder {
  private seq = 0;
  private pending: { table: ChangeTable; action: 'insert' | 'update' | 'delete'; before: Row | null; after: Row | null }[] = [];

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly ctx: CoreContext,
    readonly batchId: number,
  ) {}

  async inserted(table: ChangeTable, after: Row): Promise<void> {
    await this.push({ table, action: 'insert', before: null, after });
  }

  async updated(table: ChangeTable, before: Row, after: Row): Promise<void> {
    await this.push({ table, action: 'update', before, after });
  }

  async deleted(table: ChangeTable, before: Row): Promise<void> {
    await this.push({ table, action: 'delete', before, after: null });
  }

  private async push(change: ChangeRecorder['pending'][number]): Promise<void> {
    this.pending.push(change);
    if (this.pending.length >= CHANGES_PER_STATEMENT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const at = this.ctx.now().toISOString();
    const batch = this.pending;
    this.pending = [];
    // Each row's JSON is made once and written to both tables.
    const json = batch.map((c) => ({ before: c.before ? JSON.stringify(c.before) : null, after: c.after ? JSON.stringify(c.after) : null }));
    await this.trx
      .insertInto('import_changes')
      .values(
        batch.map((c, k) => ({
          batch_id: this.batchId,
          seq: ++this.seq,
          table_name: c.table,
          row_id: (c.after ?? c.before)!.id,
          action: c.action,
          before_json: json[k]!.before,
          after_json: json[k]!.after,
        })),
      )
      .execute();
    await this.trx
      .insertInto('audit_log')
      .values(
        batch.map((c, k) => ({
          at,
          os_user: this.ctx.user,
          action: c.action === 'insert' ? 'create' : c.action,
          entity: c.table,
          entity_id: String((c.after ?? c.before)!.id),
          before_json: json[k]!.before,
          after_json: json[k]!.after,
          import_batch_id: this.batchId,
        })),
      )
      .execute();
  }
}

function sameRow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}

function describeRow(table: string, row: Record<string, unknown>): string {
  if (table === 'schools') return `school ${String(row.name)} (URN ${String(row.urn)})`;
  if (table === 'hubs') return `hub ${String(row.name)}`;
  if (table === 'membership_years') return `membership year ${String(row.label)}`;
  return `${table.replace(/s$/, '')} #${String(row.id)}`;
}

async function currentRows(trx: Transaction<Database>, table: ChangeTable, ids: number[]): Promise<Map<number, Row>> {
  const out = new Map<number, Row>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = (await trx.selectFrom(table).selectAll().where('id', 'in', ids.slice(i, i + CHUNK)).execute()) as unknown as Row[];
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/**
 * Restores every row a batch changed, newest change first: inserted rows are deleted, updated rows
 * get their earlier values back, deleted rows are put back with their ids. Refuses (conflict) when
 * a row was changed after the import, or when a row it added is now used elsewhere. Returns the number of rows restored.
 */
export async function restoreBatchChanges(trx: Transaction<Database>, batchId: number): Promise<number> {
  const changes = await trx.selectFrom('import_changes').selectAll().where('batch_id', '=', batchId).orderBy('seq', 'desc').execute();
  // Runs of the same table and action are restored together, keeping the reverse order between runs.
  const runs: (typeof changes)[] = [];
  for (const c of changes) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.table_name === c.table_name && last[0]!.action === c.action) last.push(c);
    else runs.push([c]);
  }
  for (const run of runs) {
    const table = run[0]!.table_name as ChangeTable;
    const action = run[0]!.action;
    const current = await currentRows(trx, table, run.map((c) => c.row_id));
    for (const c of run) {
      const now = current.get(c.row_id);
      if (action === 'delete') {
        if (now) throw new HubdeskError('conflict', `Cannot undo import #${batchId}: ${describeRow(table, now)} was added again after the import.`);
      } else {
        const after = JSON.parse(c.after_json!) as Row;
        if (!now) throw new HubdeskError('conflict', `Cannot undo import #${batchId}: ${describeRow(table, after)} was deleted after the import.`);
        if (!sameRow(now, after)) throw new HubdeskError('conflict', `Cannot undo import #${batchId}: ${describeRow(table, now)} was changed after the import. Change it back, or correct the data by importing again.`);
      }
    }
    try {
      if (action === 'insert') {
        const ids = run.map((c) => c.row_id);
        for (let i = 0; i < ids.length; i += CHUNK) await trx.deleteFrom(table).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
      } else if (action === 'update') {
        for (const c of run) {
          const { id, ...values } = JSON.parse(c.before_json!) as Row;
          await trx.updateTable(table).set(values as never).where('id', '=', id).execute();
        }
      } else {
        const rows = run.map((c) => JSON.parse(c.before_json!) as Row);
        const perChunk = Math.max(1, Math.floor(3000 / Object.keys(rows[0]!).length));
        for (let i = 0; i < rows.length; i += perChunk) await trx.insertInto(table).values(rows.slice(i, i + perChunk) as never).execute();
      }
    } catch (error) {
      if (/FOREIGN KEY/i.test(String((error as Error).message))) {
        throw new HubdeskError('conflict', `Cannot undo import #${batchId}: rows it added to ${table} are now used by other records (added after the import).`);
      }
      throw error;
    }
  }
  return changes.length;
}

/** The undo function of each batch kind; a kind not listed here cannot be undone. */
export const undoByKind: Record<string, UndoFn> = {
  roll: restoreBatchChanges,
  /** QA tracker imports record every insert, update and delete (imports/qa/commit.ts). */
  qa: restoreBatchChanges,
  /** Action plan imports record every line deleted and inserted (funding/plan-import.ts). */
  plan: restoreBatchChanges,
  /** School data (GIAS) imports record every school updated or added and every link (imports/gias/commit.ts). */
  gias: restoreBatchChanges,
  ofsted: async (trx, batchId) => { const r = await undoOfstedBatch(trx, batchId); return r.inspections + r.judgements; },
};

/**
 * The newest batch of a kind still in force. Batches are undone newest first within their kind; a
 * batch of another kind never blocks it (each undo checks, row by row, that nothing it restores was
 * changed since, so two kinds that touched the same rows are refused with the row named).
 */
async function latestActiveBatch(db: Db, kind: string) {
  return db.selectFrom('import_batches').selectAll().where('undone_at', 'is', null).where('kind', '=', kind).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function listBatches(db: Db, options: { kind?: string; limit?: number } = {}): Promise<ImportBatchView[]> {
  let q = db
    .selectFrom('import_batches')
    .leftJoin('membership_years', 'membership_years.id', 'import_batches.year_id')
    .selectAll('import_batches')
    .select('membership_years.label as year_label')
    .orderBy('import_batches.id', 'desc')
    .limit(options.limit ?? 100);
  if (options.kind) q = q.where('import_batches.kind', '=', options.kind);
  const rows = await q.execute();
  const latestByKind = new Map<string, number>();
  for (const kind of new Set(rows.map((r) => r.kind))) {
    const latest = await latestActiveBatch(db, kind);
    if (latest) latestByKind.set(kind, latest.id);
  }
  return rows.map((r) => {
    let summary: Record<string, unknown>;
    try {
      summary = JSON.parse(r.summary_json) as Record<string, unknown>;
    } catch {
      summary = {};
    }
    return {
      id: r.id,
      kind: r.kind,
      fileName: r.file_name,
      sha256: r.sha256,
      year: r.year_label ?? null,
      rows: r.row_count,
      summary,
      createdBy: r.created_by,
      createdAt: r.created_at,
      undoneAt: r.undone_at,
      canUndo: latestByKind.get(r.kind) === r.id && r.kind in undoByKind,
    };
  });
}

/** Refuses (with the reason) unless batchId is the latest batch of its kind still in force and its kind can be undone. */
export async function assertUndoable(db: Db, batchId: number): Promise<{ kind: string; fileName: string }> {
  const batch = await db.selectFrom('import_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new HubdeskError('not_found', `There is no import #${batchId}.`);
  if (batch.undone_at) throw new HubdeskError('conflict', `Import #${batchId} (${batch.file_name}) was already undone on ${batch.undone_at.slice(0, 10)}.`);
  const latest = await latestActiveBatch(db, batch.kind);
  if (latest && latest.id !== batchId) {
    throw new HubdeskError('conflict', `Imports of one kind are undone newest first: undo import #${latest.id} (${latest.file_name}) first.`);
  }
  if (!undoByKind[batch.kind]) throw new HubdeskError('conflict', `Imports of kind "${batch.kind}" cannot be undone.`);
  return { kind: batch.kind, fileName: batch.file_name };
}

/**
 * Undoes batch batchId, which must be the latest batch still in force, in one transaction, and marks
 * it undone. The caller takes a backup first (after assertUndoable).
 */
export async function undoLatestBatch(ctx: CoreContext, batchId: number): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const { kind } = await assertUndoable(trx, batchId);
    const restored = await undoByKind[kind]!(trx, batchId);
    const at = ctx.now().toISOString();
    await trx.updateTable('import_batches').set({ undone_at: at }).where('id', '=', batchId).execute();
    await recordAudit(trx, ctx, { action: 'undo', entity: 'import_batch', entityId: batchId, before: { undoneAt: null }, after: { undoneAt: at, restoredRows: restored }, importBatchId: batchId });
    return restored;
  });
}
