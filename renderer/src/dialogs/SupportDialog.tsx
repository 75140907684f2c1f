import { useMemo, useState } from 'react';
import type { RequestOf, SupportRequestRecord } from '@shared/contract';
import { addSupportRequestSchema, SUPPORT_STATUSES, supportDateIssues, updateSupportRequestSchema, type SupportStatus } from '@shared/validation/support';
import { useQueryOf } from '../data/queries';
import { useChange } from '../data/mutations';
import { reloadOnConflict, useRecordEdits } from '../components/forms/useEdits';
import { RecordDialog } from '../components/forms/RecordDialog';
import { Field } from '../components/forms/Field';
import { validate } from '../components/forms/validate';
import type { Saved } from '../components/forms/UndoNotice';

/** One of the school's EBIs, to log a request on. */
export interface EbiChoice {
  id: number;
  year: string;
  text: string;
}

const OUTSIDE = 'outside';
const NOBODY = '';

/** What the person sets of a request: "to" is a member school's id, OUTSIDE or NOBODY. */
type Values = { requestedOn: string; ebiPointId: number | null; area: string; status: SupportStatus; to: string; outside: string; notes: string };

function valuesOf(r: SupportRequestRecord): Values {
  return {
    requestedOn: r.requestedOn,
    ebiPointId: r.ebiPointId,
    area: r.area,
    status: r.status as SupportStatus,
    to: r.brokeredToSchoolId ? String(r.brokeredToSchoolId) : r.brokeredTo ? OUTSIDE : NOBODY,
    outside: r.brokeredTo ?? '',
    notes: r.notes ?? '',
  };
}

function short(text: string, n = 90): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/**
 * Log a school's request for support, or broker it and move its status on. The area is free text or
 * one of the school's EBIs (which fills the area); "brokered to" is a member school or someone outside
 * the network. For an EBI, the schools the explorer suggests (suggestSupport) come first.
 */
