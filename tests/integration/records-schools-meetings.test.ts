import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { schoolRecord } from '../../electron/core/records/schools';
import { meetingRecord } from '../../electron/core/records/meetings';
import { undoLastChange } from '../../electron/core/changes/undo-change';
import type { SchoolRecord } from '../../shared/contract/records';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';
import { expectRefused, viaDispatch } from '../helpers/records';
import { TEST_TODAY } from '../helpers/clock';

const updateSchool = viaDispatch('updateSchool');
const recordAttendance = viaDispatch('recordAttendance');
const updateMeeting = viaDispatch('updateMeeting');

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await loadDemoNetwork(t.ctx);
});
afterAll(async () => {
  await t.close();
});

function formOf(s: SchoolRecord) {
  const { id, version, ...rest } = s;
  return { schoolId: id, version, ...rest, phase: rest.phase as 'Primary' | null };
}

describe('school details', () => {
  it('changes the headteacher with the date they started, normalises the postcode, and undoes', async () => {
    const before = (await storeHash(t.store, ['audit_log']));
    const s = await schoolRecord(t.ctx, 1);
    const res = await updateSchool(t.ctx, { ...formOf(s), headteacher: 'Dr Amara Osei', headteacherSince: '2026-09-01', postcode: 'se1 7pb', phone: '020 7123 4567' });
    expect(res.record).toMatchObject({ headteacher: 'Dr Amara Osei', headteacherSince: '2026-09-01', postcode: 'SE1 7PB' });
    expect(res.summary).toMatch(/changed .*headteacher, headteacher since/);
    await undoLastChange(t.ctx);
    expect((await storeHash(t.store, ['audit_log']))).toBe(before);
  });

  it('refuses a bad or duplicate URN, bad email, phone or postcode, and a stale version, writing nothing', async () => {
    const s = await schoolRecord(t.ctx, 1);
    const other = await schoolRecord(t.ctx, 2);
    const f = formOf(s);
    await expectRefused(t, () => updateSchool(t.ctx, { ...f, urn: '12345' }), 'validation', /urn: a URN is 6 digits/);
    await expectRefused(t, () => updateSchool(t.ctx, { ...f, urn: other.urn }), 'validation', new RegExp(`urn: URN ${other.urn} already belongs to`));
    await expectRefused(t, () => updateSchool(t.ctx, { ...f, email: 'head.school' }), 'validation', /email: is not an email address/);
    await expectRefused(t, () => updateSchool(t.ctx, { ...f, phone: '12' }), 'validation', /phone: is not a phone number/);
    await expectRefused(t, () => updateSchool(t.ctx, { ...f, postcode: 'NOT A CODE' }), 'validation', /postcode: is not a UK postcode/);
    await expectRefused(t, () => updateSchool(t.ctx, { ...f, name: ' ' }), 'validation', /name: the school name is required/);
    await expectRefused(t, () => updateSchool(t.ctx, { ...f, headteacherSince: '2027-01-01' }), 'validation', /headteacherSince: .* is after today/);
    await expectRefused(t, () => updateSchool(t.ctx, f), 'validation', /nothing to change/);
    await expectRefused(t, () => updateSchool(t.ctx, { ...f, version: other.version, name: 'X' }), 'conflict', /changed .* at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 20\d\d; reload to see (their|that) change\./);
    const hash = (await storeHash(t.store));
    const r = await dispatch(t.ctx, 'updateSchool', { ...f, phase: 'Primary school' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect((await storeHash(t.store))).toBe(hash);
  });
});

describe('hub meetings', () => {
  async function pastMeeting() {
    return t.ctx.db.selectFrom('hub_meetings').where('meeting_date', '<', TEST_TODAY).where('meeting_date', '>=', '2026-09-01').select('id').orderBy('id').executeTakeFirstOrThrow();
  }

  it('records the attendance of each school and undoes it', async () => {
    const { id } = await pastMeeting();
    const before = (await storeHash(t.store, ['audit_log']));
    const m = await meetingRecord(t.ctx.db, id);
    const schools = m.attendance.map((a, i) => ({ schoolId: a.schoolId, attended: i % 2 === 0, representative: i === 0 ? 'Deputy head' : null }));
    const res = await recordAttendance(t.ctx, { meetingId: id, version: m.attendanceVersion, schools });
    expect(res.record.attendance.map((a) => a.attended)).toEqual(schools.map((s) => s.attended));
    expect(res.summary).toContain(`${schools.filter((s) => s.attended).length} of ${schools.length} schools attended`);
    await expectRefused(t, () => recordAttendance(t.ctx, { meetingId: id, version: m.attendanceVersion, schools }), 'conflict', /changed the attendance of .* at \d\d:\d\d on/);
    await expectRefused(t, () => recordAttendance(t.ctx, { meetingId: id, version: res.record.attendanceVersion, schools }), 'validation', /nothing to change/);
    await expectRefused(t, () => recordAttendance(t.ctx, { meetingId: id, version: res.record.attendanceVersion, schools: [{ schoolId: 999999, attended: true }] }), 'validation', /schools.0.schoolId: school 999999 is not in/);
    await expectRefused(t, () => recordAttendance(t.ctx, { meetingId: id, version: res.record.attendanceVersion, schools: [schools[0]!, schools[0]!] }), 'validation', /schools.1.schoolId: this school is listed twice/);
    await undoLastChange(t.ctx);
    expect((await storeHash(t.store, ['audit_log']))).toBe(before);
  });

  it('marks meeting dates submitted (the release condition), refuses a date outside the year, and undoes', async () => {
    const { id } = await pastMeeting();
    const m = await meetingRecord(t.ctx.db, id);
    const base = { meetingId: id, version: m.version, date: m.date, term: m.term as 'autumn', format: m.format, notes: m.notes };
    const res = await updateMeeting(t.ctx, { ...base, submittedOn: '2026-09-15', notes: 'Agreed the spring dates.' });
    expect(res.record).toMatchObject({ submittedOn: '2026-09-15', notes: 'Agreed the spring dates.' });
    await expectRefused(t, () => updateMeeting(t.ctx, { ...base, version: res.record.version, submittedOn: null, date: '2028-01-10' }), 'validation', /date: 2028-01-10 is outside the membership year/);
    await expectRefused(t, () => updateMeeting(t.ctx, { ...base, submittedOn: null }), 'conflict', /changed .* at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 20\d\d; reload to see (their|that) change\./);
    await expectRefused(t, () => updateMeeting(t.ctx, { ...base, version: res.record.version, submittedOn: '2026-12-01' }), 'validation', /submittedOn: .* is after today/);
    await undoLastChange(t.ctx);
    expect(await meetingRecord(t.ctx.db, id)).toEqual(m);
  });
});
