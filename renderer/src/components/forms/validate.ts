import { ukDateOf } from '@shared/uk-date';
import type { z } from 'zod';
import { fieldIssues, messagesByField, type FieldIssue } from '@shared/validation/common';
import { ApiError } from '@shared/contract';

/** The shared schema's messages for a form's current values, by field path. */
export function validate(schema: z.ZodType, value: unknown, extra: FieldIssue[] = []): Record<string, string> {
  const r = schema.safeParse(value);
  return messagesByField([...(r.success ? [] : fieldIssues(r.error)), ...extra]);
}

/** The messages the core sent back, by field (for a refusal the form could not foresee). */
export function coreMessages(e: unknown): { byField: Record<string, string>; message: string } {
  if (e instanceof ApiError) {
    return { byField: messagesByField(e.issues.map((i) => ({ path: i.path, message: i.message }))), message: e.kind === 'conflict' ? e.message : e.message };
  }
  return { byField: {}, message: e instanceof Error ? e.message : String(e) };
}

export function todayIso(): string {
  return ukDateOf(new Date());
}
