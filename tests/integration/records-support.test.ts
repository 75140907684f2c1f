import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { schoolSupportRequests } from '../../electron/core/records/support';
import { undoLastChange } from '../../electron/core/changes/undo-change';
import type { SupportRequestRecord } from '../../shared/contract/records';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { expectRefused, viaDispatch } from '../helpers/records';
import { TEST_TODAY, TEST_TOMORROW } from '../helpers/clock';
import { ukDateShown } from '../../shared/uk-date';

const addSupportRequest = viaDispatch('addSupportRequest');
const updateSupportRequest = viaDispatch('updateSupportRequest');

let t: TestStore;
/** A school with a past review that has at least one EBI and one WWW, and a second school of the same hub. */
let school: { id: number; name: string; ebiId: number; ebiText: string; wwwId: number };
let partner: { id: number; name: string };
let otherEbiId: number;

beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
  const db = t.ctx.db;
  const ebi = await db
    .selectFrom('qa_review_points as p')
    .innerJoin('qa_reviews as r', 'r.id', 'p.review_id')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .where('p.kind', '=', 'ebi')
    .select(['p.id', 'p.text', 'p.review_id', 's.id as school_id', 's.name'])
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
  const www = await db.selectFrom('qa_review_points').where('review_id', '=', ebi.review_id).where('kind', '=', 'www').select('id').executeTakeFirstOrThrow();
  school = { id: ebi.school_id, name: ebi.name, ebiId: ebi.id, ebiText: ebi.text, wwwId: www.id };
  const m = await db.selectFrom('memberships').where('school_id', '=', school.id).select(['hub_id', 'year_id']).orderBy('year_id', 'desc').executeTakeFirstOrThrow();
  const p = await db
    .selectFrom('memberships as m')
    .innerJoin('schools as s', 's.id', 'm.school_id')
    .where('m.hub_id', '=', m.hub_id)
    .where('m.year_id', '=', m.year_id)
    .where('m.school_id', '!=', school.id)
    .select(['s.id', 's.name'])
    .orderBy('s.id')
    .executeTakeFirstOrThrow();
  partner = p;
  const other = await db
    .selectFrom('qa_review_points as p')
    .innerJoin('qa_reviews as r', 'r.id', 'p.review_id')
    .where('p.kind', '=', 'ebi')
    .where('r.school_id', '!=', school.id)
    .select('p.id')
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
  otherEbiId = other.id;
});
afterAll(async () => {
  await t.close();
});

const base = () => ({
  schoolId: school.id,
  requestedOn: '2026-11-02',
  area: 'Adaptive teaching for pupils with SEND',
  ebiPointId: null as number | null,
  brokeredToSchoolId: null as number | null,
  brokeredTo: null as string | null,
  status: 'open' as const,
  notes: null as string | null,
});

function formOf(r: SupportRequestRecord) {
  return {
    requestId: r.id,
    version: r.version,
    requestedOn: r.requestedOn,
    area: r.area,
    ebiPointId: r.ebiPointId,
    brokeredToSchoolId: r.brokeredToSchoolId,
    brokeredTo: r.brokeredTo,
    status: r.status as 'open' | 'brokered' | 'in progress' | 'done' | 'declined',
    notes: r.notes,
  };
}

async function lastAudit() {
  const row = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  return { ...row, before: JSON.parse(row.before_json ?? 'null') as { rows: Record<string, Record<string, unknown> | null> }, after: JSON.parse(row.after_json ?? 'null') as { summary: string; rows: Record<string, Record<string, unknown> | null> } };
}

