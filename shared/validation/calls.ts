import { z } from 'zod';
import { id, isoDate } from '../contract/schemas';
import { ACTION_STATUSES, CALL_KINDS } from '../domain/calls';

/** The call forms' requests: recording a call with its actions, and moving an action on. */
export const actionText = z.string().trim().min(1, 'an action needs its text').max(2_000);
export const person = z.string().trim().max(200);

const newAction = z.strictObject({
  text: actionText,
  owner: person.optional(),
  dueOn: isoDate.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
});
const actionUpdate = z.strictObject({
  actionId: id,
  status: z.enum(ACTION_STATUSES),
  doneOn: isoDate.optional(),
});

/** A time of day like 14:30 (24-hour, London time). */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 14:30');

export const recordCallSchema = z.strictObject({
  hubId: id,
  heldOn: isoDate,
  /** The time it was held (London time), e.g. 14:30; without it: now for a call held today, else the end of that day. */
  heldAt: timeOfDay.optional(),
  kind: z.enum(CALL_KINDS),
  attendees: z.array(person.min(1, 'an attendee needs a name')).max(50),
  notes: z.string().max(20_000),
  actions: z.array(newAction).max(100),
  actionUpdates: z.array(actionUpdate).max(500).optional(),
});

export const updateCallActionSchema = z.strictObject({
  actionId: id,
  status: z.enum(ACTION_STATUSES).optional(),
  doneOn: isoDate.optional(),
  text: actionText.optional(),
  owner: person.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
});

/** Who is using hubdesk here (a central staff member), or nobody. */
export const setIdentitySchema = z.strictObject({ staffId: id.nullable() });
