import { useState } from 'react';
import { ROLE_LABELS, type PersonView, type PersonWithPassword } from '@shared/contract';
import { useQueryOf } from '../../../data/queries';
import { useChange } from '../../../data/mutations';
import { Loaded } from '../../../data/Loaded';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { GridTable } from '../../../components/GridTable';
import { TableHead } from '../../../components/TableHead';
import { ActionButton } from '../../../components/ActionButton';
import { formatDate } from '../../../components/format';
import { AddPersonDialog } from './AddPersonDialog';
import { RolesDialog } from './RolesDialog';
import { OneTimePassword } from './OneTimePassword';

type Asking = { kind: 'reset' | 'sign-out' | 'disable'; person: PersonView };

const QUESTIONS: Record<Asking['kind'], { title: (p: PersonView) => string; body: (p: PersonView) => string; confirm: string }> = {
  reset: {
    title: (p) => `Give ${p.name} a new password?`,
    body: (p) => `Their current password stops working and every session they have ends. The new one is shown once, for you to give to ${p.name}.`,
    confirm: 'Reset the password',
  },
  'sign-out': {
    title: (p) => `Sign ${p.name} out everywhere?`,
    body: (p) => `Every browser ${p.name} is signed in with has to sign in again (a lost laptop, a shared computer). Their password stays the same.`,
    confirm: 'Sign them out everywhere',
  },
  disable: {
    title: (p) => `Disable ${p.name}?`,
    body: (p) => `${p.name} can no longer sign in, and every session they have ends. What they changed keeps their name.`,
    confirm: 'Disable',
  },
};

function state(p: PersonView): string {
  if (p.disabled) return 'Disabled';
  return p.sessions === 0 ? 'Can sign in' : `Signed in (${p.sessions} session${p.sessions === 1 ? '' : 's'})`;
}

/** Settings → People (administrators): who signs in to the team server, with their roles and state. */
export function PeoplePanel() {
  const people = useQueryOf('listPeople', {});
  const action = useChange();
  const [adding, setAdding] = useState(false);
  const [editingRoles, setEditingRoles] = useState<PersonView | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [given, setGiven] = useState<(PersonWithPassword & { why: 'added' | 'reset' }) | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function answer(a: Asking) {
    setMessage(null);
    const email = a.person.email;
    if (a.kind === 'reset') {
      const r = await action.run('resetPassword', { email });
      if (!r) return;
      setGiven({ ...r, why: 'reset' });
    } else {
      const r = await action.run(a.kind === 'sign-out' ? 'signOutPerson' : 'disablePerson', { email });
      if (!r) return;
      setMessage(a.kind === 'sign-out' ? `${r.name} is signed out everywhere.` : `${r.name} is disabled: they can no longer sign in.`);
    }
    // A refusal keeps the question open, with the core's message in it.
    setAsking(null);
  }

  return (
    <section className="panel" aria-labelledby="people-title">
      <div className="panel-head">
        <h2 id="people-title">People</h2>
        <ActionButton method="addPerson" className="primary" onClick={() => (setMessage(null), setAdding(true))}>
          Add a person
        </ActionButton>
      </div>
      <p className="hint">
        Everyone who signs in to this team server, with their roles. A person may hold several roles; a change of roles applies at their next
        click.
      </p>
      {message ? (
        <p role="status" className="ok-text">
          {message}
        </p>
      ) : null}
      {action.error && !asking ? <ErrorPanel title="That did not work" error={action.error} /> : null}
      <Loaded query={people} error="Could not list the people" loading="Listing the people…">
        {(list) => (
          <GridTable label="People">
            <TableHead columns={['Name', 'Email', 'Roles', 'State', 'Since', { hidden: 'Actions' }]} />
            <tbody>
              {list.map((p) => (
                <tr key={p.id} className={p.disabled ? 'muted' : undefined}>
                  <td className="strong">{p.name}</td>
                  <td>{p.email}</td>
                  <td>{p.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                  <td>{state(p)}</td>
                  <td>{formatDate(p.createdAt.slice(0, 10))}</td>
                  <td className="num nowrap">
                    {p.disabled ? null : (
                      <>
                        <ActionButton method="setPersonRoles" className="small-button" onClick={() => setEditingRoles(p)} aria-label={`Roles of ${p.name}`}>
                          Roles…
                        </ActionButton>
                        <ActionButton method="resetPassword" className="small-button" onClick={() => (action.reset(), setAsking({ kind: 'reset', person: p }))} aria-label={`Reset the password of ${p.name}`}>
                          Reset password…
                        </ActionButton>
                        <ActionButton
                          method="signOutPerson"
                          className="small-button"
                          onClick={() => (action.reset(), setAsking({ kind: 'sign-out', person: p }))}
                          aria-label={`Sign ${p.name} out everywhere`}
                        >
                          Sign out everywhere…
                        </ActionButton>
                        <ActionButton method="disablePerson" className="small-button" onClick={() => (action.reset(), setAsking({ kind: 'disable', person: p }))} aria-label={`Disable ${p.name}`}>
                          Disable…
                        </ActionButton>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </GridTable>
        )}
      </Loaded>
      {adding ? <AddPersonDialog onCancel={() => setAdding(false)} onAdded={(r) => (setAdding(false), setGiven({ ...r, why: 'added' }))} /> : null}
      {editingRoles ? (
        <RolesDialog
          person={editingRoles}
          onCancel={() => setEditingRoles(null)}
          onSaved={(p) => (setEditingRoles(null), setMessage(`${p.name} now holds ${p.roles.map((r) => ROLE_LABELS[r]).join(', ')}.`))}
        />
      ) : null}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? QUESTIONS[asking.kind].title(asking.person) : ''}
        confirmLabel={asking ? QUESTIONS[asking.kind].confirm : ''}
        destructive
        busy={action.busy}
        onCancel={() => setAsking(null)}
        onConfirm={() => asking && void answer(asking)}
      >
        <p>{asking ? QUESTIONS[asking.kind].body(asking.person) : null}</p>
        {action.error ? (
          <p className="form-error" role="alert">
            {action.error}
          </p>
        ) : null}
      </ConfirmDialog>
      {given ? <OneTimePassword given={given} onClose={() => setGiven(null)} /> : null}
    </section>
  );
}
