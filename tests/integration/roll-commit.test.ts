import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { hubFunding } from '../../shared/domain/funding';
import type { Store } from '../../electron/core/db/store';
import { openTestStore, tempDir, type TestStore, storeHash, expectBackupTaken } from '../helpers/store';
import { rollFromDb, standardCells, STANDARD_HEADERS, writeXlsx, type RollRow } from '../fixtures/roll/generate';
import { commitFile, mustPreview } from '../fixtures/roll/request';
import type { ImportBatchView, UndoResult } from '../../shared/contract/import-batches';

/** A hash of the roll itself (not the audit log or import history), to prove undo restores it exactly. */
async function rollHash(store: Store): Promise<string> {
  const h = crypto.createHash('sha256');
  for (const table of ['membership_years', 'hubs', 'schools', 'contacts', 'memberships'] as const) {
    h.update(`table ${table}\n`);
    for (const row of await store.db.selectFrom(table).selectAll().orderBy('id').execute()) h.update(`${JSON.stringify(row)}\n`);
  }
  return h.digest('hex');
}

async function fundingOf(t: TestStore, hub: string, year: string): Promise<number> {
  const rows = await t.ctx.db
    .selectFrom('memberships')
    .innerJoin('hubs', 'hubs.id', 'memberships.hub_id')
    .innerJoin('membership_years', 'membership_years.id', 'memberships.year_id')
    .where('hubs.name', '=', hub)
    .where('membership_years.label', '=', year)
    .select(['memberships.school_id as schoolId', 'memberships.pupils'])
    .execute();
  return hubFunding(rows).fundingPence;
}

let dir: string;
let t: TestStore;
let base: RollRow[];
let files: Record<string, string>;
let formerMember: { urn: string; name: string };

beforeAll(async () => {
  dir = tempDir();
  t = await openTestStore(dir);
  await dispatch(t.ctx, 'loadDemo', { confirm: true });
  base = await rollFromDb(t.ctx.db, '2026/27');
  const last = await rollFromDb(t.ctx.db, '2025/26');
  const f = last.find((r) => !base.some((b) => b.urn === r.urn))!;
  formerMember = { urn: f.urn, name: f.name };
  const fixtures = path.join(tempDir(), 'roll');
  // A realistic change: 3 schools leave, a new school and a returning school join, one school moves hub,
  // two pupil numbers change and one school has a new headteacher.
  const aspire = base.filter((r) => r.hub === 'Aspire Hub');
  const other = base.find((r) => r.hub !== 'Aspire Hub')!;
  const rows = base
    .filter((r) => r.urn !== aspire[0]!.urn && r.urn !== aspire[1]!.urn && r.urn !== other.urn)
    .map((r) => {
      if (r.urn === aspire[2]!.urn) return { ...r, hub: other.hub };
      if (r.urn === aspire[3]!.urn) return { ...r, pupils: r.pupils + 400 };
      if (r.urn === aspire[4]!.urn) return { ...r, pupils: r.pupils - 10 };
      if (r.urn === aspire[5]!.urn) return { ...r, headteacher: 'Ms Ada Newhead' };
      return r;
    });
  rows.push({ urn: '999001', name: 'Brand New Academy', hub: 'Aspire Hub', pupils: 1300, phase: 'Secondary', localAuthority: 'Kent', headteacher: 'Mr Sam First', email: 'head@brandnew.example.org' });
  rows.push({ urn: formerMember.urn, name: formerMember.name, hub: 'aspire  HUB', pupils: 500, phase: null, localAuthority: null, headteacher: null, email: null });
  files = {
    changes: await writeXlsx(path.join(fixtures, 'changes.xlsx'), [{ name: 'Roll', rows: [STANDARD_HEADERS, ...rows.map(standardCells)] }]),
    newYear: await writeXlsx(path.join(fixtures, 'new-year.xlsx'), [
      { name: 'Roll', rows: [['URN', 'School', 'Hub', 'Pupils'], ...base.slice(0, 30).map((r, i) => [r.urn, r.name, i < 5 ? 'Northern Lights Hub' : r.hub, r.pupils])] },
    ]),
  };
});
afterAll(async () => {
  await t?.close();
});

