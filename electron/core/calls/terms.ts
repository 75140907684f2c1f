import type { TermView } from '@shared/contract/calls';
import { parseTermId, termOf, type TermInfo } from '@shared/domain/calls';
import { invalid } from './store';

/** The term named (validated), or the term of today. */
export function resolveTerm(term: string | undefined, today: string, field = 'term'): TermInfo {
  if (term === undefined) return termOf(today);
  try {
    return parseTermId(term);
  } catch (e) {
    throw invalid(field, (e as Error).message);
  }
}

export function termView(t: TermInfo): TermView {
  return { id: t.id, label: t.label, start: t.start, end: t.end, membershipYear: t.membershipYear };
}
