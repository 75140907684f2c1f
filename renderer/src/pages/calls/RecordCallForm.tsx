import { useState } from 'react';
import type { CallPack, CallView } from '@shared/contract';
import { CALL_KINDS, CALL_KIND_LABELS, type ActionStatus, type CallKind } from '@shared/domain/calls';
import { recordCallSchema } from '@shared/validation/calls';
import { useChange } from '../../data/mutations';
import { Field } from '../../components/forms/Field';
import { FormError } from '../../components/forms/FormError';
import { PageForm } from '../../components/forms/PageForm';
import { validate } from '../../components/forms/validate';
import { notAfterToday } from '@shared/validation/common';
import { TableHead } from '../../components/TableHead';

interface ActionDraft {
  key: number;
  text: string;
  owner: string;
  dueOn: string;
  status: ActionStatus;
}

const FIELD_NAMES: Record<string, string> = { text: 'text', owner: 'owner', dueOn: 'due date', status: 'status', doneOn: 'done date', actionId: 'action' };

/** The core's message in the form's words: "recordCall: actions.0.text: …" → "Action 1, text: …". */
export function formMessage(message: string): string {
  return message
    .replace(/^recordCall: /, '')
    .replace(/^actions\.(\d+)\.(\w+):/, (_, n: string, f: string) => `Action ${Number(n) + 1}, ${FIELD_NAMES[f] ?? f}:`)
    .replace(/^actionUpdates\.(\d+)\.(\w+):/, (_, n: string, f: string) => `Earlier action ${Number(n) + 1}, ${FIELD_NAMES[f] ?? f}:`)
    .replace(/^heldOn:/, 'Held on:')
    .replace(/^attendees\.(\d+):/, (_, n: string) => `Attendee ${Number(n) + 1}:`);
}

/** The form's id: the pack's "Record a call" at the top jumps to it. */
export const RECORD_CALL_FORM = 'record-call';

let nextKey = 1;
const blankAction = (): ActionDraft => ({ key: nextKey++, text: '', owner: '', dueOn: '', status: 'open' });

