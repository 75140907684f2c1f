import { useState } from 'react';
import type { MeetingRecord, RequestOf } from '@shared/contract';
import { addMeetingSchema, meetingAttendanceSchema, updateMeetingSchema } from '@shared/validation/meetings';
import { notAfterToday } from '@shared/validation/common';
import { TERMS } from '@shared/domain/vocabulary';
import { useQueryOf } from '../data/queries';
import { useChange } from '../data/mutations';
import { reloadOnConflict, useRecordEdits } from '../components/forms/useEdits';
import { RecordDialog } from '../components/forms/RecordDialog';
import { Field } from '../components/forms/Field';
import { validate } from '../components/forms/validate';
import { formatDate } from '../components/format';
import type { Saved } from '../components/forms/UndoNotice';
import { TableHead } from '../components/TableHead';


type Attendance = { schoolId: number; school: string; attended: boolean; representative: string }[];

function attendanceOf(m: MeetingRecord): Attendance {
  return m.attendance.map((a) => ({ schoolId: a.schoolId, school: a.school, attended: a.attended ?? false, representative: a.representative ?? '' }));
}

function meetingValuesOf(m: MeetingRecord) {
  return { date: m.date, term: m.term, format: m.format ?? '', notes: m.notes ?? '', submittedOn: m.submittedOn ?? '' };
}

type OnText = (e: { target: { value: string } }) => void;

