import { z } from 'zod';
import { id, isoDate, notAfterToday, optionalText, requiredText, version, type FieldIssue } from './common';

export const SUPPORT_STATUSES = ['open', 'brokered', 'in progress', 'done', 'declined'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

const fields = {
  requestedOn: isoDate,
  area: requiredText(300, 'the area of support'),
  /** The EBI the request is about, when it is one. */
  ebiPointId: id.nullable(),
  /** A member school the request was brokered to, or … */
  brokeredToSchoolId: id.nullable(),
  /** … someone outside the network (free text). */
  brokeredTo: optionalText(200, 'who it was brokered to'),
  status: z.enum(SUPPORT_STATUSES, { error: `choose ${SUPPORT_STATUSES.join(', ')}` }),
  notes: optionalText(5000, 'the notes'),
};

function consistent(r: { status: string; brokeredToSchoolId: number | null; brokeredTo: string | null }, ctx: z.RefinementCtx) {
  if (r.brokeredToSchoolId !== null && r.brokeredTo !== null) {
    ctx.addIssue({ code: 'custom', path: ['brokeredTo'], message: 'give a member school or someone outside the network, not both' });
  }
  if ((r.status === 'brokered' || r.status === 'in progress') && r.brokeredToSchoolId === null && r.brokeredTo === null) {
    ctx.addIssue({ code: 'custom', path: ['brokeredToSchoolId'], message: `a request that is ${r.status} says who it was brokered to` });
  }
}

export const addSupportRequestSchema = z.strictObject({ schoolId: id, ...fields }).superRefine(consistent);
export type AddSupportRequestInput = z.input<typeof addSupportRequestSchema>;

export const updateSupportRequestSchema = z.strictObject({ requestId: id, version, ...fields }).superRefine(consistent);
export type UpdateSupportRequestInput = z.input<typeof updateSupportRequestSchema>;

export function supportDateIssues(r: { requestedOn: string }, today: string): FieldIssue[] {
  const m = notAfterToday(r.requestedOn, today, 'the request date');
  return m ? [{ path: 'requestedOn', message: m }] : [];
}
