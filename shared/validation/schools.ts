import { z } from 'zod';
import { PHASES } from '../domain/vocabulary';
import { id, notAfterToday, optionalDate, optionalText, requiredText, version, type FieldIssue } from './common';

export const urnField = z.string({ error: 'the URN is required' }).trim().regex(/^\d{6}$/, 'a URN is 6 digits, like 100001');

/** UK postcode, loosely (outward and inward parts); stored upper-case with one space. */
export const postcodeField = z
  .string()
  .trim()
  .nullable()
  .transform((s) => (s ? s.toUpperCase().replace(/\s+/g, '') : null))
  .refine((s) => s === null || /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(s), 'is not a UK postcode, like SE1 7PB')
  .transform((s) => (s ? `${s.slice(0, -3)} ${s.slice(-3)}` : null));

export const emailField = z
  .string()
  .trim()
  .nullable()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'is not an email address, like head@school.sch.uk');

export const phoneField = z
  .string()
  .trim()
  .nullable()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || (/^[+\d][\d ()-]*$/.test(s) && s.replace(/\D/g, '').length >= 10 && s.replace(/\D/g, '').length <= 13), 'is not a phone number, like 020 7123 4567');

/** Change a school's details; every field is sent (the form shows them all). */
export const updateSchoolSchema = z
  .strictObject({
    schoolId: id,
    version,
    urn: urnField,
    name: requiredText(200, 'the school name'),
    phase: z.enum(PHASES, { error: `choose one of ${PHASES.join(', ')}` }).nullable(),
    localAuthority: optionalText(120, 'the local authority'),
    trust: optionalText(200, 'the trust'),
    headteacher: optionalText(120, 'the headteacher'),
    /** When the headteacher started (set for a new headteacher; drives the reviewer-training rule). */
    headteacherSince: optionalDate,
    email: emailField,
    phone: phoneField,
    postcode: postcodeField,
  })
  .superRefine((r, ctx) => {
    if (r.headteacherSince && !r.headteacher) ctx.addIssue({ code: 'custom', path: ['headteacherSince'], message: 'give the headteacher’s name with the date they started' });
  });
export type UpdateSchoolInput = z.input<typeof updateSchoolSchema>;

export function schoolDateIssues(r: { headteacherSince?: string | null }, today: string): FieldIssue[] {
  const m = notAfterToday(r.headteacherSince, today, 'the date the headteacher started');
  return m ? [{ path: 'headteacherSince', message: m }] : [];
}