/** A meeting's date, term and format: the fields both meeting forms start with. */
function MeetingWhen({ v, set, messages, dateMessage }: { v: { date: string; term: string; format: string }; set(k: 'date' | 'term' | 'format'): OnText; messages: Record<string, string>; dateMessage: string | null | undefined }) {
  return (
    <>
      <Field label="Date" message={dateMessage}>{(p) => <input {...p} type="date" value={v.date} onChange={set('date')} autoFocus />}</Field>
      <Field label="Term" message={messages.term}>
        {(p) => (
          <select {...p} value={v.term} onChange={set('term')}>
            {TERMS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Format" message={messages.format}>{(p) => <input {...p} value={v.format} placeholder="in person, online…" onChange={set('format')} />}</Field>
    </>
  );
}

/** Tick the schools that attended (and who represented them); Enter saves. */
export function AttendanceDialog({ meetingId, onSaved, onCancel }: { meetingId: number; onSaved(r: Saved): void; onCancel(): void }) {
  const loaded = useQueryOf('meetingRecord', { meetingId });
  const form = useRecordEdits<MeetingRecord, Attendance>(loaded.data ?? null, attendanceOf, []);
  const { record: m, values: rows, set: setRows } = form;
  const loadError = loaded.error?.message ?? null;
  const save = useChange();
  const request = m ? { meetingId, version: m.attendanceVersion, schools: rows.map((r) => ({ schoolId: r.schoolId, attended: r.attended, representative: r.representative || null })) } : null;
  const messages = request ? validate(meetingAttendanceSchema, request) : {};

  async function submit() {
    if (!request || Object.keys(messages).length) return;
    const r = await save.run('recordAttendance', request);
    if (r) onSaved(r);
  }
  const attended = rows.filter((r) => r.attended).length;
  return (
    <RecordDialog title={m ? `Attendance: ${m.hub}, ${formatDate(m.date)}` : 'Attendance'} label="Meeting attendance" saveLabel="Save attendance" busy={save.busy} error={save.error ?? loadError} onReload={reloadOnConflict(save, loaded.refetch, form.restart)} wide onSave={() => void submit()} onCancel={onCancel}>
      {!m && !loadError ? <p aria-busy="true">Loading…</p> : null}
      {m ? (
        <>
          <p className="small muted">
            {attended} of {rows.length} schools attended · tick a school, Space toggles
          </p>
          <table className="data-table compact attendance-table" aria-label="Attendance by school">
            <TableHead columns={['Attended', 'School', 'Representative']} />
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.schoolId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${r.school} attended`}
                      checked={r.attended}
                      autoFocus={i === 0}
                      onChange={(e) => setRows(rows.map((x) => (x.schoolId === r.schoolId ? { ...x, attended: e.target.checked } : x)))}
                    />
                  </td>
                  <td>{r.school}</td>
                  <td>
                    <input
                      aria-label={`${r.school} representative`}
                      value={r.representative}
                      placeholder="optional"
                      onChange={(e) => setRows(rows.map((x) => (x.schoolId === r.schoolId ? { ...x, representative: e.target.value } : x)))}
                    />
                    {messages[`schools.${i}.representative`] ? <span className="field-message">{messages[`schools.${i}.representative`]}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </RecordDialog>
  );
}

/** A meeting's date, term, format, notes and the date its dates were submitted (the release condition). */
export function MeetingEditDialog({ meetingId, today, onSaved, onCancel }: { meetingId: number; today: string; onSaved(r: Saved): void; onCancel(): void }) {
  const loaded = useQueryOf('meetingRecord', { meetingId });
  const form = useRecordEdits(loaded.data ?? null, meetingValuesOf, { date: '', term: 'autumn', format: '', notes: '', submittedOn: '' });
  const { record: m, values: v, set: setV } = form;
  const loadError = loaded.error?.message ?? null;
  const save = useChange();
  const request = m ? { meetingId, version: m.version, date: v.date, term: v.term, format: v.format || null, notes: v.notes || null, submittedOn: v.submittedOn || null } : null;
  const future = request ? notAfterToday(request.submittedOn, today, 'the submitted date') : null;
  const messages = request ? { ...validate(updateMeetingSchema, request, future ? [{ path: 'submittedOn', message: future }] : []), ...save.fieldErrors } : {};
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => {
    setV({ ...v, [k]: e.target.value });
    save.clearFieldErrors();
  };
  async function submit() {
    if (!request || Object.keys(messages).length) return;
    const r = await save.run('updateMeeting', request as RequestOf<'updateMeeting'>);
    if (r) onSaved(r);
  }
  return (
    <RecordDialog title={m ? `Meeting: ${m.hub}` : 'Meeting'} saveLabel="Save meeting" busy={save.busy} error={save.error ?? loadError} onReload={reloadOnConflict(save, loaded.refetch, form.restart)} onSave={() => void submit()} onCancel={onCancel}>
      {m ? (
        <div className="record-grid">
          <MeetingWhen v={v} set={set} messages={messages} dateMessage={messages.date} />
          <Field label="Dates submitted on" message={messages.submittedOn} hint="Submitting the year’s meeting dates is a release condition">
            {(p) => <input {...p} type="date" value={v.submittedOn} onChange={set('submittedOn')} />}
          </Field>
          <Field label="Notes" message={messages.notes}>{(p) => <textarea {...p} rows={4} value={v.notes} onChange={set('notes')} onKeyDown={(e) => e.key === 'Enter' && e.stopPropagation()} />}</Field>
        </div>
      ) : !loadError ? (
        <p aria-busy="true">Loading…</p>
      ) : null}
    </RecordDialog>
  );
}

/** A new meeting date for the hub's year. */
export function AddMeetingDialog({ hubId, year, onSaved, onCancel }: { hubId: number; year: string; onSaved(r: Saved): void; onCancel(): void }) {
  const [v, setV] = useState({ date: '', term: 'autumn', format: '' });
  const save = useChange();
  const [touched, setTouched] = useState(false);
  const request = { hubId, year, date: v.date, term: v.term, format: v.format || null };
  const messages = { ...validate(addMeetingSchema, request), ...save.fieldErrors };
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => {
    setV({ ...v, [k]: e.target.value });
    save.clearFieldErrors();
  };
  async function submit() {
    setTouched(true);
    if (Object.keys(messages).length) return;
    const r = await save.run('addMeeting', request as RequestOf<'addMeeting'>);
    if (r) onSaved(r);
  }
  return (
    <RecordDialog title={`Add a meeting date (${year})`} saveLabel="Add meeting" busy={save.busy} error={save.error} onSave={() => void submit()} onCancel={onCancel}>
      <div className="record-grid">
        <MeetingWhen v={v} set={set} messages={messages} dateMessage={touched || v.date ? messages.date : null} />
      </div>
    </RecordDialog>
  );
}
