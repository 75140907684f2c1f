import { useState } from 'react';
import type { PersonView, Role } from '@shared/contract';
import { setPersonRolesSchema } from '@shared/validation/people';
import { RecordDialog } from '../../../components/forms/RecordDialog';
import { validate } from '../../../components/forms/validate';
import { useChange } from '../../../data/mutations';
import { RolesField } from './RolesField';

/** Change the roles a person holds; it applies to their next request (roles are read on every one). */
export function RolesDialog({ person, onSaved, onCancel }: { person: PersonView; onSaved(p: PersonView): void; onCancel(): void }) {
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const save = useChange();
  const request = { email: person.email, roles };
  const message = { ...validate(setPersonRolesSchema, request), ...save.fieldErrors }.roles ?? null;
  const changed = [...roles].sort().join() !== [...person.roles].sort().join();

  async function submit() {
    if (message) return;
    const r = await save.run('setPersonRoles', request);
    if (r) onSaved(r);
  }

  return (
    <RecordDialog title={`Roles of ${person.name}`} saveLabel="Save the roles" busy={save.busy} error={save.error} canSave={changed} wide onSave={() => void submit()} onCancel={onCancel}>
      <RolesField value={roles} onChange={(r) => (setRoles(r), save.clearFieldErrors())} message={message} />
    </RecordDialog>
  );
}
