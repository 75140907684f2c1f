/**
 * The import worker's budget covers planning as well as reading: a worker that runs out of memory
 * while it plans a small file against a store too large for its budget is a refusal naming the file,
 * nothing is written (no backup either), and the app carries on; with the usual budget the same
 * staged file plans again.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { listBackups } from '../../electron/core/db/backups';
import { endImportWorker, importWorkerActivity } from '../../electron/core/imports/worker/pool';
import type { RollPreview } from '../../shared/contract';
import { contentHash, openSqliteTestStore, tempDir, type SqliteTestStore } from '../helpers/store';
import { rollFromDb, standardCells, STANDARD_HEADERS, writeXlsx } from '../fixtures/roll/generate';
import { commitFile, mustPreview } from '../fixtures/roll/request';

/** A heap the worker reads and plans the demo's roll within, and cannot hold the grown store's facts in. */
const SMALL_HEAP_MB = '64';
/** Schools added behind the preview's back, each with a long name and trust: about 55 MB of facts to plan against. */
const GROWN_SCHOOLS = 60_000;

// SQLite only: a second connection writes to the store's file behind the preview's back.
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
  delete process.env.HUBDESK_IMPORT_HEAP_MB;
  endImportWorker();
  await t?.close();
});

describe('the import worker out of memory while planning', () => {
  it('refuses the commit naming the file, writes nothing, and the app carries on', async () => {
    endImportWorker();
    process.env.HUBDESK_IMPORT_HEAP_MB = SMALL_HEAP_MB;
    const p = await mustPreview(t.ctx, changes);
    expect(p.canCommit).toBe(true);

    // Another connection adds many schools after the preview: the commit must plan again, against
    // a store whose facts do not fit the worker's budget. The file itself is the same small roll.
    const other = new BetterSqlite3(t.store.file);
    other
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
         insert into schools (urn, name, trust, created_at, updated_at)
         select printf('9%06d', i), printf('%s %d', replace(hex(zeroblob(50)), '0', 'School '), i), replace(hex(zeroblob(20)), '0', 'Trust '), '2026-11-01', '2026-11-01' from n`,
      )
      .run(GROWN_SCHOOLS);
    other.close();
    const hash = contentHash(t.store.sqlite);
    const backups = listBackups(t.store).length;

    const start = importWorkerActivity();
    const c = await commitFile(t.ctx, changes, p);
    const work = importWorkerActivity();
    expect(work.jobs - start.jobs).toBe(1);
    expect(work.reads - start.reads).toBe(0); // the worker never answered: it stopped while planning
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(c.error.kind).toBe('validation');
      expect(c.error.message).toMatch(new RegExp(`^changes\\.xlsx could not be read and checked: reading and checking it needed more than the ${SMALL_HEAP_MB} MB of memory hubdesk gives one file\\..*nothing was imported\\.$`));
      expect(c.error.message).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(contentHash(t.store.sqlite)).toBe(hash);
    expect(listBackups(t.store).length).toBe(backups);

    // The app carries on: other requests are answered, and with the usual budget the same staged
    // file is read again (the worker that kept it has ended) and planned against the grown store.
    const hubs = await dispatch(t.ctx, 'listHubs', { year: '2026/27' });
    expect(hubs.ok).toBe(true);
    delete process.env.HUBDESK_IMPORT_HEAP_MB;
    const before = importWorkerActivity();
    const again = await dispatch(t.ctx, 'previewRollImport', { stagingId: p.stagingId, year: '2026/27' });
    if (!again.ok) throw new Error(again.error.message);
    expect((again.value as RollPreview).canCommit).toBe(true);
    expect(importWorkerActivity().reads - before.reads).toBe(1);
  }, 180_000);
});
