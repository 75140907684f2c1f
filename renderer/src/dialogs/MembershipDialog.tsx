import { useMemo, useState } from 'react';
import type { MembershipForm } from '@shared/contract';
import { addMembershipSchema, membershipDateIssues, updateMembershipSchema } from '@shared/validation/memberships';
import { useQueryOf } from '../data/queries';
import { useChange } from '../data/mutations';
import { reloadOnConflict, useRecordEdits } from '../components/forms/useEdits';
import { useSettled } from '../components/forms/useSettled';
import { RecordDialog } from '../components/forms/RecordDialog';
import { Field } from '../components/forms/Field';
import { FundingEffectView } from '../components/forms/FundingEffectView';
import { validate } from '../components/forms/validate';
import type { Saved } from '../components/forms/UndoNotice';
import { formatDate } from '../components/format';

export type MembershipMode = 'add' | 'move' | 'leaving' | 'fee';

const TITLES: Record<MembershipMode, string> = { add: 'Add a school to the hub', move: 'Move to another hub', leaving: 'Mark as leaving', fee: 'Membership fee' };

/** What the person changes of a membership: the hub it moves to (0: none chosen yet) and the fee dates. */
type Values = { toHubId: number; invoiced: string; paid: string; clearPaid: boolean };

const NO_VALUES: Values = { toHubId: 0, invoiced: '', paid: '', clearPaid: false };

function valuesOf(f: MembershipForm, mode: MembershipMode, today: string): Values {
  return { toHubId: 0, invoiced: f.membership?.feeInvoicedOn ?? '', paid: f.membership?.feePaidOn ?? (mode === 'fee' ? today : ''), clearPaid: false };
}

