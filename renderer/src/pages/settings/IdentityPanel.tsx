import { useId, useState } from 'react';
import { useApi } from '../../api/useApi';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormError, useAction } from '../funding/useAction';

const ROLE_LABELS: Record<string, string> = { memberships_manager: 'Memberships Manager', finance: 'Finance' };

/** "I am": which central staff member uses hubdesk here; My calls shows their hubs. */
export function IdentityPanel() {
  const identity = useApi(() => window.api.getIdentity({}), []);
  const act = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const selectId = useId();
  if (identity.error) return <ErrorPanel title="Could not read who you are" error={identity.error} onRetry={identity.reload} />;
  const d = identity.data;

  async function choose(value: string) {
    setSaved(null);
    const staffId = value === '' ? null : Number(value);
    if (await act.run(() => window.api.setIdentity({ staffId }))) {
      setSaved(staffId === null ? 'Nobody is chosen now.' : `Saved: you are ${d?.staff.find((s) => s.id === staffId)?.name ?? 'chosen'}.`);
      identity.reload();
    }
  }

  return (
    <section className="panel" aria-labelledby="identity-heading">
      <h2 id="identity-heading">Who you are</h2>
      <p className="muted">Choose yourself so that My calls shows the hubs you look after. It is kept in this database.</p>
      <label htmlFor={selectId} className="strong">
        I am{' '}
      </label>
      <select id={selectId} value={d?.staffId ?? ''} disabled={!d || act.busy} onChange={(e) => void choose(e.target.value)}>
        <option value="">Nobody chosen</option>
        {d?.staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} — {ROLE_LABELS[s.role] ?? s.role}
          </option>
        ))}
      </select>
      {saved ? (
        <span className="ok-text" role="status">
          {' '}
          {saved}
        </span>
      ) : null}
      <FormError error={act.error} />
    </section>
  );
}
