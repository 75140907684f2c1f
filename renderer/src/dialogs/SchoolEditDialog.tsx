import type { RequestOf, SchoolRecord } from '@shared/contract';
import { schoolDateIssues, updateSchoolSchema } from '@shared/validation/schools';
import { PHASES } from '@shared/domain/vocabulary';
import { useQueryOf } from '../data/queries';
import { useChange } from '../data/mutations';
import { reloadOnConflict, useRecordEdits } from '../components/forms/useEdits';
import { RecordDialog } from '../components/forms/RecordDialog';
import { Field } from '../components/forms/Field';
import { validate } from '../components/forms/validate';
import type { Saved } from '../components/forms/UndoNotice';

type Values = Record<'urn' | 'name' | 'phase' | 'localAuthority' | 'trust' | 'headteacher' | 'headteacherSince' | 'email' | 'phone' | 'postcode', string>;

function valuesOf(r: SchoolRecord): Values {
  return { urn: r.urn, name: r.name, phase: r.phase ?? '', localAuthority: r.localAuthority ?? '', trust: r.trust ?? '', headteacher: r.headteacher ?? '', headteacherSince: r.headteacherSince ?? '', email: r.email ?? '', phone: r.phone ?? '', postcode: r.postcode ?? '' };
}

/** A school's details and contacts; a new headteacher gets the date they started (the training rule reads it). */
export function SchoolEditDialog({ schoolId, today, onSaved, onCancel }: { schoolId: number; today: string; onSaved(r: Saved): void; onCancel(): void }) {
  const loaded = useQueryOf('schoolRecord', { schoolId });
  const form = useRecordEdits<SchoolRecord, Values | null>(loaded.data ?? null, valuesOf, null);
  const { record: rec, values: v, set: setV } = form;
  const save = useChange();
  const request = rec && v
    ? {
        schoolId,
        version: rec.version,
        urn: v.urn,
        name: v.name,
        phase: v.phase || null,
        localAuthority: v.localAuthority || null,
        trust: v.trust || null,
        headteacher: v.headteacher || null,
        headteacherSince: v.headteacherSince || null,
        email: v.email || null,
        phone: v.phone || null,
        postcode: v.postcode || null,
      }
    : null;
  const messages = request ? { ...validate(updateSchoolSchema, request, schoolDateIssues(request, today)), ...save.fieldErrors } : {};
  const headChanged = rec !== null && v !== null && v.headteacher.trim() !== (rec.headteacher ?? '');
  const set = (k: keyof Values) => (e: { target: { value: string } }) => {
    if (!rec || !v) return;
    const next = { ...v, [k]: e.target.value };
    // A new headteacher: propose today as the date they started (the person can change it).
    if (k === 'headteacher' && e.target.value.trim() !== (rec.headteacher ?? '') && v.headteacherSince === (rec.headteacherSince ?? '')) next.headteacherSince = today;
    setV(next);
    save.clearFieldErrors();
  };
  async function submit() {
    if (!request || Object.keys(messages).length) return;
    const r = await save.run('updateSchool', request as RequestOf<'updateSchool'>);
    if (r) onSaved(r);
  }
  const text = (k: keyof Values, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} message={messages[k]}>
      {(p) => <input {...p} value={v?.[k] ?? ''} onChange={set(k)} {...extra} />}
    </Field>
  );
  return (
    <RecordDialog title={rec ? `Edit school: ${rec.name}` : 'Edit school'} label="Edit school" saveLabel="Save school" busy={save.busy} error={save.error ?? loaded.error?.message} onReload={reloadOnConflict(save, loaded.refetch, form.restart)} wide onSave={() => void submit()} onCancel={onCancel}>
      {!rec && !loaded.error ? <p aria-busy="true">Loading…</p> : null}
      {rec && v ? (
        <div className="record-grid">
          {text('name', 'Name', { autoFocus: true })}
          {text('urn', 'URN', { inputMode: 'numeric', maxLength: 6 })}
          <Field label="Phase" message={messages.phase}>
            {(p) => (
              <select {...p} value={v.phase} onChange={set('phase')}>
                <option value="">—</option>
                {PHASES.map((ph) => (
                  <option key={ph}>{ph}</option>
                ))}
              </select>
            )}
          </Field>
          {text('localAuthority', 'Local authority')}
          {text('trust', 'Trust')}
          {text('headteacher', 'Headteacher')}
          <Field label={headChanged ? 'New headteacher since' : 'Headteacher since'} message={messages.headteacherSince} hint={headChanged ? 'A new headteacher must attend reviewer training' : undefined}>
            {(p) => <input {...p} type="date" value={v.headteacherSince} onChange={set('headteacherSince')} />}
          </Field>
          {text('email', 'Email', { type: 'email' })}
          {text('phone', 'Phone', { type: 'tel' })}
          {text('postcode', 'Postcode')}
        </div>
      ) : null}
    </RecordDialog>
  );
}
