import { useState } from 'react';
import { useQueryOf } from '../../data/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useChange } from '../../data/mutations';
import { FormError } from '../../components/forms/FormError';
import { Field } from '../../components/forms/Field';

import type { Identity } from '@shared/contract';

const ROLE_LABELS: Record<string, string> = { memberships_manager: 'Memberships Manager', finance: 'Finance' };

/**
 * "I am": which central staff member uses hubdesk here; My calls shows their hubs. On the desktop one
 * choice for the store; on a team server the signed-in person's own staff record, found by their
 * email or chosen here when none has it.
 */
export function IdentityPanel() {
  const identity = useQueryOf('getIdentity', {});
  const act = useChange();
  const [saved, setSaved] = useState<string | null>(null);
  if (identity.error) return <ErrorPanel title="Could not read who you are" error={identity.error} onRetry={identity.refetch} />;
  const d = identity.data;

  async function choose(value: string) {
    setSaved(null);
    const staffId = value === '' ? null : Number(value);
    if (await act.run('setIdentity', { staffId })) {
      setSaved(staffId === null ? 'Nobody is chosen now.' : `Saved: you are ${d?.staff.find((s) => s.id === staffId)?.name ?? 'chosen'}.`);
    }
  }

  return (
    <section className="panel identity-panel" aria-labelledby="identity-heading">
      <h2 id="identity-heading">Who you are</h2>
      {d?.person ? (
        <p className="muted" data-testid="identity-person">
          {teamWords(d)}
        </p>
      ) : (
        <p className="muted">Choose yourself so that My calls shows the hubs you look after. It is kept in this database.</p>
      )}
      <Field label={d?.person ? 'Your staff record' : 'I am'} message={act.fieldErrors.staffId} hint={saved ? <span className="ok-text" role="status">{saved}</span> : null}>
        {(p) => (
          <select {...p} value={d?.staffId ?? ''} disabled={!d || act.busy} onChange={(e) => void choose(e.target.value)}>
            <option value="">{d?.person ? 'None (found by email, if any)' : 'Nobody chosen'}</option>
            {d?.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {ROLE_LABELS[s.role] ?? s.role}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError error={act.error} />
    </section>
  );
}

/** What a signed-in person is told about their own staff record. */
function teamWords(d: Identity): string {
  const staff = d.staff.find((s) => s.id === d.staffId);
  if (!staff) return `You are signed in as ${d.person}. No central staff record has your email: choose yours so that My calls shows the hubs you look after. The choice is yours alone.`;
  if (d.matchedBy === 'email') return `You are signed in as ${d.person}: your staff record is ${staff.name} (found by your email). My calls shows the hubs you look after.`;
  return `You are signed in as ${d.person}: you chose ${staff.name} as your staff record. My calls shows the hubs you look after. The choice is yours alone.`;
}