describe('support requests', () => {
  it('logs a request on one of the school’s EBIs, audited with before and after; undo removes it exactly', async () => {
    const before = (await storeHash(t.store, ['audit_log']));
    const listed = await schoolSupportRequests(t.ctx, school.id);
    const res = await addSupportRequest(t.ctx, { ...base(), area: ` ${school.ebiText} `, ebiPointId: school.ebiId, notes: '  Asked at the autumn hub meeting. ' });
    expect(res.record).toMatchObject({
      schoolId: school.id,
      school: school.name,
      requestedOn: '2026-11-02',
      area: school.ebiText,
      ebiPointId: school.ebiId,
      ebiText: school.ebiText,
      brokeredToSchoolId: null,
      brokeredTo: null,
      status: 'open',
      notes: 'Asked at the autumn hub meeting.',
    });
    expect(res.summary).toBe(`${school.name} asked for support on “${school.ebiText}” (open)`);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ id: res.auditId, action: 'records.support.add', entity: 'support_requests', entity_id: String(res.record.id), os_user: 'tester' });
    expect(audit.before.rows).toEqual({ [`support_requests:${res.record.id}`]: null });
    expect(audit.after.rows[`support_requests:${res.record.id}`]).toMatchObject({ school_id: school.id, area: school.ebiText, status: 'open', ebi_point_id: school.ebiId });
    expect(await schoolSupportRequests(t.ctx, school.id)).toEqual([res.record, ...listed]);

    const undone = await undoLastChange(t.ctx, res.auditId);
    expect(undone.undone.summary).toBe(res.summary);
    expect((await storeHash(t.store, ['audit_log']))).toBe(before);
    expect(await schoolSupportRequests(t.ctx, school.id)).toEqual(listed);
  });

  it('brokers a request to a member school, then moves it on to in progress and done; undo of the last change restores exactly', async () => {
    const logged = (await addSupportRequest(t.ctx, base())).record;
    const brokered = await updateSupportRequest(t.ctx, { ...formOf(logged), status: 'brokered', brokeredToSchoolId: partner.id });
    expect(brokered.record).toMatchObject({ id: logged.id, status: 'brokered', brokeredToSchoolId: partner.id, brokeredToSchool: partner.name, brokeredTo: null });
    expect(brokered.record.version).not.toBe(logged.version);
    expect(brokered.summary).toBe(`Support for ${school.name} on “${logged.area}”: brokered, brokered to ${partner.name}`);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'records.support.update', entity: 'support_requests', entity_id: String(logged.id) });
    const ref = `support_requests:${logged.id}`;
    expect(audit.before.rows[ref]).toMatchObject({ status: 'open', brokered_to_school_id: null });
    expect(audit.after.rows[ref]).toMatchObject({ status: 'brokered', brokered_to_school_id: partner.id });

    const inProgress = await updateSupportRequest(t.ctx, { ...formOf(brokered.record), status: 'in progress', notes: 'First visit on 9 November.' });
    const beforeDone = (await storeHash(t.store, ['audit_log']));
    const done = await updateSupportRequest(t.ctx, { ...formOf(inProgress.record), status: 'done' });
    expect(done.record).toMatchObject({ status: 'done', brokeredToSchool: partner.name, notes: 'First visit on 9 November.' });

    await undoLastChange(t.ctx);
    expect((await storeHash(t.store, ['audit_log']))).toBe(beforeDone);
    const [back] = (await schoolSupportRequests(t.ctx, school.id)).filter((r) => r.id === logged.id);
    expect(back).toEqual(inProgress.record);
  });

  it('brokers a request to someone outside the network (free text), and back to a member school', async () => {
    const logged = (await addSupportRequest(t.ctx, { ...base(), area: 'Attendance of persistently absent pupils' })).record;
    const outside = await updateSupportRequest(t.ctx, { ...formOf(logged), status: 'in progress', brokeredTo: '  Knowsley LA attendance team ' });
    expect(outside.record).toMatchObject({ status: 'in progress', brokeredTo: 'Knowsley LA attendance team', brokeredToSchoolId: null, brokeredToSchool: null });
    expect(outside.summary).toMatch(/in progress, brokered to Knowsley LA attendance team$/);
    const member = await updateSupportRequest(t.ctx, { ...formOf(outside.record), brokeredTo: null, brokeredToSchoolId: partner.id });
    expect(member.record).toMatchObject({ brokeredTo: null, brokeredToSchool: partner.name, status: 'in progress' });
    const declined = await updateSupportRequest(t.ctx, { ...formOf(member.record), status: 'declined', brokeredToSchoolId: null });
    expect(declined.record).toMatchObject({ status: 'declined', brokeredToSchoolId: null, brokeredToSchool: null });
    expect(declined.summary).toBe(`Support for ${school.name} on “Attendance of persistently absent pupils”: declined`);
  });

  it('refuses an unknown school, an EBI of another school, a WWW, a school brokered to itself, an unknown school brokered to, both or neither, a future date', async () => {
    const b = base();
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, schoolId: 999_999 }), 'not_found', /There is no school with id 999999/);
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, ebiPointId: otherEbiId }), 'validation', /ebiPointId: is not one of this school’s EBIs/);
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, ebiPointId: school.wwwId }), 'validation', /ebiPointId: is not one of this school’s EBIs/);
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, ebiPointId: 999_999 }), 'validation', /ebiPointId: is not one of this school’s EBIs/);
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, status: 'brokered', brokeredToSchoolId: school.id }), 'validation', /brokeredToSchoolId: a school cannot be brokered to itself/);
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, status: 'brokered', brokeredToSchoolId: 999_999 }), 'validation', /brokeredToSchoolId: there is no school with id 999999/);
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, status: 'brokered', brokeredToSchoolId: partner.id, brokeredTo: 'LA adviser' }), 'validation', /brokeredTo: give a member school or someone outside the network, not both/);
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, status: 'brokered' }), 'validation', /brokeredToSchoolId: a request that is brokered says who it was brokered to/);
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, status: 'in progress', brokeredTo: '   ' }), 'validation', /brokeredToSchoolId: a request that is in progress says who it was brokered to/);
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, requestedOn: TEST_TOMORROW }), 'validation', new RegExp(`requestedOn: the request date \\(${ukDateShown(TEST_TOMORROW)}\\) is after today \\(${ukDateShown(TEST_TODAY)}\\)`));
    await expectRefused(t, () => addSupportRequest(t.ctx, { ...b, area: '  ' }), 'validation', /area: the area of support is required/);
  });

  it('refuses the same wrong changes to a stored request, an unknown request, a stale version and a change that changes nothing', async () => {
    const logged = (await addSupportRequest(t.ctx, { ...base(), ebiPointId: school.ebiId, area: school.ebiText })).record;
    const f = formOf(logged);
    await expectRefused(t, () => updateSupportRequest(t.ctx, { ...f, requestId: 999_999 }), 'not_found', /There is no support request with id 999999/);
    await expectRefused(t, () => updateSupportRequest(t.ctx, { ...f, ebiPointId: otherEbiId }), 'validation', /ebiPointId: is not one of this school’s EBIs/);
    await expectRefused(t, () => updateSupportRequest(t.ctx, { ...f, ebiPointId: school.wwwId }), 'validation', /ebiPointId: is not one of this school’s EBIs/);
    await expectRefused(t, () => updateSupportRequest(t.ctx, { ...f, status: 'brokered', brokeredToSchoolId: school.id }), 'validation', /a school cannot be brokered to itself/);
    await expectRefused(t, () => updateSupportRequest(t.ctx, { ...f, status: 'brokered', brokeredToSchoolId: partner.id, brokeredTo: 'LA adviser' }), 'validation', /not both/);
    await expectRefused(t, () => updateSupportRequest(t.ctx, { ...f, status: 'in progress' }), 'validation', /a request that is in progress says who it was brokered to/);
    await expectRefused(t, () => updateSupportRequest(t.ctx, { ...f, requestedOn: '2027-01-05' }), 'validation', /requestedOn: the request date \(5 Jan 2027\) is after today/);
    await expectRefused(t, () => updateSupportRequest(t.ctx, { ...f, version: '0000000000000000', status: 'declined' }), 'conflict', /changed support request on .* at \d\d:\d\d on/);
    await expectRefused(t, () => updateSupportRequest(t.ctx, f), 'validation', /nothing to change: the request already holds these details/);
    await expectRefused(t, () => updateSupportRequest(t.ctx, { ...f, area: `  ${f.area} `, notes: '' }), 'validation', /nothing to change/);
  });

  it('detects a concurrent edit: the second window’s save is refused and the first one’s change is kept', async () => {
    const logged = (await addSupportRequest(t.ctx, base())).record;
    const windowA = formOf(logged);
    const windowB = formOf(logged);
    const a = await updateSupportRequest(t.ctx, { ...windowA, status: 'brokered', brokeredToSchoolId: partner.id });
    const err = await expectRefused(t, () => updateSupportRequest(t.ctx, { ...windowB, status: 'declined', notes: 'Not needed any more.' }), 'conflict', /^You changed support request on “Adaptive teaching for pupils with SEND” at 10:00 on 23 November 2026; reload to see that change\.$/);
    expect(err.kind).toBe('conflict');
    const [stored] = (await schoolSupportRequests(t.ctx, school.id)).filter((r) => r.id === logged.id);
    expect(stored).toEqual(a.record);
  });

  it('refuses an undo once the request was changed again since, writing nothing', async () => {
    const logged = await addSupportRequest(t.ctx, base());
    const changed = await updateSupportRequest(t.ctx, { ...formOf(logged.record), notes: 'Called the head.' });
    await expectRefused(t, () => undoLastChange(t.ctx, logged.auditId), 'conflict', /no longer the one you saw/);
    await undoLastChange(t.ctx, changed.auditId);
    const [stored] = (await schoolSupportRequests(t.ctx, school.id)).filter((r) => r.id === logged.record.id);
    expect(stored).toEqual(logged.record);
  });

  it('answers through the contract, with the field of each refusal for the form', async () => {
    const before = (await storeHash(t.store));
    const bad = await dispatch(t.ctx, 'addSupportRequest', { ...base(), status: 'brokered', brokeredToSchoolId: partner.id, brokeredTo: 'LA adviser', extra: 1 });
    expect(bad.ok).toBe(false);
    const future = await dispatch(t.ctx, 'addSupportRequest', { ...base(), requestedOn: '2026-12-01' });
    expect(future).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'requestedOn', message: `the request date (1 Dec 2026) is after today (${ukDateShown(TEST_TODAY)})` }] } });
    expect((await storeHash(t.store))).toBe(before);
    const ok = await dispatch(t.ctx, 'addSupportRequest', base());
    expect(ok.ok).toBe(true);
    const id = ok.ok ? (ok.value as { record: SupportRequestRecord }).record.id : -1;
    const list = await dispatch(t.ctx, 'schoolSupportRequests', { schoolId: school.id });
    expect(list.ok ? (list.value as SupportRequestRecord[]).map((r) => r.id) : []).toContain(id);
  });
});
