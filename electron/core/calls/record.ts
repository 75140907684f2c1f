import type { CoreContext } from '../context';
import type { CallActionView, CallView } from '@shared/contract/calls';
import type { ParsedRequestOf } from '@shared/contract';
import { termOf, type ActionStatus } from '@shared/domain/calls';
import { recordAudit } from '../changes/audit-entry';
import { HubdeskError } from '../errors';
import { endOfLondonDay, londonDayTime, londonInstant } from '@shared/uk-date';
import { callView, invalid, loadActions, loadCalls, requireHubRow } from './store';

type RecordCallRequest = ParsedRequestOf<'recordCall'>;
type UpdateActionRequest = ParsedRequestOf<'updateCallAction'>;

function cleanNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

function blankToNull(text: string | null | undefined): string | null {
  if (text === undefined || text === null) return null;
  const t = text.trim();
  return t === '' ? null : t;
}

/** The day an action closes: given, or a default; never after today nor before its call. */
function closingDay(status: ActionStatus, doneOn: string | undefined, fallback: string, callHeldOn: string, today: string, field: string): string | null {
  if (status === 'open') {
    if (doneOn !== undefined) throw invalid(field, 'an open action has no done date');
    return null;
  }
  const day = doneOn ?? fallback;
  if (day > today) throw invalid(field, `the action cannot be ${status} on ${day}, after today (${today})`);
  if (day < callHeldOn) throw invalid(field, `the action cannot be ${status} on ${day}, before the call that agreed it (${callHeldOn})`);
  return day;
}

/**
 * The instant a call was held: its day at the time given (London time); without a time, now for a call
 * held today (it is recorded just after it is held), else the end of its day. Never after now.
 */
function heldInstant(heldOn: string, time: string | undefined, now: Date): string {
  const nowIso = now.toISOString();
  if (time !== undefined) {
    const at = londonInstant(heldOn, time);
    if (at > nowIso) throw invalid('heldAt', `a call is recorded once held: ${heldOn} at ${time} is later than now (${londonDayTime(nowIso).time})`);
    return at;
  }
  const endOfDay = endOfLondonDay(heldOn);
  return endOfDay < nowIso ? endOfDay : nowIso;
}

/**
 * Records a call held with a hub: its day (not in the future), kind, attendees and notes, the actions
 * agreed on it, and what became of earlier open actions of the same hub. One transaction; audited.
 */