/** Add, move, mark leaving or record the fee — with each hub's funding before → after shown before saving. */
export function MembershipDialog(props: {
  mode: MembershipMode;
  hubId: number;
  year: string;
  today: string;
  schoolId?: number;
  onSaved(saved: Saved): void;
  onCancel(): void;
}) {
  const { mode, hubId, year, today } = props;
  const choicesQuery = useQueryOf('schoolChoices', mode === 'add' ? { year } : null);
  const formQuery = useQueryOf('membershipForm', mode !== 'add' && props.schoolId ? { schoolId: props.schoolId, year } : null);
  const choices = choicesQuery.data ?? null;
  const edits = useRecordEdits<MembershipForm, Values>(formQuery.data ?? null, (f) => valuesOf(f, mode, today), NO_VALUES);
  const form = edits.record;
  const loadError = (choicesQuery.error ?? formQuery.error)?.message ?? null;
  const [schoolId, setSchoolId] = useState<number | null>(props.schoolId ?? null);
  const [schoolFilter, setSchoolFilter] = useState('');
  const [pupils, setPupils] = useState('');
  const [status, setStatus] = useState<'new' | 'renewing'>('new');
  const v = edits.values;
  const { toHubId, invoiced, paid, clearPaid } = v;
  const save = useChange();
  const [touched, setTouched] = useState(false);

  // Hubs for the move (from the membership form).
  const hubs = form?.hubs.filter((h) => h.id !== form.membership?.hubId) ?? [];
  const m = form?.membership ?? null;

  const request = useMemo(() => {
    if (mode === 'add') {
      return { kind: 'add' as const, change: { schoolId: schoolId ?? 0, hubId, year, pupils: pupils.trim() === '' ? Number.NaN : Number(pupils), status } };
    }
    if (!m) return null;
    const base = { membershipId: m.id, version: m.version };
    if (mode === 'move') return { kind: 'update' as const, change: { ...base, hubId: toHubId } };
    if (mode === 'leaving') return { kind: 'update' as const, change: { ...base, status: 'leaving' as const } };
    // A fee already paid is never paid again: its date stays, or is cleared to be recorded afresh.
    const feePaid = m.feePaidOn ? (clearPaid ? { feePaidOn: null } : {}) : { feePaidOn: paid || null };
    return { kind: 'update' as const, change: { ...base, feeInvoicedOn: invoiced || null, ...feePaid } };
  }, [mode, schoolId, hubId, year, pupils, status, m, toHubId, invoiced, paid, clearPaid]);

  const messages = useMemo(() => {
    if (!request) return {};
    const schema = request.kind === 'add' ? addMembershipSchema : updateMembershipSchema;
    const msgs = validate(schema, request.change, membershipDateIssues(request.change as { feeInvoicedOn?: string | null; feePaidOn?: string | null }, today));
    if (mode === 'add' && !schoolId) msgs.schoolId = 'choose a school';
    if (mode === 'move' && !toHubId) msgs.hubId = 'choose the hub it moves to';
    return { ...msgs, ...save.fieldErrors };
  }, [request, today, mode, schoolId, toHubId, save.fieldErrors]);
  const valid = Object.keys(messages).length === 0;

  // The funding preview, asked of the core once a valid change has stopped changing.
  const settled = useSettled(valid ? request : null, 200);
  const preview = useQueryOf('previewMembershipChange', valid ? settled : null);
  const effect = valid ? (preview.data ?? null) : null;

  async function submit() {
    setTouched(true);
    if (!request || !valid) return;
    const r = request.kind === 'add' ? await save.run('addMembership', request.change) : await save.run('updateMembership', request.change);
    if (r) props.onSaved(r);
  }
  const edited = () => save.clearFieldErrors();

  const show = (field: string) => (touched || field !== 'schoolId' ? messages[field] : null);
  const title = m ? `${TITLES[mode]}: ${m.school}` : TITLES[mode];
  const filtered = (choices ?? []).filter((c) => c.hub === null && `${c.name} ${c.urn}`.toLowerCase().includes(schoolFilter.toLowerCase())).slice(0, 200);

  return (
    <RecordDialog title={title} saveLabel={mode === 'add' ? 'Add school' : 'Save'} busy={save.busy} error={save.error ?? preview.error?.message ?? loadError} onReload={mode !== 'add' ? reloadOnConflict(save, formQuery.refetch, edits.restart) : undefined} wide onSave={() => void submit()} onCancel={props.onCancel} canSave={!loadError}>
      {mode !== 'add' && !form && !loadError ? <p aria-busy="true">Loading…</p> : null}
      {m ? (
        <p className="small muted">
          {m.hub} · {year} · {m.pupils} pupils · {m.status}
        </p>
      ) : null}
      {form && !m ? <p className="form-error">{form.school.name} is not a member in {year}.</p> : null}

      {mode === 'add' ? (
        <div className="record-grid">
          <Field label="School" message={touched ? messages.schoolId : null} hint="Schools that are not members this year">
            {(p) => (
              <>
                <input type="search" placeholder="Filter by name or URN…" aria-label="Filter schools" value={schoolFilter} onChange={(e) => setSchoolFilter(e.target.value)} autoFocus />
                <select
                  {...p}
                  size={6}
                  value={schoolId ?? ''}
                  onChange={(e) => {
                    const id = Number(e.target.value);
                    setSchoolId(id);
                    const c = choices?.find((x) => x.id === id);
                    if (c?.lastPupils != null && pupils === '') setPupils(String(c.lastPupils));
                    if (c?.lastPupils != null) setStatus('renewing');
                    edited();
                  }}
                >
                  {filtered.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.urn})
                    </option>
                  ))}
                </select>
              </>
            )}
          </Field>
          <Field label="Pupils" message={pupils === '' && !touched ? null : messages.pupils}>
            {(p) => <input {...p} inputMode="numeric" value={pupils} onChange={(e) => { setPupils(e.target.value); edited(); }} />}
          </Field>
          <Field label="Status" message={messages.status}>
            {(p) => (
              <select {...p} value={status} onChange={(e) => setStatus(e.target.value as 'new' | 'renewing')}>
                <option value="new">new</option>
                <option value="renewing">renewing</option>
              </select>
            )}
          </Field>
        </div>
      ) : null}

      {mode === 'move' && m ? (
        <Field label="Move to hub" message={show('hubId')}>
          {(p) => (
            <select {...p} autoFocus value={toHubId || ''} onChange={(e) => { edits.set({ ...v, toHubId: Number(e.target.value) }); edited(); }}>
              <option value="">Choose a hub…</option>
              {hubs.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      {mode === 'leaving' && m ? (
        <p>
          {m.school} will be recorded as <strong>leaving</strong> {m.hub} in {year}. It stays in this year’s roll (and its funding) until the year ends.
          {m.status === 'leaving' ? <span className="form-error"> It is already marked leaving.</span> : null}
        </p>
      ) : null}

      {mode === 'fee' && m ? (
        <div className="record-grid">
          <Field label="Fee invoiced on" message={messages.feeInvoicedOn}>
            {(p) => <input {...p} type="date" value={invoiced} onChange={(e) => { edits.set({ ...v, invoiced: e.target.value }); edited(); }} />}
          </Field>
          {m.feePaidOn ? (
            <Field label="Fee paid on" message={messages.feePaidOn} hint="Recorded as paid: a wrong date is cleared here, then recorded again">
              {(p) => (
                <label className="check">
                  <input {...p} type="checkbox" checked={clearPaid} onChange={(e) => { edits.set({ ...v, clearPaid: e.target.checked }); edited(); }} /> Paid on {formatDate(m.feePaidOn)}: clear this date
                </label>
              )}
            </Field>
          ) : (
            <Field label="Fee paid on" message={messages.feePaidOn}>
              {(p) => <input {...p} type="date" value={paid} onChange={(e) => { edits.set({ ...v, paid: e.target.value }); edited(); }} />}
            </Field>
          )}
        </div>
      ) : null}

      {messages[''] && touched ? <p className="field-message">{messages['']}</p> : null}
      <FundingEffectView effect={effect} loading={preview.isFetching} />
    </RecordDialog>
  );
}