export function SupportDialog(props: {
  schoolId: number;
  school: string;
  year: string;
  today: string;
  ebis: EbiChoice[];
  /** The request to change, as the page has it now; absent to log a new one. */
  request?: SupportRequestRecord;
  /** Fetches the request again (offered after a save refused because it changed meanwhile). */
  reload?: () => Promise<unknown>;
  /** A new request that starts on one of the school's EBIs, brokered to a suggested school (from the explorer). */
  start?: { ebiPointId: number; brokeredToSchoolId: number };
  onSaved(r: Saved): void;
  onCancel(): void;
}) {
  const { today, start } = props;
  const form = useRecordEdits<SupportRequestRecord, Values>(props.request ?? null, valuesOf, {
    requestedOn: today,
    ebiPointId: start?.ebiPointId ?? null,
    area: props.ebis.find((e) => e.id === start?.ebiPointId)?.text ?? '',
    status: start ? 'brokered' : 'open',
    to: start ? String(start.brokeredToSchoolId) : NOBODY,
    outside: '',
    notes: '',
  });
  const { record: existing, values: v } = form;
  const { requestedOn, ebiPointId, area, status, to, outside, notes } = v;
  const [touched, setTouched] = useState(false);
  const save = useChange();
  const choicesQuery = useQueryOf('schoolChoices', { year: props.year });
  const choices = choicesQuery.data ?? null;
  // Suggestions only help: without them the member schools are still offered.
  const suggestedQuery = useQueryOf('suggestSupport', ebiPointId === null ? null : { pointId: ebiPointId, limit: 8 });
  const suggested = suggestedQuery.isPlaceholderData || suggestedQuery.error ? null : (suggestedQuery.data ?? null);

  const fields = {
    requestedOn,
    area,
    ebiPointId,
    brokeredToSchoolId: to !== NOBODY && to !== OUTSIDE ? Number(to) : null,
    brokeredTo: to === OUTSIDE ? outside : null,
    status,
    notes: notes || null,
  };
  const request = existing ? { requestId: existing.id, version: existing.version, ...fields } : { schoolId: props.schoolId, ...fields };
  const messages = {
    ...validate(existing ? updateSupportRequestSchema : addSupportRequestSchema, request, supportDateIssues(fields, today)),
    ...save.fieldErrors,
  };
  const show = (k: string, filled: boolean) => (touched || filled ? messages[k] : null);

  const members = useMemo(() => (choices ?? []).filter((c) => c.hub !== null && c.id !== props.schoolId).sort((a, b) => a.name.localeCompare(b.name)), [choices, props.schoolId]);
  const suggestions = (suggested?.suggestions ?? []).filter((s) => s.schoolId !== props.schoolId);
  const suggestedIds = new Set(suggestions.map((s) => s.schoolId));

  function change(edit: Partial<Values>) {
    form.set({ ...v, ...edit });
    save.reset();
  }
  function chooseTo(value: string) {
    // Naming who it went to brokers an open request.
    change({ to: value, ...(value !== NOBODY && status === 'open' ? { status: 'brokered' as const } : {}) });
  }

  async function submit() {
    setTouched(true);
    if (Object.keys(messages).length) return;
    const r = existing ? await save.run('updateSupportRequest', request as RequestOf<'updateSupportRequest'>) : await save.run('addSupportRequest', request as RequestOf<'addSupportRequest'>);
    if (r) props.onSaved(r);
  }

  return (
    <RecordDialog
      title={existing ? `Support request: ${props.school}` : `Log a support request: ${props.school}`}
      label={existing ? 'Support request' : 'Log a support request'}
      saveLabel={existing ? 'Save request' : 'Log request'}
      busy={save.busy}
      error={save.error ?? choicesQuery.error?.message}
      onReload={props.reload ? reloadOnConflict(save, props.reload, form.restart) : undefined}
      wide
      onSave={() => void submit()}
      onCancel={props.onCancel}
    >
      <div className="record-grid">
        <Field label="Requested on" message={messages.requestedOn}>
          {(p) => <input {...p} type="date" value={requestedOn} autoFocus onChange={(e) => change({ requestedOn: e.target.value })} />}
        </Field>
        <Field label="About" hint={props.ebis.length === 0 ? 'No EBIs recorded for this school' : 'An EBI fills the area'} message={messages.ebiPointId}>
          {(p) => (
            <select
              {...p}
              value={ebiPointId === null ? '' : String(ebiPointId)}
              onChange={(e) => {
                const id = e.target.value === '' ? null : Number(e.target.value);
                const ebi = props.ebis.find((x) => x.id === id);
                change({ ebiPointId: id, ...(ebi ? { area: ebi.text } : {}) });
              }}
            >
              <option value="">An area of its own (type it below)</option>
              {props.ebis.map((x) => (
                <option key={x.id} value={x.id}>
                  EBI {x.year}: {short(x.text, 70)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status" message={messages.status}>
          {(p) => (
            <select {...p} value={status} onChange={(e) => change({ status: e.target.value as SupportStatus })}>
              {SUPPORT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s[0]!.toUpperCase() + s.slice(1)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Area of support" message={show('area', area !== '')}>
        {(p) => <input {...p} value={area} placeholder="e.g. Adaptive teaching for pupils with SEND" onChange={(e) => change({ area: e.target.value })} />}
      </Field>
      <div className="record-grid support-broker">
        <Field label="Brokered to" message={show('brokeredToSchoolId', to !== NOBODY)}>
          {(p) => (
            <select {...p} value={to} onChange={(e) => chooseTo(e.target.value)} disabled={choices === null}>
              <option value={NOBODY}>Not brokered yet</option>
              <option value={OUTSIDE}>Someone outside the network…</option>
              {suggestions.length > 0 ? (
                <optgroup label="Suggested for this EBI">
                  {suggestions.map((s) => (
                    <option key={`s-${s.schoolId}`} value={s.schoolId}>
                      {s.school}
                      {s.hub ? ` (${s.hub})` : ''}
                      {s.accreditedAoe ? ` · accredited AoE` : ''}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              <optgroup label={`Member schools ${props.year}`}>
                {members
                  .filter((c) => !suggestedIds.has(c.id))
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.hub})
                    </option>
                  ))}
                {/* A school brokered to earlier that is no longer a member stays choosable. */}
                {existing?.brokeredToSchoolId && !members.some((c) => c.id === existing.brokeredToSchoolId) && !suggestedIds.has(existing.brokeredToSchoolId) ? (
                  <option value={existing.brokeredToSchoolId}>{existing.brokeredToSchool}</option>
                ) : null}
              </optgroup>
            </select>
          )}
        </Field>
        {to === OUTSIDE ? (
          <Field label="Who, outside the network" message={messages.brokeredTo}>
            {(p) => <input {...p} value={outside} placeholder="e.g. Local authority SEND advisory service" onChange={(e) => change({ outside: e.target.value })} />}
          </Field>
        ) : null}
      </div>
      {ebiPointId !== null ? (
        <section className="support-suggestions" aria-label="Suggested schools">
          {suggested === null ? (
            <p className="small muted">Looking for schools whose Area of Excellence or WWWs match this EBI…</p>
          ) : suggestions.length === 0 ? (
            <p className="small muted">No school’s Area of Excellence or WWWs match this EBI’s key terms: choose a school or someone outside.</p>
          ) : (
            <>
              <p className="small muted">Schools whose accredited Area of Excellence or WWWs match this EBI ({suggested.terms.join(', ')}):</p>
              <ul>
                {suggestions.slice(0, 4).map((s) => (
                  <li key={s.schoolId}>
                    <button type="button" className="link-button" onClick={() => chooseTo(String(s.schoolId))}>
                      {s.school}
                    </button>{' '}
                    <span className="small muted">
                      {s.hub ?? 'not a member this year'}
                      {s.accreditedAoe ? ` · accredited AoE “${s.accreditedAoe.text}”` : s.matches[0] ? ` · ${s.matches[0].kind.toUpperCase()} “${short(s.matches[0].text, 70)}”` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
      <Field label="Notes" message={messages.notes}>
        {(p) => <textarea {...p} rows={3} value={notes} placeholder="optional" onChange={(e) => change({ notes: e.target.value })} />}
      </Field>
    </RecordDialog>
  );
}
