import { useEffect, useMemo, useState } from 'react';
import type { SchoolRecord } from '@shared/contract';
import { schoolDateIssues, updateSchoolSchema } from '@shared/validation/schools';
import { PHASES } from '@shared/domain/vocabulary';
import { useRecordSave } from '../../components/forms/useRecordSave';
import { RecordDialog } from '../../components/forms/RecordDialog';
import { Field } from '../../components/forms/Field';
import { validate } from '../../components/forms/validate';

type Saved = { auditId: number; summary: string };
type Values = Record<'urn' | 'name' | 'phase' | 'localAuthority' | 'trust' | 'headteacher' | 'headteacherSince' | 'email' | 'phone' | 'postcode', string>;

const EMPTY: Values = { urn: '', name: '', phase: '', localAuthority: '', trust: '', headteacher: '', headteacherSince: '', email: '', phone: '', postcode: '' };

/** A school's details and contacts; a new headteacher gets the date they started (the training rule reads it). */
export function SchoolEditDialog({ schoolId, today, onSaved, onCancel }: { schoolId: number; today: string; onSaved(r: Saved): void; onCancel(): void }) {
  const [rec, setRec] = useState<SchoolRecord | null>(null);
  const [v, setV] = useState<Values>(EMPTY);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, server, setServer, saveRecord } = useRecordSave();
  useEffect(() => {
    window.api.schoolRecord({ schoolId }).then(
      (r) => {
        setRec(r);
        setV({ urn: r.urn, name: r.name, phase: r.phase ?? '', localAuthority: r.localAuthority ?? '', trust: r.trust ?? '', headteacher: r.headteacher ?? '', headteacherSince: r.headteacherSince ?? '', email: r.email ?? '', phone: r.phone ?? '', postcode: r.postcode ?? '' });
      },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [schoolId]);
  const request = rec
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
  const messages = useMemo(
    () => (request ? { ...validate(updateSchoolSchema, request, schoolDateIssues(request, today)), ...server } : {}),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(request), today, server],
  );
  const headChanged = rec !== null && v.headteacher.trim() !== (rec.headteacher ?? '');
  const set = (k: keyof Values) => (e: { target: { value: string } }) => {
    const next = { ...v, [k]: e.target.value };
    // A new headteacher: propose today as the date they started (the person can change it).
    if (k === 'headteacher' && rec && e.target.value.trim() !== (rec.headteacher ?? '') && v.headteacherSince === (rec.headteacherSince ?? '')) next.headteacherSince = today;
    setV(next);
    setServer({});
  };
  async function save() {
    if (!request || Object.keys(messages).length) return;
    await saveRecord(async () => {
      onSaved(await window.api.updateSchool(request as Parameters<typeof window.api.updateSchool>[0]));
    });
  }
  const text = (k: keyof Values, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} message={messages[k]}>
      {(p) => <input {...p} value={v[k]} onChange={set(k)} {...extra} />}
    </Field>
  );
  return (
    <RecordDialog title={rec ? `Edit school: ${rec.name}` : 'Edit school'} label="Edit school" saveLabel="Save school" busy={busy} error={error ?? loadError} wide onSave={() => void save()} onCancel={onCancel}>
      {!rec && !loadError ? <p aria-busy="true">Loading…</p> : null}
      {rec ? (
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
            {(p) => <input {...p} type="date" max={today} value={v.headteacherSince} onChange={set('headteacherSince')} />}
          </Field>
          {text('email', 'Email', { type: 'email' })}
          {text('phone', 'Phone', { type: 'tel' })}
          {text('postcode', 'Postcode')}
        </div>
      ) : null}
    </RecordDialog>
  );
}
