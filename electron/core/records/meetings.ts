import type { ParsedRequestOf } from '@shared/contract';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { notAfterToday } from '@shared/validation/common';
import type { MeetingRecord, RecordsChange } from '@shared/contract/records';
import { applyChange, loadRow, type ChangeSet } from '../changes/change-set';
import { assertVersion, staleRecord } from '../changes/stale';
import { versionOf } from '../changes/version';
import { refusal } from './refusals';

type Db = Kysely<Database> | Transaction<Database>;

async function attendanceRows(db: Db, meetingId: number) {
  return db.selectFrom('meeting_attendance').where('meeting_id', '=', meetingId).selectAll().orderBy('school_id').execute();
}

export async function meetingRecord(db: Db, meetingId: number): Promise<MeetingRecord> {
  const raw = await loadRow(db, 'hub_meetings', { id: meetingId });
  if (!raw) throw new HubdeskError('not_found', `There is no hub meeting with id ${meetingId}.`);
  const m = await db
    .selectFrom('hub_meetings')
    .innerJoin('hubs', 'hubs.id', 'hub_meetings.hub_id')
    .innerJoin('membership_years', 'membership_years.id', 'hub_meetings.year_id')
    .where('hub_meetings.id', '=', meetingId)
    .selectAll('hub_meetings')
    .select(['hubs.name as hub', 'membership_years.label as year'])
    .executeTakeFirstOrThrow();
  const schools = await db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .where('memberships.hub_id', '=', m.hub_id)
    .where('memberships.year_id', '=', m.year_id)
    .select(['schools.id', 'schools.name'])
    .orderBy('schools.name')
    .execute();
  const att = await attendanceRows(db, meetingId);
  const bySchool = new Map(att.map((a) => [a.school_id, a]));
  // Schools recorded at the meeting but no longer in the hub still show (their record is kept).
  const extra = att.filter((a) => !schools.some((s) => s.id === a.school_id));
  const extraNames = extra.length ? await db.selectFrom('schools').where('id', 'in', extra.map((a) => a.school_id)).select(['id', 'name']).execute() : [];
  return {
    id: m.id,
    hubId: m.hub_id,
    hub: m.hub,
    year: m.year,
    date: m.meeting_date,
    term: m.term,
    format: m.format,
    submittedOn: m.submitted_on,
    notes: m.notes,
    version: versionOf(raw),
    attendance: [...schools, ...extraNames].map((s) => {
      const a = bySchool.get(s.id);
      return { schoolId: s.id, school: s.name, attended: a ? a.attended === 1 : null, representative: a?.representative ?? null };
    }),
    attendanceVersion: versionOf({ rows: att }),
  };
}

