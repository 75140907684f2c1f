import { useState } from 'react';
import { ROLE_LABELS } from '@shared/contract';
import { signOut } from '../api/team';
import { useTeam } from '../state/person';

/** On a team server, the top bar names who is signed in, with their roles, and offers "Sign out". */
export function SignedInAs() {
  const team = useTeam();
  const [error, setError] = useState<string | null>(null);
  if (team.mode !== 'team' || !team.session) return null;
  const { name, roles } = team.session;
  return (
    <div className="signed-in">
      <span>
        Signed in as <strong>{name}</strong> <span className="role-list">({roles.map((r) => ROLE_LABELS[r]).join(', ')})</span>
      </span>
      <button type="button" className="small-button" onClick={() => void signOut(false).then(setError)}>
        Sign out
      </button>
      {error ? (
        <span className="form-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
