import { useState } from 'react';
import { ROLE_LABELS } from '@shared/contract';
import { signOut } from '../../api/team';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { usePermissions, useTeam } from '../../state/person';

/** On a team server: who you are signed in as, your roles, and signing out here or everywhere. */
export function AccountPanel() {
  const team = useTeam();
  const { roles } = usePermissions();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (team.mode !== 'team' || !team.session) return null;
  const { name, email } = team.session;

  async function out(everywhere: boolean) {
    setBusy(true);
    const refused = await signOut(everywhere);
    setBusy(false);
    setError(refused);
  }

  return (
    <section className="panel" aria-labelledby="account-title">
      <h2 id="account-title">You</h2>
      <dl className="facts">
        <dt>Signed in as</dt>
        <dd>
          {name} ({email})
        </dd>
        <dt>Roles</dt>
        <dd>{(roles ?? team.session.roles).map((r) => ROLE_LABELS[r]).join(', ')}</dd>
      </dl>
      <div className="welcome-actions">
        <button type="button" disabled={busy} onClick={() => void out(false)}>
          Sign out
        </button>
        <button type="button" disabled={busy} onClick={() => setAsking(true)}>
          Sign out everywhere…
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={asking}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        destructive
        busy={busy}
        onCancel={() => setAsking(false)}
        onConfirm={() => void out(true)}
      >
        <p>Every browser you are signed in with — this one too — will have to sign in again. Use it if you left yourself signed in somewhere.</p>
      </ConfirmDialog>
    </section>
  );
}
