/**
 * The commit reuses what the preview read and planned only while the store is unchanged: a write
 * through this connection or another one between preview and commit makes the commit plan again on
 * the store as it is (and refuse a roll whose changes are no longer the previewed ones); a write
 * between the commit's plan and its transaction discards the backup and starts again.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { listBackups } from '../../electron/core/db/backups';
import { commitOnce } from '../../electron/core/imports/commit-flow';
import { ExpiringLru, dataStamp, plannedOnce, plans } from '../../electron/core/imports/memo';
import { stagedFile } from '../../electron/core/imports/staging';
import { importWorkerActivity } from '../../electron/core/imports/worker/pool';
import type { OfstedCommitResult, OfstedImportPreview } from '../../shared/contract/ofsted-import';
import { contentHash, openSqliteTestStore, tempDir, type SqliteTestStore, storeHash } from '../helpers/store';
import { rollFromDb, standardCells, STANDARD_HEADERS, writeXlsx } from '../fixtures/roll/generate';
import { commitFile, mustPreview } from '../fixtures/roll/request';
import { SAMPLE_FILE } from '../fixtures/ofsted/generate';

describe('ExpiringLru', () => {
  it('keeps the most recently used entries up to its size, each until it expires', () => {
    let now = 0;
    const lru = new ExpiringLru<number>(2, 1000, () => now);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3); // evicts b
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    now = 999;
    expect(lru.get('c')).toBe(3);
    now = 1000;
    expect(lru.get('a')).toBeUndefined();
    expect(lru.get('c')).toBeUndefined();
    expect(lru.size).toBe(0);
  });
});

describe('roll: preview then commit', () => {
  let t: SqliteTestStore;
  let changes: string;
  beforeAll(async () => {
    t = await openSqliteTestStore();
    await dispatch(t.ctx, 'loadDemo', { confirm: true });
    const base = await rollFromDb(t.ctx.db, '2026/27');
    const rows = base.map((r, i) => (i < 3 ? { ...r, pupils: r.pupils + 7 } : r));
    changes = await writeXlsx(path.join(tempDir(), 'changes.xlsx'), [{ name: 'Roll', rows: [STANDARD_HEADERS, ...rows.map(standardCells)] }]);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    plans.clear();
  });

  /** Jobs sent to the import worker and files it read since `from`. */
  const workSince = (from: { jobs: number; reads: number }) => {
    const now = importWorkerActivity();
    return { jobs: now.jobs - from.jobs, reads: now.reads - from.reads };
  };

  it('reuses the preview: the commit reads and plans nothing again when the store is unchanged', async () => {
    const start = importWorkerActivity();
    const p = await mustPreview(t.ctx, changes);
    expect(plans.size).toBe(1);
    expect(workSince(start)).toEqual({ jobs: 1, reads: 1 });
    // A second preview of the staged file (e.g. warnings confirmed) is the cached analysis, with its own canCommit.
    const second = await dispatch(t.ctx, 'previewRollImport', { stagingId: p.stagingId, year: '2026/27', confirmWarnings: true });
    if (!second.ok) throw new Error(second.error.message);
    const again = second.value as typeof p;
    expect(again.diffHash).toBe(p.diffHash);
    expect(again.stagingId).toBe(p.stagingId);
    expect(plans.size).toBe(1);
    const stamp = dataStamp(t.store);
    const c = await commitFile(t.ctx, changes, p);
    expect(c.ok && c.value.batchId).toBeGreaterThan(0);
    expect(dataStamp(t.store)).not.toBe(stamp);
    // Neither the second preview nor the commit sent the file to the worker again.
    expect(workSince(start)).toEqual({ jobs: 1, reads: 1 });
    // Committed: the plan and the staged file are dropped, and the next preview sees the new store.
    expect(plans.size).toBe(0);
    expect(() => stagedFile('roll', p.stagingId)).toThrow(/no longer held/);
    const after = await mustPreview(t.ctx, changes);
    expect(after.noChanges).toBe(true);
    expect(workSince(start)).toEqual({ jobs: 2, reads: 2 }); // a newly chosen file is read
    const undo = await dispatch(t.ctx, 'undoImportBatch', { batchId: c.ok ? c.value.batchId! : 0, confirm: true });
    if (!undo.ok) throw new Error(JSON.stringify(undo.error));
  });

  it('refuses a preview made stale by another connection (the CLI while the app is open), writing nothing', async () => {
    const p = await mustPreview(t.ctx, changes);
    const other = new BetterSqlite3(t.store.file);
    const first = (await rollFromDb(t.ctx.db, '2026/27'))[0]!;
    other.prepare('update memberships set pupils = pupils + 1 where school_id = (select id from schools where urn = ?)').run(first.urn);
    other.close();
    const hash = (await storeHash(t.store));
    const backups = listBackups(t.store).length;
    const start = importWorkerActivity();
    const c = await commitFile(t.ctx, changes, p);
    // Planned again on the store as it is now, on the file the worker kept from the preview.
    expect(workSince(start)).toEqual({ jobs: 1, reads: 0 });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/changed since .* was previewed/) });
    expect((await storeHash(t.store))).toBe(hash);
    expect(listBackups(t.store).length).toBe(backups); // refused before any backup
  });

  it('plans again, and commits, when what changed does not touch the roll', async () => {
    const p = await mustPreview(t.ctx, changes);
    await t.ctx.db.insertInto('settings').values({ key: 'unrelated', value: '1' }).execute();
    const start = importWorkerActivity();
    const c = await commitFile(t.ctx, changes, p);
    expect(c.ok && c.value.batchId).toBeGreaterThan(0);
    expect(workSince(start)).toEqual({ jobs: 1, reads: 0 });
  });
});

