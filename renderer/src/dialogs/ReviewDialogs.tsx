import { useState } from 'react';
import type { RequestOf, ReviewRecord } from '@shared/contract';
import { reviewOutcomeIssues, scheduleReviewSchema, updateReviewSchema } from '@shared/validation/reviews';
import { QA_ESTIMATES, QA_HEADINGS } from '@shared/domain/vocabulary';
import { useQueryOf } from '../data/queries';
import { useChange } from '../data/mutations';
import { reloadOnConflict, useRecordEdits } from '../components/forms/useEdits';
import { RecordDialog } from '../components/forms/RecordDialog';
import { Field } from '../components/forms/Field';
import { validate } from '../components/forms/validate';
import { formatDate } from '../components/format';
import type { Saved } from '../components/forms/UndoNotice';

type Point = { heading: string | null; text: string };
type Outcome = Omit<ReviewRecord, 'id' | 'schoolId' | 'school' | 'year' | 'version'>;

function outcomeOf({ id: _i, schoolId: _s, school: _n, year: _y, version: _v, ...rest }: ReviewRecord): Outcome {
  return rest;
}

function Points({ kind, label, points, messages, onChange }: { kind: string; label: string; points: Point[]; messages: Record<string, string>; onChange(p: Point[]): void }) {
  return (
    <fieldset className="record-subform">
      <legend>{label}</legend>
      {points.length === 0 ? <p className="small muted">None recorded.</p> : null}
      {points.map((p, i) => (
        <div className="point-row" key={i}>
          <select aria-label={`${label} ${i + 1} heading`} value={p.heading ?? ''} onChange={(e) => onChange(points.map((x, j) => (j === i ? { ...x, heading: e.target.value || null } : x)))}>
            <option value="">No heading</option>
            {QA_HEADINGS.map((h) => (
              <option key={h.key} value={h.key}>
                {h.label}
              </option>
            ))}
          </select>
          <input aria-label={`${label} ${i + 1}`} value={p.text} aria-invalid={Boolean(messages[`${kind}.${i}.text`])} onChange={(e) => onChange(points.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} />
          <button type="button" aria-label={`Remove ${label} ${i + 1}`} onClick={() => onChange(points.filter((_, j) => j !== i))}>
            Remove
          </button>
          {messages[`${kind}.${i}.text`] ? <span className="field-message">{messages[`${kind}.${i}.text`]}</span> : null}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...points, { heading: null, text: '' }])}>
        Add {label === 'WWWs' ? 'a WWW' : 'an EBI'}
      </button>
    </fieldset>
  );
}

/** A review's dates, team lead and outcome: three estimates, WWWs, EBIs, the Area of Excellence. */
export function ReviewOutcomeDialog({ reviewId, today, onSaved, onCancel }: { reviewId: number; today: string; onSaved(r: Saved): void; onCancel(): void }) {
  const loaded = useQueryOf('reviewRecord', { reviewId });
  const form = useRecordEdits<ReviewRecord, Outcome | null>(loaded.data ?? null, outcomeOf, null);
  const { record: rec, values: v, set: setV } = form;
  const save = useChange();
  const request = rec && v ? { reviewId, version: rec.version, ...v, leadReviewer: v.leadReviewer || null, aoeTitle: v.aoeTitle || null, reportReceivedOn: v.reportReceivedOn || null } : null;
  const messages = request ? { ...validate(updateReviewSchema, request, reviewOutcomeIssues(request, today)), ...save.fieldErrors } : {};
  const patch = (p: Partial<Outcome>) => {
    if (v) setV({ ...v, ...p });
    save.clearFieldErrors();
  };
  async function submit() {
    if (!request || Object.keys(messages).length) return;
    const r = await save.run('updateReview', request as RequestOf<'updateReview'>);
    if (r) onSaved(r);
  }
  return (
    <RecordDialog title={rec ? `QA Review: ${rec.school}, ${formatDate(rec.startDate)}` : 'QA Review'} label="QA Review outcome" saveLabel="Save review" busy={save.busy} error={save.error ?? loaded.error?.message} onReload={reloadOnConflict(save, loaded.refetch, form.restart)} wide onSave={() => void submit()} onCancel={onCancel}>
      {!v && !loaded.error ? <p aria-busy="true">Loading…</p> : null}
      {v ? (
        <>
          <div className="record-grid">
            <Field label="Starts" message={messages.startDate}>{(p) => <input {...p} type="date" value={v.startDate} onChange={(e) => patch({ startDate: e.target.value })} autoFocus />}</Field>
            <Field label="Ends" message={messages.endDate}>{(p) => <input {...p} type="date" value={v.endDate} onChange={(e) => patch({ endDate: e.target.value })} />}</Field>
            <Field label="Lead reviewer" message={messages.leadReviewer}>{(p) => <input {...p} value={v.leadReviewer ?? ''} onChange={(e) => patch({ leadReviewer: e.target.value })} />}</Field>
            <Field label="Report received" message={messages.reportReceivedOn}>{(p) => <input {...p} type="date" value={v.reportReceivedOn ?? ''} onChange={(e) => patch({ reportReceivedOn: e.target.value })} />}</Field>
          </div>
          <div className="record-grid">
            {QA_HEADINGS.map((h) => (
              <Field key={h.key} label={h.label} message={messages[`estimates.${h.key}`] ?? (h.key === 'leadership' ? messages.estimates : undefined)}>
                {(p) => (
                  <select {...p} value={v.estimates[h.key] ?? ''} onChange={(e) => patch({ estimates: { ...v.estimates, [h.key]: e.target.value || null } })}>
                    <option value="">Not recorded</option>
                    {QA_ESTIMATES.map((q) => (
                      <option key={q}>{q}</option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>
          <Points kind="www" label="WWWs" points={v.www} messages={messages} onChange={(www) => patch({ www })} />
          <Points kind="ebi" label="EBIs" points={v.ebi} messages={messages} onChange={(ebi) => patch({ ebi })} />
          <div className="record-grid">
            <Field label="Area of Excellence" message={messages.aoeTitle}>{(p) => <input {...p} value={v.aoeTitle ?? ''} onChange={(e) => patch({ aoeTitle: e.target.value })} />}</Field>
            <Field label="Accredited" message={messages.aoeAccredited}>
              {(p) => <input {...p} type="checkbox" checked={v.aoeAccredited} onChange={(e) => patch({ aoeAccredited: e.target.checked })} />}
            </Field>
          </div>
        </>
      ) : null}
    </RecordDialog>
  );
}

/** Schedule the school's QA Review for a year. */
export function ScheduleReviewDialog({ schoolId, year, onSaved, onCancel }: { schoolId: number; year: string; onSaved(r: Saved): void; onCancel(): void }) {
  const [v, setV] = useState({ startDate: '', endDate: '', leadReviewer: '' });
  const save = useChange();
  const [touched, setTouched] = useState(false);
  const request = { schoolId, year, startDate: v.startDate, endDate: v.endDate, leadReviewer: v.leadReviewer || null };
  const messages = { ...validate(scheduleReviewSchema, request), ...save.fieldErrors };
  async function submit() {
    setTouched(true);
    if (Object.keys(messages).length) return;
    const r = await save.run('scheduleReview', request);
    if (r) onSaved(r);
  }
  const show = (k: string, value: string) => (touched || value ? messages[k] : null);
  return (
    <RecordDialog title={`Schedule the ${year} QA Review`} saveLabel="Schedule review" busy={save.busy} error={save.error} onSave={() => void submit()} onCancel={onCancel}>
      <div className="record-grid">
        <Field label="Starts" message={show('startDate', v.startDate)}>
          {(p) => (
            <input
              {...p}
              type="date"
              autoFocus
              value={v.startDate}
              onChange={(e) => {
                const start = e.target.value;
                // A review lasts three days: propose the end date.
                const end = start && !v.endDate ? new Date(Date.parse(`${start}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10) : v.endDate;
                setV({ ...v, startDate: start, endDate: end });
                save.clearFieldErrors();
              }}
            />
          )}
        </Field>
        <Field label="Ends" message={show('endDate', v.endDate)}>{(p) => <input {...p} type="date" value={v.endDate} onChange={(e) => { setV({ ...v, endDate: e.target.value }); save.clearFieldErrors(); }} />}</Field>
        <Field label="Lead reviewer" message={messages.leadReviewer}>{(p) => <input {...p} value={v.leadReviewer} placeholder="optional" onChange={(e) => setV({ ...v, leadReviewer: e.target.value })} />}</Field>
      </div>
    </RecordDialog>
  );
}
