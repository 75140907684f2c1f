import { useState } from 'react';
import type { PersonWithPassword, Role } from '@shared/contract';
import { addPersonSchema } from '@shared/validation/people';
import { RecordDialog } from '../../../components/forms/RecordDialog';
import { Field } from '../../../components/forms/Field';
import { validate } from '../../../components/forms/validate';
import { useChange } from '../../../data/mutations';
import { RolesField } from './RolesField';

/** Add a person who may sign in: name, email and roles; the core answers their first password. */
export function AddPersonDialog({ onAdded, onCancel }: { onAdded(r: PersonWithPassword): void; onCancel(): void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [touched, setTouched] = useState(false);
  const save = useChange();
  const request = { name, email, roles };
  const messages = { ...validate(addPersonSchema, request), ...save.fieldErrors };
  const show = (k: keyof typeof request, edited: boolean) => (touched || edited ? messages[k] : null);
  const edit = <T,>(set: (v: T) => void) => (v: T) => (set(v), save.clearFieldErrors());

  async function submit() {
    setTouched(true);
    if (Object.keys(messages).length) return;
    const r = await save.run('addPerson', request);
    if (r) onAdded(r);
  }

  return (
    <RecordDialog title="Add a person" saveLabel="Add the person" busy={save.busy} error={save.error} wide onSave={() => void submit()} onCancel={onCancel}>
      <div className="record-grid">
        <Field label="Name" message={show('name', name !== '')}>
          {(p) => <input {...p} autoFocus value={name} autoComplete="off" onChange={(e) => edit(setName)(e.target.value)} />}
        </Field>
        <Field label="Email" message={show('email', email !== '')} hint="They sign in with it.">
          {(p) => <input {...p} type="email" value={email} autoComplete="off" onChange={(e) => edit(setEmail)(e.target.value)} />}
        </Field>
      </div>
      <RolesField value={roles} onChange={edit(setRoles)} message={show('roles', roles.length > 0)} />
    </RecordDialog>
  );
}
