import type { FieldIssue } from '@shared/validation/common';
import { HubdeskError } from '../errors';

export function refusal(issues: FieldIssue[]): HubdeskError {
  const first = issues[0];
  const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'invalid request';
  return new HubdeskError('validation', message, { issues: issues.map((i) => ({ path: i.path || '(record)', message: i.message })) });
}

export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) throw refusal(issues);
}
