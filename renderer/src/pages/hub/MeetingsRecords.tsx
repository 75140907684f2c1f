import type { HubDashboard } from '@shared/contract';
import { formatDate } from '../../components/format';
import { usePanelDialogs } from '../../components/forms/UndoNotice';
import { AddMeetingDialog, AttendanceDialog, MeetingEditDialog } from '../../dialogs/MeetingDialogs';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';

/** The hub's meetings with the actions that keep them: record attendance, edit date, notes, submitted. */
export function MeetingsRecords({ d }: { d: HubDashboard }) {
  const { open, setOpen, close, saved, notice } = usePanelDialogs<{ kind: 'attendance' | 'edit' | 'add'; id: number }>();
  return (
    <section className="panel records-panel" aria-labelledby="meetings-records">
      <div className="panel-head">
        <h2 id="meetings-records">Hub meetings {d.year}: attendance and dates</h2>
        <button type="button" onClick={() => setOpen({ kind: 'add', id: 0 })}>
          Add meeting
        </button>
      </div>
      {notice}
      {d.meetings.length === 0 ? (
        <p className="empty-line">No meeting dates recorded for {d.year}.</p>
      ) : (
        <GridTable label="Meetings to keep">
          <TableHead columns={['Date', 'Term', 'Dates submitted', { num: 'Attended' }, { hidden: 'Actions' }]} />
          <tbody>
            {d.meetings.map((m) => (
              <tr key={m.id}>
                <td>{formatDate(m.date)}</td>
                <td>{m.term}</td>
                <td>{m.submittedOn ? formatDate(m.submittedOn) : <span className="warn-text">not submitted</span>}</td>
                <td className="num">{m.past ? `${m.attended} of ${m.recorded || d.schools.length}` : '—'}</td>
                <td className="row-actions">
                  <button type="button" disabled={!m.past} title={m.past ? undefined : 'Attendance can be recorded from the day of the meeting'} onClick={() => setOpen({ kind: 'attendance', id: m.id })} aria-label={`Attendance for ${formatDate(m.date)}`}>
                    Attendance
                  </button>
                  <button type="button" onClick={() => setOpen({ kind: 'edit', id: m.id })} aria-label={`Edit meeting of ${formatDate(m.date)}`}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      )}
      {open?.kind === 'attendance' ? <AttendanceDialog meetingId={open.id} onSaved={saved} onCancel={close} /> : null}
      {open?.kind === 'add' ? <AddMeetingDialog hubId={d.hub.id} year={d.year} onSaved={saved} onCancel={close} /> : null}
      {open?.kind === 'edit' ? <MeetingEditDialog meetingId={open.id} today={d.today} onSaved={saved} onCancel={close} /> : null}
    </section>
  );
}