export async function recordCall(ctx: CoreContext, request: RecordCallRequest): Promise<CallView> {
  const today = ctx.today();
  const hub = await requireHubRow(ctx.db, request.hubId);
  if (request.heldOn > today) throw invalid('heldOn', `a call is recorded once held: ${request.heldOn} is after today (${today})`);
  const heldAt = heldInstant(request.heldOn, request.heldAt, ctx.now());
  request.actions.forEach((a, i) => {
    if (a.dueOn !== undefined && a.dueOn < request.heldOn) throw invalid(`actions.${i}.dueOn`, `the action is due on ${a.dueOn}, before the call (${request.heldOn})`);
  });
  const updates = request.actionUpdates ?? [];
  const seen = new Set<number>();
  updates.forEach((u, i) => {
    if (seen.has(u.actionId)) throw invalid(`actionUpdates.${i}.actionId`, `action ${u.actionId} is updated twice`);
    seen.add(u.actionId);
  });
  const earlier = await loadActions(ctx.db, { actionIds: updates.map((u) => u.actionId) }, today);
  const earlierById = new Map(earlier.map((a) => [a.id, a]));
  const closing = updates.map((u, i) => {
    const action = earlierById.get(u.actionId);
    const field = `actionUpdates.${i}`;
    if (!action) throw invalid(`${field}.actionId`, `there is no call action with id ${u.actionId}`);
    if (action.hubId !== hub.id) throw invalid(`${field}.actionId`, `action ${u.actionId} (“${action.text.slice(0, 60)}”) belongs to another hub`);
    return { action, status: u.status, doneOn: closingDay(u.status, u.doneOn, request.heldOn, action.callHeldOn, today, `${field}.doneOn`) };
  });

  const term = termOf(request.heldOn).id;
  const attendees = cleanNames(request.attendees);
  const notes = request.notes.trim();
  const now = ctx.now().toISOString();
  const callId = await ctx.db.transaction().execute(async (trx) => {
    const call = await trx
      .insertInto('calls')
      .values({ hub_id: hub.id, term, held_on: request.heldOn, held_at: heldAt, kind: request.kind, attendees_json: JSON.stringify(attendees), notes, created_by: ctx.user, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actions = request.actions.map((a, position) => {
      const status = a.status ?? 'open';
      return {
        call_id: call.id,
        text: a.text,
        owner: blankToNull(a.owner),
        due_on: a.dueOn ?? null,
        status,
        done_on: status === 'open' ? null : request.heldOn,
        position,
        updated_at: now,
      };
    });
    if (actions.length > 0) await trx.insertInto('call_actions').values(actions).execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'call',
      entityId: call.id,
      after: { hub: hub.name, term, heldOn: request.heldOn, heldAt, kind: request.kind, attendees, notes, actions: actions.map((a) => ({ text: a.text, owner: a.owner, dueOn: a.due_on, status: a.status })) },
    });
    for (const c of closing) {
      await trx.updateTable('call_actions').set({ status: c.status, done_on: c.doneOn, updated_at: now }).where('id', '=', c.action.id).execute();
      await recordAudit(trx, ctx, {
        action: 'update',
        entity: 'call_action',
        entityId: c.action.id,
        before: { status: c.action.status, doneOn: c.action.doneOn },
        after: { status: c.status, doneOn: c.doneOn, onCall: call.id },
      });
    }
    return call.id;
  });
  const [stored] = (await loadCalls(ctx.db, [hub.id])).filter((c) => c.id === callId);
  return callView(stored!, await loadActions(ctx.db, { callIds: [callId] }, today));
}

/** Changes one action: closes it (done or dropped, on a day), opens it again, or edits its text, owner or due day. */
export async function updateCallAction(ctx: CoreContext, request: UpdateActionRequest): Promise<CallActionView> {
  const today = ctx.today();
  const [action] = await loadActions(ctx.db, { actionIds: [request.actionId] }, today);
  if (!action) throw new HubdeskError('not_found', `actionId: there is no call action with id ${request.actionId}`, { issues: [{ path: 'actionId', message: `there is no call action with id ${request.actionId}` }] });
  const status = request.status ?? action.status;
  let doneOn = action.doneOn;
  if (request.status !== undefined || request.doneOn !== undefined) {
    doneOn = closingDay(status, request.doneOn, status === action.status && action.doneOn ? action.doneOn : today, action.callHeldOn, today, 'doneOn');
  }
  const dueOn = request.dueOn === undefined ? action.dueOn : request.dueOn;
  if (dueOn !== null && dueOn < action.callHeldOn) throw invalid('dueOn', `the action is due on ${dueOn}, before the call that agreed it (${action.callHeldOn})`);
  const next = {
    text: request.text ?? action.text,
    owner: request.owner === undefined ? action.owner : blankToNull(request.owner),
    due_on: dueOn,
    status,
    done_on: doneOn,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('call_actions').set({ ...next, updated_at: ctx.now().toISOString() }).where('id', '=', action.id).execute();
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'call_action',
      entityId: action.id,
      before: { text: action.text, owner: action.owner, dueOn: action.dueOn, status: action.status, doneOn: action.doneOn },
      after: { text: next.text, owner: next.owner, dueOn: next.due_on, status: next.status, doneOn: next.done_on },
    });
  });
  const [updated] = await loadActions(ctx.db, { actionIds: [action.id] }, today);
  const { hubId: _hub, ...view } = updated!;
  return view;
}