export async function updateMeeting(ctx: CoreContext, input: ParsedRequestOf<'updateMeeting'>): Promise<RecordsChange<MeetingRecord>> {
  const submitted = notAfterToday(input.submittedOn, ctx.today(), 'the date the meeting dates were submitted');
  if (submitted) throw refusal([{ path: 'submittedOn', message: submitted }]);
  const res = await applyChange(ctx, 'meeting.update', { entity: 'hub_meetings', id: input.meetingId }, async (w) => {
    const row = await loadRow(w.trx, 'hub_meetings', { id: input.meetingId });
    if (!row) throw new HubdeskError('not_found', `There is no hub meeting with id ${input.meetingId}.`);
    const current = await meetingRecord(w.trx, input.meetingId);
    await assertVersion(w.trx, ctx.user, 'hub_meetings', row, input.version, `${current.hub}'s meeting of ${current.date}`);
    const year = await w.trx.selectFrom('membership_years').where('id', '=', row.year_id).select(['label', 'start_date', 'end_date']).executeTakeFirstOrThrow();
    if (input.date < year.start_date || input.date > year.end_date) {
      throw refusal([{ path: 'date', message: `${input.date} is outside the membership year ${year.label} (${year.start_date} to ${year.end_date})` }]);
    }
    const patch = { meeting_date: input.date, term: input.term, format: input.format, notes: input.notes, submitted_on: input.submittedOn };
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => (patch[k] ?? null) !== (row[k] ?? null));
    if (changed.length === 0) throw refusal([{ path: '', message: 'nothing to change: the meeting already holds these details' }]);
    await w.update('hub_meetings', { id: input.meetingId }, patch, row);
    const words = changed.map((k) => (k === 'submitted_on' ? (input.submittedOn ? `dates submitted ${input.submittedOn}` : 'submitted date cleared') : k.replace('meeting_', '')));
    return { value: await meetingRecord(w.trx, input.meetingId), summary: `${current.hub} meeting of ${current.date}: ${words.join(', ')}` };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

async function writeAttendance(w: ChangeSet, meetingId: number, s: { schoolId: number; attended: boolean; representative?: string | null }) {
  const key = { meeting_id: meetingId, school_id: s.schoolId };
  const existing = await loadRow(w.trx, 'meeting_attendance', key);
  const values = { attended: s.attended ? 1 : 0, representative: s.representative ?? null };
  if (!existing) await w.insert('meeting_attendance', { ...key, ...values });
  else if (existing.attended !== values.attended || (existing.representative ?? null) !== values.representative) await w.update('meeting_attendance', key, values, existing);
}

export async function recordAttendance(ctx: CoreContext, input: ParsedRequestOf<'recordAttendance'>): Promise<RecordsChange<MeetingRecord>> {
  const res = await applyChange(ctx, 'meeting.attendance', { entity: 'hub_meetings', id: input.meetingId }, async (w) => {
    const current = await meetingRecord(w.trx, input.meetingId);
    if (current.attendanceVersion !== input.version) {
      throw await staleRecord(w.trx, ctx.user, { table: 'hub_meetings', key: [input.meetingId] }, `the attendance of ${current.hub}'s meeting of ${current.date}`);
    }
    if (current.date > ctx.today()) throw refusal([{ path: 'meetingId', message: `the meeting is on ${current.date}: attendance can be recorded from that day` }]);
    const known = new Set(current.attendance.map((a) => a.schoolId));
    input.schools.forEach((s, i) => {
      if (!known.has(s.schoolId)) throw refusal([{ path: `schools.${i}.schoolId`, message: `school ${s.schoolId} is not in ${current.hub} in ${current.year}` }]);
    });
    for (const s of input.schools) await writeAttendance(w, input.meetingId, s);
    if (!w.changed()) throw refusal([{ path: '', message: 'nothing to change: the attendance is already recorded like this' }]);
    const record = await meetingRecord(w.trx, input.meetingId);
    const attended = record.attendance.filter((a) => a.attended === true).length;
    return { value: record, summary: `${current.hub} meeting of ${current.date}: attendance recorded (${attended} of ${record.attendance.length} schools attended)` };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

/** Adds a meeting date to a hub's year (dates within the year; not twice on the same day). */
export async function addMeeting(ctx: CoreContext, input: ParsedRequestOf<'addMeeting'>): Promise<RecordsChange<MeetingRecord>> {
  const res = await applyChange(ctx, 'meeting.add', { entity: 'hub_meetings' }, async (w) => {
    const hub = await w.trx.selectFrom('hubs').where('id', '=', input.hubId).select(['id', 'name']).executeTakeFirst();
    if (!hub) throw refusal([{ path: 'hubId', message: `there is no hub with id ${input.hubId}` }]);
    const year = await w.trx.selectFrom('membership_years').where('label', '=', input.year).selectAll().executeTakeFirst();
    if (!year) throw refusal([{ path: 'year', message: `there is no membership year ${input.year}` }]);
    if (input.date < year.start_date || input.date > year.end_date) {
      throw refusal([{ path: 'date', message: `${input.date} is outside the membership year ${year.label} (${year.start_date} to ${year.end_date})` }]);
    }
    const same = await w.trx.selectFrom('hub_meetings').where('hub_id', '=', hub.id).where('meeting_date', '=', input.date).select('id').executeTakeFirst();
    if (same) throw refusal([{ path: 'date', message: `${hub.name} already has a meeting on ${input.date}` }]);
    const row = await w.insert('hub_meetings', { hub_id: hub.id, year_id: year.id, meeting_date: input.date, term: input.term, format: input.format, submitted_on: null, notes: null });
    return { value: await meetingRecord(w.trx, row.id), summary: `${hub.name}: meeting added on ${input.date} (${input.term})`, entityId: row.id };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}