describe('commitOnce', () => {
  let t: SqliteTestStore;
  beforeEach(async () => {
    t = await openSqliteTestStore();
  });
  afterEach(async () => {
    await t.close();
  });

  it('starts again from a fresh plan when the store changes between the plan and the transaction, keeping one backup', async () => {
    let plansMade = 0;
    let interfere = true;
    const written = await commitOnce(t.ctx, {
      backupReason: 'test',
      plan: () =>
        plannedOnce(t.store, 'k', async () => {
          plansMade += 1;
          return (await t.ctx.db.selectFrom('settings').select(['key']).execute()).map((r) => r.key);
        }),
      check: () => {
        if (interfere) {
          interfere = false;
          // Another connection commits after the plan, before the import's transaction.
          const other = new BetterSqlite3(t.store.file);
          other.prepare('insert into settings (key, value) values (?, ?)').run('late', 'x');
          other.close();
        }
        return undefined;
      },
      write: async (trx, keys) => {
        await trx.insertInto('settings').values({ key: 'written', value: JSON.stringify(keys) }).execute();
        return keys;
      },
    });
    expect(plansMade).toBe(2);
    expect(written).toContain('late');
    expect(listBackups(t.store).filter((b) => b.reason === 'test')).toHaveLength(1);
    plans.clear();
  });

  it('gives up with a conflict, writing nothing, when the store keeps changing', async () => {
    const hash = () => contentHash(t.store.sqlite, ['settings']);
    const before = hash();
    let n = 0;
    const attempt = commitOnce(t.ctx, {
      backupReason: 'busy',
      plan: () => plannedOnce(t.store, `busy${n}`, async () => n),
      check: () => {
        t.store.sqlite.prepare('insert into settings (key, value) values (?, ?)').run(`k${n++}`, 'x');
        return undefined;
      },
      write: async (trx) => {
        await trx.insertInto('import_batches').values({ kind: 'x', file_name: 'x', sha256: 'x', source_as_at: null, year_id: null, row_count: 0, summary_json: '{}', created_by: 'x', created_at: 'x' }).execute();
        return 1;
      },
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/kept changing/) });
    expect(hash()).toBe(before);
    expect(listBackups(t.store).filter((b) => b.reason === 'busy')).toHaveLength(0);
    plans.clear();
  });
});

