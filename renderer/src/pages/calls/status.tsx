import type { TermCallState } from '@shared/domain/calls';
import { CALL_KIND_LABELS } from '@shared/domain/calls';
import { formatDate } from '../../components/format';

/** A term call's status as a tag, with its date(s) or the day it is due by, and who was not reached. */
export function CallStatus({ state, compact }: { state: TermCallState; compact?: boolean }) {
  const when = state.heldOn.length > 0 ? state.heldOn.map(formatDate).join(', ') : state.status === 'overdue' ? `was due by ${formatDate(state.dueBy)}` : `by ${formatDate(state.dueBy)}`;
  return (
    <span className="call-status" aria-label={`${CALL_KIND_LABELS[state.kind]} call: ${state.status}, ${when}`}>
      <span className={`tag tag-call-${state.status.replace(/ /g, '-')}`}>{state.status}</span> <span className="muted">{when}</span>
      {!compact && state.heldOn.length > 0 && state.notReached.length > 0 ? <span className="muted block">Not on a call yet: {state.notReached.join(', ')}</span> : null}
    </span>
  );
}
