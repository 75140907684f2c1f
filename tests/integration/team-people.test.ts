import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { createContext, signedInAs, type CoreContext } from '../../electron/core/context';
import { schoolRecord } from '../../electron/core/records/schools';
import { hubRecord } from '../../electron/core/records/hubs';
import { chosenStaffId } from '../../electron/core/calls/identity';
import type { Role } from '../../shared/contract';
import type { SchoolRecord } from '../../shared/contract/records';
import { openTestStore, storeHash, TEST_NOW, type TestStore } from '../helpers/store';
import { expectRefused, viaDispatch } from '../helpers/records';

const updateSchool = viaDispatch('updateSchool');
const updateHub = viaDispatch('updateHub');
const lastRecordsChange = viaDispatch('lastRecordsChange');
const undoLastChange = viaDispatch('undoLastChange');
const getIdentity = viaDispatch('getIdentity');
const setIdentity = viaDispatch('setIdentity');

let t: TestStore;
let mo: CoreContext;
let ann: CoreContext;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
  mo = person(1, 'Mo Manager', 'mo@example.org', `${day}T14:02:00Z`);
  ann = person(2, 'Ann Other', 'ann@example.org', `${day}T14:30:00Z`);
});
afterAll(async () => {
  await t.close();
});

/** A signed-in person on a team server, whose clock reads `at` (an ISO instant). */
function person(id: number, name: string, email: string, at: string, roles: Role[] = ['memberships_manager']): CoreContext {
  return signedInAs(createContext(t.store, { now: () => new Date(at), user: 'server' }), { id, name, email, roles });
}

// 14:02 and 14:30 in London on the tests' day (November: GMT, so the same as UTC).
const day = TEST_NOW.toISOString().slice(0, 10);

function formOf(s: SchoolRecord) {
  const { id, version, ...rest } = s;
  return { schoolId: id, version, ...rest, phase: rest.phase as 'Primary' | null };
}

describe('two people editing the same record', () => {
  it('the second save is refused naming who changed it and when (UK time); nothing is written; after a reload it saves', async () => {
    const loadedByMo = await schoolRecord(mo, 1);
    const loadedByAnn = await schoolRecord(ann, 1);
    await updateSchool(mo, { ...formOf(loadedByMo), trust: 'Mo’s Trust' });
    await expectRefused(t, () => updateSchool(ann, { ...formOf(loadedByAnn), trust: 'Ann’s Trust' }), 'conflict', new RegExp(`^Mo Manager changed ${loadedByMo.name} at 14:02 on 23 November 2026; reload to see their change\\.$`));
    expect((await schoolRecord(ann, 1)).trust).toBe('Mo’s Trust');

    const reloaded = await schoolRecord(ann, 1);
    const saved = await updateSchool(ann, { ...formOf(reloaded), trust: 'Ann’s Trust' });
    expect(saved.record.trust).toBe('Ann’s Trust');
    // Mo's form is stale now, and is told it was Ann.
    await expectRefused(t, () => updateSchool(mo, { ...formOf(reloaded), trust: 'Again' }), 'conflict', /^Ann Other changed .* at 14:30 on 23 November 2026; reload to see their change\.$/);
  });

  it('a hub’s details: the refusal names the person whose change came first', async () => {
    const hub = await hubRecord(t.store.db, 1);
    const form = { hubId: hub.id, version: hub.version, name: hub.name, region: hub.region, seniorPartner: hub.seniorPartner, seniorPartnerEmail: hub.seniorPartnerEmail, membershipsManagerId: hub.membershipsManagerId, hubManagers: hub.hubManagers.map((m) => ({ id: m.id, name: m.name, email: m.email, phone: m.phone, focus: m.focus })) };
    await updateHub(ann, { ...form, region: 'Ann’s region' });
    await expectRefused(t, () => updateHub(mo, { ...form, region: 'Mo’s region' }), 'conflict', new RegExp(`^Ann Other changed ${hub.name} at 14:30 on 23 November 2026; reload to see their change\\.$`));
  });
});

