import { afterEach, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { CoreContext } from '../../electron/core/context';
import { ChangeSet } from '../../electron/core/changes/change-set';
import { recordBatch, undoLatestBatch } from '../../electron/core/changes/import-batches';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { seedHub, seedYear } from '../helpers/funding-seed';

/** Counts the SQL statements sent through a connection. */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const LOGS = ['import_batches', 'import_changes', 'audit_log'];
const STAMP = '2026-11-01T00:00:00.000Z';

let t: TestStore | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/**
 * An import of `n` schools through a change set: insert them, join them to a hub, change some,
 * remove some; then undo the batch. Returns the statements each part sent, and whether undo put the
 * store back exactly.
 */
async function importAndUndo(n: number): Promise<{ write: number; undo: number; restoredExactly: boolean }> {
  t = await openTestStore();
  const yearId = await seedYear(t.ctx.db, '2026/27');
  const hubId = await seedHub(t.ctx.db, 'Counting Hub');
  const before = (await storeHash(t.store, LOGS));
  const counter = new StatementCounter();
  const ctx: CoreContext = { ...t.ctx, db: t.ctx.db.withPlugin(counter) };

  const batchId = await ctx.db.transaction().execute(async (trx) => {
    const id = await recordBatch(trx, ctx, { kind: 'roll', fileName: 'count.xlsx', sha256: '0'.repeat(64), yearId, rowCount: n, summary: {} });
    counter.count = 0;
    const set = new ChangeSet(trx, { batchId: id, ctx });
    const schools = await set.insertMany(
      'schools',
      Array.from({ length: n }, (_, i) => ({ urn: String(700000 + i), name: `School ${i}`, import_batch_id: id, created_at: STAMP, updated_at: STAMP })),
    );
    const memberships = await set.insertMany(
      'memberships',
      schools.map((s) => ({ school_id: s.id, hub_id: hubId, year_id: yearId, pupils: 200, status: 'new', import_batch_id: id, updated_at: STAMP })),
    );
    await set.updateMany('schools', schools.slice(0, n / 2).map((s) => s.id), { phase: 'Primary' });
    await set.replaceMany('memberships', memberships.slice(0, n / 2).map((m) => ({ before: m, after: { ...m, pupils: 300 } })));
    await set.removeMany('memberships', memberships.slice(n / 2));
    await set.flush();
    return id;
  });
  const write = counter.count;

  counter.count = 0;
  await undoLatestBatch(ctx, batchId);
  return { write, undo: counter.count, restoredExactly: (await storeHash(t.store, LOGS)) === before };
}

describe('a change set', () => {
  it('writes an import and undoes it in the same number of statements for 10 rows as for 200: never a query per row', async () => {
    const small = await importAndUndo(10);
    const large = await importAndUndo(200);
    expect(small.restoredExactly).toBe(true);
    expect(large.restoredExactly).toBe(true);
    expect(large.write).toBe(small.write);
    expect(large.undo).toBe(small.undo);
  });
});