/** Record a call as it is held: date, kind, who was on it, notes, the actions agreed, and what became of earlier actions. */
export function RecordCallForm({ pack: p, onRecorded }: { pack: CallPack; onRecorded(call: CallView): void }) {
  const [heldOn, setHeldOn] = useState(p.generatedOn);
  const [kind, setKind] = useState<CallKind>(p.callStatus.hub_manager.status === 'held' && p.callStatus.senior_partner.status !== 'held' ? 'senior_partner' : 'hub_manager');
  const people = [...p.hub.hubManagers.map((m) => m.name), ...(p.hub.seniorPartner ? [p.hub.seniorPartner] : []), ...(p.hub.membershipsManager ? [p.hub.membershipsManager] : [])];
  const [present, setPresent] = useState<Set<string>>(() => new Set(p.hub.membershipsManager ? [p.hub.membershipsManager] : []));
  const [others, setOthers] = useState('');
  const [notes, setNotes] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([blankAction()]);
  const [updates, setUpdates] = useState<Record<number, 'open' | 'done' | 'dropped'>>({});
  const act = useChange();
  const [tried, setTried] = useState(false);

  function setAction(key: number, change: Partial<ActionDraft>) {
    setActions((list) => list.map((a) => (a.key === key ? { ...a, ...change } : a)));
    act.clearFieldErrors();
  }

  const attendees = [...people.filter((n) => present.has(n)), ...others.split(',').map((s) => s.trim()).filter((s) => s !== '')];
  // An untouched blank row is not an action; anything typed is an action, and checked.
  const typed = actions.filter((a) => a.text.trim() !== '' || a.owner.trim() !== '' || a.dueOn !== '');
  const request = {
    hubId: p.hub.id,
    heldOn,
    kind,
    attendees,
    notes,
    actions: typed.map((a) => ({ text: a.text, ...(a.owner.trim() ? { owner: a.owner } : {}), ...(a.dueOn ? { dueOn: a.dueOn } : {}), status: a.status })),
    actionUpdates: Object.entries(updates)
      .filter(([, status]) => status !== 'open')
      .map(([id, status]) => ({ actionId: Number(id), status })),
  };
  const future = notAfterToday(heldOn, p.generatedOn, 'the day the call was held');
  const messages = { ...validate(recordCallSchema, request, future ? [{ path: 'heldOn', message: future }] : []), ...act.fieldErrors };
  const first = Object.entries(messages)[0];
  // A refused save says its first reason in the form's words, as the core would.
  const summary = act.error !== null ? formMessage(act.error) : tried && first ? formMessage(`${first[0]}: ${first[1]}`) : null;
  /** The message for action row i's field (rows the person left blank are not sent, so not checked). */
  const actionMessage = (draft: ActionDraft, field: string) => {
    const i = typed.indexOf(draft);
    return i < 0 ? undefined : messages[`actions.${i}.${field}`];
  };

  async function submit() {
    setTried(true);
    if (first) return;
    const recorded = await act.run('recordCall', request);
    if (recorded) {
      setNotes('');
      setActions([blankAction()]);
      setUpdates({});
      setTried(false);
      onRecorded(recorded);
    }
  }

  return (
    <PageForm label="Record a call" id={RECORD_CALL_FORM} className="panel record-call no-print" onSubmit={submit}>
      <h2 id="record-call-heading">Record a call</h2>
      <div className="call-form-row">
        <Field label="Held on" message={messages.heldOn}>
          {(f) => <input {...f} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}
        </Field>
        <Field label="Call with" message={messages.kind}>
          {(f) => (
            <select {...f} value={kind} onChange={(e) => setKind(e.target.value as CallKind)}>
              {CALL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {CALL_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="call-attendees">
        <legend>Attendees</legend>
        {people.map((name) => (
          <label key={name} className="inline-check">
            <input
              type="checkbox"
              checked={present.has(name)}
              onChange={(e) =>
                setPresent((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(name);
                  else next.delete(name);
                  return next;
                })
              }
            />
            {name}
          </label>
        ))}
        <Field label="Others (comma separated)" message={Object.entries(messages).find(([k]) => k.startsWith('attendees'))?.[1]}>
          {(f) => <input {...f} value={others} onChange={(e) => setOthers(e.target.value)} placeholder="e.g. Deputy head, Lymm High School" />}
        </Field>
      </fieldset>
      <Field label="Notes" message={messages.notes} wide>
        {(f) => <textarea {...f} rows={5} value={notes} onChange={(e) => setNotes(e.target.value)} placeholder="Temperature check, QA reviews, reviewers, support, events, funding…" />}
      </Field>

      <h3>Actions agreed</h3>
      <table className="data-table compact call-actions-table" aria-label="New actions">
        <TableHead columns={['Action', 'Owner', 'Due', 'Status', { hidden: 'Remove' }]} />
        <tbody>
          {actions.map((a, i) => (
            <tr key={a.key}>
              <td>
                <input aria-label={`Action ${i + 1}`} aria-invalid={Boolean(tried && actionMessage(a, 'text'))} value={a.text} onChange={(e) => setAction(a.key, { text: e.target.value })} />
                {tried && actionMessage(a, 'text') ? <span className="field-message">{actionMessage(a, 'text')}</span> : null}
              </td>
              <td>
                <input aria-label={`Owner of action ${i + 1}`} value={a.owner} list="call-people" onChange={(e) => setAction(a.key, { owner: e.target.value })} />
              </td>
              <td>
                <input aria-label={`Due date of action ${i + 1}`} type="date" value={a.dueOn} onChange={(e) => setAction(a.key, { dueOn: e.target.value })} />
              </td>
              <td>
                <select aria-label={`Status of action ${i + 1}`} value={a.status} onChange={(e) => setAction(a.key, { status: e.target.value as ActionStatus })}>
                  <option value="open">open</option>
                  <option value="done">done</option>
                  <option value="dropped">dropped</option>
                </select>
              </td>
              <td>
                <button type="button" className="small-button" onClick={() => setActions((list) => list.filter((x) => x.key !== a.key))} aria-label={`Remove action ${i + 1}`}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <datalist id="call-people">
        {people.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <div className="form-actions">
        <button type="button" onClick={() => setActions((list) => [...list, blankAction()])}>
          Add an action
        </button>
      </div>

      {p.openActions.length > 0 ? (
        <>
          <h3>Earlier actions</h3>
          <table className="data-table compact" aria-label="Earlier actions on this call">
            <tbody>
              {p.openActions.map((a) => (
                <tr key={a.id}>
                  <td>{a.text}</td>
                  <td>{a.owner ?? '—'}</td>
                  <td>
                    <select aria-label={`Earlier action: ${a.text}`} value={updates[a.id] ?? 'open'} onChange={(e) => setUpdates((u) => ({ ...u, [a.id]: e.target.value as 'open' | 'done' | 'dropped' }))}>
                      <option value="open">still open</option>
                      <option value="done">done</option>
                      <option value="dropped">dropped</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      <FormError error={summary} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={act.busy}>
          Record the call
        </button>
      </div>
    </PageForm>
  );
}
