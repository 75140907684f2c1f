import { useState } from 'react';
import { useQueryOf } from '../../data/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useChange } from '../../data/mutations';
import { FormError } from '../../components/forms/FormError';
import { Field } from '../../components/forms/Field';

const ROLE_LABELS: Record<string, string> = { memberships_manager: 'Memberships Manager', finance: 'Finance' };

/** "I am": which central staff member uses hubdesk here; My calls shows their hubs. */
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
      <p className="muted">Choose yourself so that My calls shows the hubs you look after. It is kept in this database.</p>
      <Field label="I am" message={act.fieldErrors.staffId} hint={saved ? <span className="ok-text" role="status">{saved}</span> : null}>
        {(p) => (
          <select {...p} value={d?.staffId ?? ''} disabled={!d || act.busy} onChange={(e) => void choose(e.target.value)}>
            <option value="">Nobody chosen</option>
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
