import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { hubRecord } from '../../electron/core/records/hubs';
import { undoLastChange } from '../../electron/core/changes/undo-change';
import type { HubRecord } from '../../shared/contract/records';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { expectRefused, viaDispatch } from '../helpers/records';

const createHub = viaDispatch('createHub');
const updateHub = viaDispatch('updateHub');
const addMeeting = viaDispatch('addMeeting');

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

async function aspire(): Promise<HubRecord> {
  const id = (await t.ctx.db.selectFrom('hubs').where('name', '=', 'Aspire Hub').select('id').executeTakeFirstOrThrow()).id;
  return hubRecord(t.ctx.db, id);
}
function formOf(h: HubRecord) {
  return { hubId: h.id, version: h.version, name: h.name, region: h.region, seniorPartner: h.seniorPartner, seniorPartnerEmail: h.seniorPartnerEmail, membershipsManagerId: h.membershipsManagerId, hubManagers: h.hubManagers };
}

describe('hubs', () => {
  it('renames a hub and changes its Hub Managers in one change; undo restores both', async () => {
    const before = (await storeHash(t.store, ['audit_log']));
    const h = await aspire();
    expect(h.hubManagers.length).toBe(2);
    const res = await updateHub(t.ctx, { ...formOf(h), name: 'Aspire Teaching Hub', hubManagers: [{ ...h.hubManagers[0]!, focus: 'primary and secondary' }, { name: 'Sam New', email: 'sam@aspire.sch.uk', phone: null, focus: null }] });
    expect(res.record.name).toBe('Aspire Teaching Hub');
    expect(res.record.hubManagers.map((m) => m.name)).toEqual([h.hubManagers[0]!.name, 'Sam New']);
    expect(res.summary).toContain('renamed from Aspire Hub');
    await undoLastChange(t.ctx);
    expect((await storeHash(t.store, ['audit_log']))).toBe(before);
  });

  it('creates a hub, and refuses a duplicate name, a bad email, an unknown manager or a stale version', async () => {
    const created = await createHub(t.ctx, { name: 'Northern Lights Hub', region: 'North East', seniorPartner: 'Dr K Ahmed', seniorPartnerEmail: null, membershipsManagerId: null, hubManagers: [] });
    expect(created.record).toMatchObject({ name: 'Northern Lights Hub', region: 'North East' });
    const h = await aspire();
    const f = formOf(h);
    await expectRefused(t, () => createHub(t.ctx, { name: ' ', region: null, seniorPartner: null, seniorPartnerEmail: null, membershipsManagerId: null, hubManagers: [] }), 'validation', /name: the hub name is required/);
    await expectRefused(t, () => updateHub(t.ctx, { ...f, name: 'Northern Lights Hub' }), 'validation', /name: there is already a hub called Northern Lights Hub/);
    await expectRefused(t, () => updateHub(t.ctx, { ...f, seniorPartnerEmail: 'nobody' }), 'validation', /seniorPartnerEmail: is not an email address/);
    await expectRefused(t, () => updateHub(t.ctx, { ...f, membershipsManagerId: 999999 }), 'validation', /membershipsManagerId: there is no member of the central team/);
    await expectRefused(t, () => updateHub(t.ctx, { ...f, hubManagers: [{ name: 'A', email: null, phone: null, focus: null }, { name: ' a ', email: null, phone: null, focus: null }] }), 'validation', /hubManagers.1.name: a is listed twice/);
    await expectRefused(t, () => updateHub(t.ctx, f), 'validation', /nothing to change/);
    await updateHub(t.ctx, { ...f, region: 'North West (changed)' });
    await expectRefused(t, () => updateHub(t.ctx, { ...f, region: 'Elsewhere' }), 'conflict', /changed Aspire Hub at \d\d:\d\d on/);
    await undoLastChange(t.ctx);
    await undoLastChange(t.ctx);
    expect(await t.ctx.db.selectFrom('hubs').where('name', '=', 'Northern Lights Hub').select('id').executeTakeFirst()).toBeUndefined();
  });
});

describe('meeting dates', () => {
  it('adds a meeting in the year, refuses one outside it or on a day already taken, and undoes', async () => {
    const h = await aspire();
    const before = (await storeHash(t.store, ['audit_log']));
    const m = await addMeeting(t.ctx, { hubId: h.id, year: '2026/27', date: '2027-06-10', term: 'summer', format: 'online' });
    expect(m.record).toMatchObject({ date: '2027-06-10', term: 'summer', format: 'online', submittedOn: null });
    expect(m.record.attendance.length).toBeGreaterThan(10);
    await expectRefused(t, () => addMeeting(t.ctx, { hubId: h.id, year: '2026/27', date: '2027-06-10', term: 'summer', format: null }), 'validation', /date: Aspire Hub already has a meeting on 2027-06-10/);
    await expectRefused(t, () => addMeeting(t.ctx, { hubId: h.id, year: '2026/27', date: '2027-09-10', term: 'autumn', format: null }), 'validation', /date: 2027-09-10 is outside the membership year 2026\/27/);
    await expectRefused(t, () => addMeeting(t.ctx, { hubId: h.id, year: '2026/27', date: '2027-02-29', term: 'spring', format: null }), 'validation', /date: is not a real calendar date/);
    await undoLastChange(t.ctx);
    expect((await storeHash(t.store, ['audit_log']))).toBe(before);
  });
});
