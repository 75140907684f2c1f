import { useState } from 'react';
import type { AssignmentRecord, RequestOf } from '@shared/contract';
import { bookReviewerSchema, replaceReviewerSchema } from '@shared/validation/reviewers';
import { useQueryOf } from '../data/queries';
import { useChange } from '../data/mutations';
import { RecordDialog } from '../components/forms/RecordDialog';
import { Field } from '../components/forms/Field';
import { validate } from '../components/forms/validate';
import { formatDate } from '../components/format';
import type { Saved } from '../components/forms/UndoNotice';
import { suggestReplacementSchools } from '@shared/domain/reviewer-commitment';

/**
 * A review's team: record each reviewer as attended or dropped out, replace one who dropped out
 * (schools of the hub with a shortfall first), or book another reviewer.
 */
export function ReviewTeamDialog({ reviewId, today, onSaved, onClose }: { reviewId: number; today: string; onSaved(r: Saved): void; onClose(): void }) {
  const loaded = useQueryOf('reviewTeam', { reviewId });
  const team = loaded.data ?? null;
  const save = useChange();
  const { busy } = save;
  const error = save.error ?? loaded.error?.message ?? null;
  const [replacing, setReplacing] = useState<AssignmentRecord | null>(null);
  const [booking, setBooking] = useState(false);
  const [schoolId, setSchoolId] = useState(0);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [touched, setTouched] = useState(false);

  /** One change to the team; the team is read again before the form closes. */
  async function act(change: Promise<Saved | undefined>) {
    const r = await change;
    if (!r) return;
    onSaved(r);
    setReplacing(null);
    setBooking(false);
    setName('');
    setRole('');
    setSchoolId(0);
    setTouched(false);
  }

  const formOpen = replacing !== null || booking;
  const request = replacing
    ? { assignmentId: replacing.id, version: replacing.version, homeSchoolId: schoolId, reviewerName: name, reviewerRole: role || null }
    : { reviewId, homeSchoolId: schoolId, reviewerName: name, reviewerRole: role || null };
  const messages = formOpen ? { ...validate(replacing ? replaceReviewerSchema : bookReviewerSchema, request), ...save.fieldErrors } : {};
  if (formOpen && !schoolId) messages.homeSchoolId = 'choose the school the reviewer comes from';

  function submit() {
    setTouched(true);
    if (!formOpen || Object.keys(messages).length) return;
    if (replacing) void act(save.run('replaceReviewer', request as RequestOf<'replaceReviewer'>));
    else void act(save.run('bookReviewer', request as RequestOf<'bookReviewer'>));
  }

  const r = team?.review;
  const started = r ? r.startDate <= today : false;
  const candidates = team?.candidates.map((c) => ({ ...c, sameSchool: replacing ? c.schoolId === replacing.homeSchoolId : false })) ?? [];
  const ordered = suggestReplacementSchools(candidates);

  return (
    <RecordDialog
      title={r ? `Review team: ${r.school}, ${formatDate(r.startDate)}` : 'Review team'}
      label="Review team"
      saveLabel={replacing ? 'Book replacement' : 'Book reviewer'}
      canSave={formOpen}
      busy={busy}
      error={error}
      wide
      onSave={submit}
      onCancel={() => (formOpen ? (setReplacing(null), setBooking(false), save.clearFieldErrors()) : onClose())}
    >
      {!team && !error ? <p aria-busy="true">Loading…</p> : null}
      {team && r ? (
        <>
          <p className="small muted">
            {r.hub ?? 'No hub'} · team of {r.teamSize} reviewers from other schools · {formatDate(r.startDate)} – {formatDate(r.endDate)}
          </p>
          {team.assignments.length === 0 ? <p className="empty-line">Nobody is booked onto this review yet.</p> : null}
          <ul className="team-list" aria-label="Reviewers">
            {team.assignments.map((a) => {
              const by = team.assignments.find((x) => x.id === a.replacedByAssignmentId);
              return (
                <li key={a.id} data-reviewer={a.reviewerName}>
                  <span>
                    <strong>{a.reviewerName}</strong> <span className="small muted">{a.homeSchool}{a.reviewerRole ? ` · ${a.reviewerRole}` : ''}</span>{' '}
                    <span className={`tag tag-rev-${a.status}`}>{a.status}</span>
                    {by ? <span className="small muted"> replaced by {by.reviewerName}</span> : null}
                  </span>
                  <span className="row-actions">
                    {a.status === 'booked' ? (
                      <>
                        <button type="button" disabled={busy || !started} title={started ? undefined : 'Attendance can be recorded from the first day of the review'} onClick={() => void act(save.run('setReviewerStatus', { assignmentId: a.id, version: a.version, status: 'attended' }))}>
                          Attended
                        </button>
                        <button type="button" disabled={busy} onClick={() => void act(save.run('setReviewerStatus', { assignmentId: a.id, version: a.version, status: 'dropped' }))} aria-label={`${a.reviewerName} dropped out`}>
                          Dropped out
                        </button>
                      </>
                    ) : null}
                    {a.status !== 'attended' && !by ? (
                      <button type="button" disabled={busy} onClick={() => { setReplacing(a); setBooking(false); setSchoolId(0); save.clearFieldErrors(); }} aria-label={`Replace ${a.reviewerName}`}>
                        Replace…
                      </button>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
          {!formOpen ? (
            <button type="button" onClick={() => { setBooking(true); save.clearFieldErrors(); }}>
              Book a reviewer…
            </button>
          ) : (
            <fieldset className="record-subform">
              <legend>{replacing ? `Replacement for ${replacing.reviewerName}` : 'Book a reviewer'}</legend>
              <div className="record-grid">
                <Field label="From school" message={touched ? messages.homeSchoolId : null} hint={replacing ? 'Schools of the hub with a shortfall first' : undefined}>
                  {(p) => (
                    <select {...p} autoFocus value={schoolId || ''} onChange={(e) => { setSchoolId(Number(e.target.value)); save.clearFieldErrors(); }}>
                      <option value="">Choose a school…</option>
                      {ordered.map((c) => (
                        <option key={c.schoolId} value={c.schoolId}>
                          {c.name}
                          {c.shortfall > 0 ? ` — shortfall ${c.shortfall}` : ' — commitment met or on track'}
                          {c.sameSchool ? ' (same school)' : ''}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Reviewer’s name" message={touched || name ? messages.reviewerName : null}>
                  {(p) => <input {...p} value={name} onChange={(e) => { setName(e.target.value); save.clearFieldErrors(); }} />}
                </Field>
                <Field label="Role" message={messages.reviewerRole}>
                  {(p) => <input {...p} value={role} placeholder="optional, e.g. Deputy head" onChange={(e) => setRole(e.target.value)} />}
                </Field>
              </div>
            </fieldset>
          )}
        </>
      ) : null}
    </RecordDialog>
  );
}
