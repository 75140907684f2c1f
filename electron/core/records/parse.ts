import type { z } from 'zod';
import { fieldIssues, type FieldIssue } from '@shared/validation/common';
import { HubdeskError } from '../errors';

/** The core checks every request with the same shared schema the form uses; the core is the authority. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw refusal(fieldIssues(r.error));
}

export function refusal(issues: FieldIssue[]): HubdeskError {
  const first = issues[0];
  const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'invalid request';
  return new HubdeskError('validation', message, { issues: issues.map((i) => ({ path: i.path || '(record)', message: i.message })) });
}

export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) throw refusal(issues);
}