describe('Ofsted: preview then commit', () => {
  let t: SqliteTestStore;
  beforeEach(async () => {
    t = await openSqliteTestStore();
    plans.clear();
    const now = '2026-11-01T09:00:00.000Z';
    await t.ctx.db
      .insertInto('schools')
      .values(['100000', '100022'].map((urn) => ({
        urn, name: `Member ${urn}`, phase: 'Primary', school_type: null, local_authority: null, trust: null, postcode: null, headteacher: null,
        headteacher_since: null, email: null, phone: null, merged_into_school_id: null, import_batch_id: null, created_at: now, updated_at: now,
      })))
      .execute();
  });
  afterEach(async () => {
    await t.close();
  });
  const request = () => ({ fileName: path.basename(SAMPLE_FILE), contentBase64: fs.readFileSync(SAMPLE_FILE).toString('base64') });

  const commitOf = (p: OfstedImportPreview) => ({ stagingId: p.stagingId, sha256: p.sha256, diffHash: p.diffHash });

  it('refuses a commit the store has moved away from since the preview, then commits what a new preview shows', async () => {
    const p = (await dispatch(t.ctx, 'previewOfstedImport', request())) as { ok: true; value: OfstedImportPreview };
    expect(p.value.newInspections).toBe(3);
    // Another connection stores one of the file's inspections after the preview.
    const other = new BetterSqlite3(t.store.file);
    other
      .prepare("insert into ofsted_inspections (urn, start_date, framework, inspection_number, publication_date, inspection_type, category_of_concern, outcome_text, import_batch_id, source_as_at, urn_at_inspection) values ('100000', '2024-06-12', 'oeif', null, null, null, null, null, null, null, null)")
      .run();
    other.close();
    const hash = contentHash(t.store.sqlite);
    const start = importWorkerActivity();
    const stale = await dispatch(t.ctx, 'commitOfstedImport', commitOf(p.value));
    // Planned again against the store as it is, on the file the worker kept from the preview.
    expect(importWorkerActivity()).toEqual({ jobs: start.jobs + 1, reads: start.reads });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/changed since .* was previewed.*Preview the file again/) });
    expect(contentHash(t.store.sqlite)).toBe(hash);
    const fresh = (await dispatch(t.ctx, 'previewOfstedImport', { stagingId: p.value.stagingId })) as { ok: true; value: OfstedImportPreview };
    expect(fresh.value).toMatchObject({ newInspections: 2, duplicatesSkipped: 1 });
    const c = (await dispatch(t.ctx, 'commitOfstedImport', commitOf(fresh.value))) as { ok: true; value: OfstedCommitResult };
    expect(c.ok).toBe(true);
    expect(c.value).toMatchObject({ inspectionsAdded: 2, duplicatesSkipped: 1 });
    const n = await t.ctx.db.selectFrom('ofsted_inspections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
  });

  it('reuses the preview when nothing changed, and plans again when only the store did', async () => {
    const p = (await dispatch(t.ctx, 'previewOfstedImport', request())) as { ok: true; value: OfstedImportPreview };
    expect(plans.size).toBe(1);
    const start = importWorkerActivity();
    const c = (await dispatch(t.ctx, 'commitOfstedImport', commitOf(p.value))) as { ok: true; value: OfstedCommitResult };
    expect(c.value.inspectionsAdded).toBe(3);
    expect(importWorkerActivity()).toEqual(start); // the preview's plan, nothing sent to the worker
    expect(plans.size).toBe(0);
    const again = (await dispatch(t.ctx, 'previewOfstedImport', request())) as { ok: true; value: OfstedImportPreview };
    expect(again.value).toMatchObject({ newInspections: 0, duplicatesSkipped: 3, previousImport: { batchId: c.value.batchId } });
  });
});