describe('undo takes back your own last change, not a colleague’s', () => {
  it('each person’s last change is their own; undoing it leaves the colleague’s later change in place', async () => {
    const s3 = await schoolRecord(mo, 3);
    const s4 = await schoolRecord(ann, 4);
    const mine = await updateSchool(mo, { ...formOf(s3), postcode: 'SE1 7PB' });
    const theirs = await updateSchool(ann, { ...formOf(s4), postcode: 'N1 9GU' });
    expect(await lastRecordsChange(mo, {})).toMatchObject({ auditId: mine.auditId, user: 'Mo Manager' });
    expect(await lastRecordsChange(ann, {})).toMatchObject({ auditId: theirs.auditId, user: 'Ann Other' });

    const undone = await undoLastChange(mo, { auditId: mine.auditId });
    expect(undone.undone.auditId).toBe(mine.auditId);
    expect((await schoolRecord(mo, 3)).postcode).toBe(s3.postcode);
    expect((await schoolRecord(mo, 4)).postcode).toBe('N1 9GU');
    // On the desktop (one person) the store's latest change is the one undo offers, as before.
    expect((await lastRecordsChange(t.ctx, {}))?.auditId).toBe(theirs.auditId);
  });

  it('two colleagues with the same name: each undoes only their own change', async () => {
    const samA = person(4, 'Sam Smith', 'sam.a@example.org', `${day}T15:10:00Z`);
    const samB = person(5, 'Sam Smith', 'sam.b@example.org', `${day}T15:20:00Z`);
    const s6 = await schoolRecord(samA, 6);
    const s7 = await schoolRecord(samB, 7);
    const first = await updateSchool(samA, { ...formOf(s6), postcode: 'M1 1AA' });
    const second = await updateSchool(samB, { ...formOf(s7), postcode: 'L1 8JQ' });
    expect((await lastRecordsChange(samA, {}))?.auditId).toBe(first.auditId);
    expect((await lastRecordsChange(samB, {}))?.auditId).toBe(second.auditId);
    await undoLastChange(samA, { auditId: first.auditId });
    expect((await schoolRecord(samA, 6)).postcode).toBe(s6.postcode);
    expect((await schoolRecord(samA, 7)).postcode).toBe('L1 8JQ');
    // The first Sam has nothing left to undo; the second Sam's change is still theirs to undo.
    expect(await lastRecordsChange(samA, {})).toBeNull();
    expect((await lastRecordsChange(samB, {}))?.auditId).toBe(second.auditId);
  });

  it('refuses to undo your change once a colleague changed one of its rows, naming them; nothing is written', async () => {
    const s5 = await schoolRecord(mo, 5);
    const mine = await updateSchool(mo, { ...formOf(s5), phone: '020 7123 4567' });
    await updateSchool(ann, { ...formOf(await schoolRecord(ann, 5)), phone: '020 7946 0000' });
    expect((await lastRecordsChange(mo, {}))?.auditId).toBe(mine.auditId);
    await expectRefused(t, () => undoLastChange(mo, {}), 'conflict', new RegExp(`^Cannot undo ".*": Ann Other changed schools 5 since, at 14:30 on 23 November 2026\\. Nothing was changed\\.$`));
    expect((await schoolRecord(mo, 5)).phone).toBe('020 7946 0000');
  });

  it('someone who has made no change is told so; a change they saw that is no longer their last is refused', async () => {
    const fin = person(3, 'Fin Ance', 'fin@example.org', `${day}T15:00:00Z`, ['memberships_manager']);
    expect(await lastRecordsChange(fin, {})).toBeNull();
    await expectRefused(t, () => undoLastChange(fin, {}), 'not_found', /^You have made no change by hand to undo\.$/);
    const before = await storeHash(t.store);
    await expectRefused(t, () => undoLastChange(ann, { auditId: 1 }), 'conflict', /^Your last change is no longer the one you saw/);
    expect(await storeHash(t.store)).toBe(before);
  });
});

describe('“I am” on a team server is each signed-in person’s own', () => {
  it('finds the person’s staff record by their email; another person chooses theirs; neither changes the desktop’s choice', async () => {
    const staff = await t.store.db
      .insertInto('central_staff')
      .values([
        { name: 'Mo Manager', email: 'Mo@Example.org', role: 'memberships_manager' },
        { name: 'Ann Other', email: 'ann.other@elsewhere.example', role: 'memberships_manager' },
      ])
      .returning(['id', 'name'])
      .execute();
    const moStaff = staff.find((s) => s.name === 'Mo Manager')!.id;
    const annStaff = staff.find((s) => s.name === 'Ann Other')!.id;
    const desktopBefore = await getIdentity(t.ctx, {});

    expect(await getIdentity(mo, {})).toMatchObject({ staffId: moStaff, person: 'Mo Manager', matchedBy: 'email' });
    expect(await getIdentity(ann, {})).toMatchObject({ staffId: null, person: 'Ann Other', matchedBy: null });

    expect(await setIdentity(ann, { staffId: annStaff })).toMatchObject({ staffId: annStaff, matchedBy: 'chosen' });
    expect(await chosenStaffId(ann)).toBe(annStaff);
    expect(await chosenStaffId(mo)).toBe(moStaff);
    expect(await getIdentity(t.ctx, {})).toMatchObject({ staffId: desktopBefore.staffId, person: null, matchedBy: null });

    // Choosing nobody goes back to what the email finds (none for Ann).
    expect(await setIdentity(ann, { staffId: null })).toMatchObject({ staffId: null, matchedBy: null });
  });
});
