import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CallActionView, CallView } from '@shared/contract/calls';
import { ACTION_STATUSES, CALL_KINDS, actionOverdue, parseTermId, type ActionStatus, type CallKind } from '@shared/domain/calls';
import { HubdeskError } from '../errors';
import { endOfLondonDay } from '@shared/uk-date';

type Db = Kysely<Database> | Transaction<Database>;

/** A validation error that names its field, as forms and the CLI show it. */
export function invalid(field: string, message: string): HubdeskError {
  return new HubdeskError('validation', `${field}: ${message}`, { issues: [{ path: field, message }] });
}

function callKind(value: string, callId: number): CallKind {
  if ((CALL_KINDS as readonly string[]).includes(value)) return value as CallKind;
  throw new HubdeskError('store', `Call ${callId} has an unknown kind "${value}".`);
}

function actionStatus(value: string, actionId: number): ActionStatus {
  if ((ACTION_STATUSES as readonly string[]).includes(value)) return value as ActionStatus;
  throw new HubdeskError('store', `Call action ${actionId} has an unknown status "${value}".`);
}

export function parseAttendees(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export interface StoredCall {
  id: number;
  hubId: number;
  hub: string;
  term: string;
  heldOn: string;
  /** The instant the call was held (ISO, UTC). */
  heldAt: string;
  kind: CallKind;
  attendees: string[];
  notes: string;
  createdBy: string;
  createdAt: string;
}

/** The calls of the given hubs, newest first. */
export async function loadCalls(db: Db, hubIds: readonly number[]): Promise<StoredCall[]> {
  if (hubIds.length === 0) return [];
  const rows = await db
    .selectFrom('calls')
    .innerJoin('hubs', 'hubs.id', 'calls.hub_id')
    .where('calls.hub_id', 'in', [...hubIds])
    .select([
      'calls.id', 'calls.hub_id', 'hubs.name as hub', 'calls.term', 'calls.held_on', 'calls.held_at', 'calls.kind', 'calls.attendees_json', 'calls.notes',
      'calls.created_by', 'calls.created_at',
    ])
    .orderBy('calls.held_on', 'desc')
    .orderBy('calls.held_at', 'desc')
    .orderBy('calls.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    hubId: r.hub_id,
    hub: r.hub,
    term: r.term,
    heldOn: r.held_on,
    heldAt: r.held_at ?? endOfLondonDay(r.held_on),
    kind: callKind(r.kind, r.id),
    attendees: parseAttendees(r.attendees_json),
    notes: r.notes,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/** Actions of calls (by call ids, or every action of the given hubs), oldest call first, in their order. */
export async function loadActions(db: Db, where: { callIds?: readonly number[]; hubIds?: readonly number[]; actionIds?: readonly number[] }, today: string): Promise<(CallActionView & { hubId: number })[]> {
  let q = db
    .selectFrom('call_actions as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select(['a.id', 'a.call_id', 'c.hub_id', 'c.held_on', 'c.kind', 'a.text', 'a.owner', 'a.due_on', 'a.status', 'a.done_on']);
  if (where.callIds) {
    if (where.callIds.length === 0) return [];
    q = q.where('a.call_id', 'in', [...where.callIds]);
  }
  if (where.hubIds) {
    if (where.hubIds.length === 0) return [];
    q = q.where('c.hub_id', 'in', [...where.hubIds]);
  }
  if (where.actionIds) {
    if (where.actionIds.length === 0) return [];
    q = q.where('a.id', 'in', [...where.actionIds]);
  }
  const rows = await q.orderBy('c.held_on').orderBy('c.id').orderBy('a.position').orderBy('a.id').execute();
  return rows.map((r) => {
    const status = actionStatus(r.status, r.id);
    return {
      id: r.id,
      callId: r.call_id,
      hubId: r.hub_id,
      callHeldOn: r.held_on,
      callKind: callKind(r.kind, r.call_id),
      text: r.text,
      owner: r.owner,
      dueOn: r.due_on,
      status,
      doneOn: r.done_on,
      overdue: actionOverdue({ status, dueOn: r.due_on }, today),
    };
  });
}

export function callView(call: StoredCall, actions: readonly CallActionView[]): CallView {
  return {
    ...call,
    termLabel: parseTermId(call.term).label,
    actions: actions.filter((a) => a.callId === call.id).map(({ hubId: _hub, ...a }: CallActionView & { hubId?: number }) => a),
  };
}

export async function requireHubRow(db: Db, hubId: number, field = 'hubId') {
  const hub = await db.selectFrom('hubs').select(['id', 'name', 'senior_partner_name']).where('id', '=', hubId).executeTakeFirst();
  if (!hub) throw invalid(field, `there is no hub with id ${hubId}`);
  return hub;
}
