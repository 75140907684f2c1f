import { ukDateOf, ukDatesIn } from '@shared/uk-date';
import type { z } from 'zod';
import { fieldIssues, messagesByField, type FieldIssue } from '@shared/validation/common';
import { ApiError } from '@shared/contract';

/** Messages a person reads, with every day in them written the UK way (the core's too). */
function shown(messages: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([k, m]) => [k, ukDatesIn(m)]));
}

/** The shared schema's messages for a form's current values, by field path. */
export function validate(schema: z.ZodType, value: unknown, extra: FieldIssue[] = []): Record<string, string> {
  const r = schema.safeParse(value);
  return shown(messagesByField([...(r.success ? [] : fieldIssues(r.error)), ...extra]));
}

/** The messages the core sent back, by field (for a refusal the form could not foresee). */
export function coreMessages(e: unknown): { byField: Record<string, string>; message: string } {
  if (e instanceof ApiError) {
    return { byField: shown(messagesByField(e.issues.map((i) => ({ path: i.path, message: i.message })))), message: ukDatesIn(e.message) };
  }
  return { byField: {}, message: ukDatesIn(e instanceof Error ? e.message : String(e)) };
}

export function todayIso(): string {
  return ukDateOf(new Date());
}
