import { z } from 'zod';
import { ukDateShown } from '../uk-date';
import { id, isoDate } from '../contract/schemas';

/**
 * Building blocks of the records forms' validation. The same schemas check a form as it is typed
 * (inline messages) and every request in the core (the authority).
 */
export { id, isoDate };

/** The version a form loaded (see electron/core/changes/version.ts); a mismatch is a conflict. */
export const version = z.string({ error: 'the version of the record you loaded is missing' }).regex(/^[0-9a-f]{16}$/, 'is not a record version');

/** A whole number of pupils, with a message a person understands. */
export const pupils = z
  .number({ error: 'enter the number of pupils as a whole number' })
  .int('enter the number of pupils as a whole number')
  .min(0, 'cannot be negative')
  .max(5000, 'more than 5,000 pupils: check the number');

/** Optional text typed by a person: trimmed, blank means "none". */
export function optionalText(max: number, what = 'this') {
  return z
    .string()
    .trim()
    .max(max, `${what} is too long (at most ${max} characters)`)
    .nullable()
    .transform((s) => (s === null || s === '' ? null : s));
}

export function requiredText(max: number, what: string) {
  return z.string({ error: `${what} is required` }).trim().min(1, `${what} is required`).max(max, `${what} is too long (at most ${max} characters)`);
}

export const optionalDate = isoDate.nullable();

export interface FieldIssue {
  path: string;
  message: string;
}

/** Zod issues as `path: message` pairs (path joined with dots; '' for the whole record). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** The first message for each field, for a form's inline messages. */
export function messagesByField(issues: readonly FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) if (!(i.path in out)) out[i.path] = i.message;
  return out;
}

/** A date a person records as having happened cannot be after today. */
export function notAfterToday(date: string | null | undefined, today: string, what: string): string | null {
  if (!date) return null;
  return date > today ? `${what} (${ukDateShown(date)}) is after today (${ukDateShown(today)})` : null;
}
