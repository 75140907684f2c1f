import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, TEST_NOW, TEST_TODAY, type TestStore, storeHash } from '../helpers/store';
import { londonDayTime } from '../../shared/uk-date';
import { termOf } from '../../shared/domain/calls';
import { longDate } from '../../shared/domain/reconciliation';
import { seedFundingNetwork, type FundingFixture } from '../helpers/funding-seed';
import type { MethodName, ResponseOf, RequestOf } from '../../shared/contract';

let t: TestStore;
let f: FundingFixture;

async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const r = await dispatch(t.ctx, method, request);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ResponseOf<M>;
}

/** A roll import at an instant that changed one North Hub school's pupils. */
async function importAt(createdAt: string, pupils: number, name: string): Promise<void> {
  const m = await t.store.db.selectFrom('memberships').selectAll().where('hub_id', '=', f.north).where('year_id', '=', f.y26).orderBy('id').executeTakeFirstOrThrow();
  const batch = await t.store.db
    .insertInto('import_batches')
    .values({ kind: 'roll', file_name: `roll-${name}.xlsx`, sha256: 'x'.repeat(64), source_as_at: null, year_id: f.y26, created_by: 'tester', created_at: createdAt, undone_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.store.db
    .insertInto('import_changes')
    .values({ batch_id: batch.id, seq: 1, table_name: 'memberships', row_id: m.id, action: 'update', before_json: JSON.stringify(m), after_json: JSON.stringify({ ...m, pupils }) })
    .execute();
}

beforeEach(async () => {
  t = await openTestStore();
  f = await seedFundingNetwork(t.store.db);
});
afterEach(async () => {
  await t.close();
});

describe('calls are held at a time: a change later the same day is since the call', () => {
  it('an import half an hour after a call held earlier today is since the call; one half an hour before it is not', async () => {
    // The call: an hour before now, London time; imports 30 minutes either side of it.
    const callAt = new Date(TEST_NOW.getTime() - 3_600_000).toISOString();
    const { day, time } = londonDayTime(callAt);
    await importAt(new Date(Date.parse(callAt) - 1_800_000).toISOString(), 1301, 'before');
    await importAt(new Date(Date.parse(callAt) + 1_800_000).toISOString(), 1302, 'after');
    const held = await call('recordCall', { hubId: f.north, heldOn: day, heldAt: time, kind: 'hub_manager', attendees: [], notes: '', actions: [] });
    expect(held.heldAt).toBe(callAt);

    const hm = await call('callPack', { hubId: f.north, term: termOf(day).id });
    expect(hm.window.label).toBe(`since the last Hub Manager call, ${longDate(day)} at ${time}`);
    expect(hm.changes.membership.map((c) => c.source)).toEqual(['roll-after.xlsx']);
    // The Senior Partner pack has had no call yet: both imports are in its term.
    const sp = await call('callPack', { hubId: f.north, term: termOf(day).id, kind: 'senior_partner' });
    expect(sp.window).toMatchObject({ basis: 'start of term', lastCall: null });
    expect(sp.changes.membership.map((c) => c.source)).toEqual(['roll-before.xlsx', 'roll-after.xlsx']);
  });

  it('without a time, a call recorded today is held now; a time later than now is refused, writing nothing', async () => {
    const now = await call('recordCall', { hubId: f.north, heldOn: TEST_TODAY, kind: 'senior_partner', attendees: [], notes: '', actions: [] });
    expect(now.heldAt).toBe(TEST_NOW.toISOString());
    const before = (await storeHash(t.store));
    const later = londonDayTime(new Date(TEST_NOW.getTime() + 3_600_000).toISOString()).time;
    const r = await dispatch(t.ctx, 'recordCall', { hubId: f.north, heldOn: TEST_TODAY, heldAt: later, kind: 'hub_manager', attendees: [], notes: '', actions: [] });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', message: `heldAt: a call is recorded once held: ${TEST_TODAY} at ${later} is later than now (${londonDayTime(TEST_NOW.toISOString()).time})` } });
    const bad = await dispatch(t.ctx, 'recordCall', { hubId: f.north, heldOn: '2026-11-20', heldAt: '9:5', kind: 'hub_manager', attendees: [], notes: '', actions: [] });
    expect(bad).toMatchObject({ ok: false, error: { message: 'recordCall: heldAt: must be a time like 14:30' } });
    expect((await storeHash(t.store))).toBe(before);
  });

  it('a meeting is marked new since the last call only when there was one; before any call the pack says “since the start of term”', async () => {
    await t.store.db.insertInto('hub_meetings').values({ hub_id: f.north, year_id: f.y26, meeting_date: '2026-10-06', term: 'autumn', submitted_on: null }).execute();
    const before = await call('callPack', { hubId: f.north, term: '2026-autumn' });
    expect(before.window.basis).toBe('start of term');
    expect(before.window.label).toBe('since the start of term, 1 September 2026 (no Hub Manager call held before)');
    expect(before.meetings.find((m) => m.date === '2026-10-06')!.isNew).toBe(true);
    await call('recordCall', { hubId: f.north, heldOn: '2026-10-20', kind: 'hub_manager', attendees: [], notes: '', actions: [] });
    const after = await call('callPack', { hubId: f.north, term: '2026-autumn' });
    expect(after.window.label).toBe('since the last Hub Manager call, 20 October 2026 at 23:59');
    expect(after.meetings.find((m) => m.date === '2026-10-06')!.isNew).toBe(false);
  });
});