describe('commit and undo', () => {
  it('previews exactly the joiners, leavers, moves, pupil and contact changes, and each hub’s funding effect', async () => {
    const p = await mustPreview(t.ctx, files.changes!);
    expect(p.errors).toEqual([]);
    expect(p.joiners.map((j) => [j.urn, j.hub, j.newSchool])).toEqual([
      ['999001', 'Aspire Hub', true],
      [formerMember.urn, 'Aspire Hub', false],
    ]);
    expect(p.leavers).toHaveLength(3);
    expect(p.moves).toHaveLength(1);
    expect(p.pupilChanges.map((c) => c.after - c.before).sort((a, b) => a - b)).toEqual([-10, 400]);
    expect(p.contactChanges).toEqual([expect.objectContaining({ changes: [expect.objectContaining({ field: 'headteacher', after: 'Ms Ada Newhead' })] })]);
    const aspire = p.funding.find((f) => f.hub === 'Aspire Hub')!;
    expect(aspire.schoolsBefore).toBe(19);
    expect(aspire.schoolsAfter).toBe(19 - 3 + 2);
    expect(aspire.beforePence).toBe(await fundingOf(t, 'Aspire Hub', '2026/27'));
    for (const f of p.funding) expect(f.beforePence).toBe(await fundingOf(t, f.hub, '2026/27'));
  });

  it('commits in one batch with a backup; the funding then is what the preview said; the same file again changes nothing', async () => {
    const before = (await rollHash(t.store));
    const p = await mustPreview(t.ctx, files.changes!);
    const c = await commitFile(t.ctx, files.changes!, p);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.value.batchId).toBeGreaterThan(0);
    expectBackupTaken(t.store, c.value.backupFile, /before-import-roll\.db$/);
    expect((await rollHash(t.store))).not.toBe(before);
    for (const f of p.funding) expect(await fundingOf(t, f.hub, '2026/27')).toBe(f.afterPence);
    const now = await rollFromDb(t.ctx.db, '2026/27');
    expect(now.find((r) => r.urn === '999001')).toMatchObject({ name: 'Brand New Academy', pupils: 1300, headteacher: 'Mr Sam First' });
    const contact = await t.ctx.db.selectFrom('contacts').innerJoin('schools', 'schools.id', 'contacts.school_id').where('schools.urn', '=', '999001').select(['role', 'contacts.name']).execute();
    expect(contact).toEqual([{ role: 'Headteacher', name: 'Mr Sam First' }]);
    const status = await t.ctx.db.selectFrom('memberships').innerJoin('schools', 'schools.id', 'memberships.school_id').where('schools.urn', 'in', ['999001', formerMember.urn]).select(['schools.urn', 'memberships.status']).orderBy('schools.urn').execute();
    expect(new Map(status.map((s) => [s.urn, s.status]))).toEqual(new Map([['999001', 'new'], [formerMember.urn, 'renewing']]));

    const hash = (await storeHash(t.store));
    const again = await mustPreview(t.ctx, files.changes!);
    expect(again.noChanges).toBe(true);
    expect(again.unchangedRows).toBe(again.rowsRead);
    const c2 = await commitFile(t.ctx, files.changes!, again);
    expect(c2.ok && c2.value).toMatchObject({ batchId: null, noChanges: true });
    expect((await storeHash(t.store))).toBe(hash);

    const history = (await dispatch(t.ctx, 'listImportBatches', {})) as { ok: true; value: ImportBatchView[] };
    expect(history.value[0]).toMatchObject({ kind: 'roll', fileName: 'changes.xlsx', year: '2026/27', canUndo: true, undoneAt: null, createdBy: 'tester' });
    expect(history.value[0]!.summary).toMatchObject({ joiners: 2, leavers: 3, moves: 1 });
    expect(history.value.find((b) => b.kind === 'demo')?.canUndo).toBe(false);
  });

  it('refuses a stale commit: the data changed after the preview, or the file is not the one previewed', async () => {
    const p = await mustPreview(t.ctx, files.newYear!, { year: '2027/28', createHubs: true });
    await t.ctx.db.updateTable('hubs').set({ region: 'North' }).where('name', '=', 'Aspire Hub').execute();
    await t.ctx.db.insertInto('hubs').values({ name: 'Northern Lights Hub', region: null, senior_partner_name: null, senior_partner_email: null, memberships_manager_id: null, merged_into_hub_id: null, created_at: 'x', updated_at: 'x' }).execute();
    const hash = (await storeHash(t.store));
    const stale = await commitFile(t.ctx, files.newYear!, p, { year: '2027/28', createHubs: true });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/changed since .* was previewed/) });
    // A commit that names the staged file with another file's hash is refused too.
    const q = await mustPreview(t.ctx, files.changes!, { year: '2027/28', createHubs: true });
    const other = await commitFile(t.ctx, files.newYear!, { ...p, sha256: q.sha256 }, { year: '2027/28', createHubs: true });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.message).toMatch(/not the file that was previewed/);
    expect((await storeHash(t.store))).toBe(hash);
    await t.ctx.db.deleteFrom('hubs').where('name', '=', 'Northern Lights Hub').execute();
  });

  it('undo restores the roll exactly, also after closing and reopening the database', async () => {
    const history = (await dispatch(t.ctx, 'listImportBatches', {})) as { ok: true; value: ImportBatchView[] };
    const batchId = history.value[0]!.id;
    // Back to the state before the import: compare with a store that never had it.
    const fresh = await openTestStore();
    await dispatch(fresh.ctx, 'loadDemo', { confirm: true });
    await fresh.ctx.db.updateTable('hubs').set({ region: 'North' }).where('name', '=', 'Aspire Hub').execute();
    const expected = (await rollHash(fresh.store));
    await fresh.close();

    await t.close();
    t = await openTestStore(dir);
    const undo = (await dispatch(t.ctx, 'undoImportBatch', { batchId, confirm: true })) as { ok: true; value: UndoResult };
    expect(undo.ok).toBe(true);
    expect(undo.value.restoredRows).toBeGreaterThan(10);
    expectBackupTaken(t.store, undo.value.backupFile, /before-undo-import/);
    expect((await rollHash(t.store))).toBe(expected);
    const again = await dispatch(t.ctx, 'undoImportBatch', { batchId, confirm: true });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/already undone/);
  });

  it('creates the year and new hubs when asked, and undo removes them; undo refuses when a row changed since', async () => {
    const before = (await rollHash(t.store));
    const p = await mustPreview(t.ctx, files.newYear!, { year: '2027/28', createHubs: true });
    expect(p.yearExists).toBe(false);
    expect(p.newHubs).toEqual(['Northern Lights Hub']);
    expect(p.joiners).toHaveLength(30);
    const c = await commitFile(t.ctx, files.newYear!, p, { year: '2027/28', createHubs: true });
    expect(c.ok).toBe(true);
    const batchId = c.ok ? c.value.batchId! : 0;
    const nl = await t.ctx.db.selectFrom('hubs').select('id').where('name', '=', 'Northern Lights Hub').executeTakeFirstOrThrow();

    // Someone edits a membership the import wrote: undo must not silently overwrite it.
    await t.ctx.db.updateTable('memberships').set({ pupils: 1 }).where('hub_id', '=', nl.id).execute();
    const hash = (await storeHash(t.store));
    const refused = await dispatch(t.ctx, 'undoImportBatch', { batchId, confirm: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/was changed after the import/) });
    expect((await storeHash(t.store))).toBe(hash);
    const older = (await dispatch(t.ctx, 'listImportBatches', {})) as { ok: true; value: ImportBatchView[] };
    const demoBatch = older.value.find((b) => b.kind === 'demo')!;
    const notLatest = await dispatch(t.ctx, 'undoImportBatch', { batchId: demoBatch.id, confirm: true });
    expect(notLatest.ok).toBe(false);

    await t.ctx.db.updateTable('memberships').set({ pupils: p.joiners[0]!.pupils }).where('hub_id', '=', nl.id).execute();
    const rows = await t.ctx.db.selectFrom('memberships').innerJoin('schools', 'schools.id', 'memberships.school_id').where('hub_id', '=', nl.id).select(['schools.urn', 'memberships.id']).execute();
    for (const r of rows) {
      const j = p.joiners.find((x) => x.urn === r.urn)!;
      await t.ctx.db.updateTable('memberships').set({ pupils: j.pupils }).where('id', '=', r.id).execute();
    }
    const ok = await dispatch(t.ctx, 'undoImportBatch', { batchId, confirm: true });
    expect(ok.ok).toBe(true);
    expect((await rollHash(t.store))).toBe(before);
    expect(await t.ctx.db.selectFrom('membership_years').select('id').where('label', '=', '2027/28').executeTakeFirst()).toBeUndefined();
  });
});
