import { useState } from 'react';
import { addTrainingSchema, trainingIssues } from '@shared/validation/reviewers';
import { useChange } from '../data/mutations';
import { RecordDialog } from '../components/forms/RecordDialog';
import { Field } from '../components/forms/Field';
import { validate } from '../components/forms/validate';
import type { Saved } from '../components/forms/UndoNotice';

/** Record that someone from the school attended reviewer training. */
export function TrainingDialog({ schoolId, school, today, onSaved, onCancel }: { schoolId: number; school: string; today: string; onSaved(r: Saved): void; onCancel(): void }) {
  const [personName, setPersonName] = useState('');
  const [role, setRole] = useState('');
  const [trainedOn, setTrainedOn] = useState(today);
  const [touched, setTouched] = useState(false);
  const save = useChange();
  const request = { schoolId, personName, role: role || null, trainedOn };
  const messages = { ...validate(addTrainingSchema, request, trainingIssues(trainedOn, today)), ...save.fieldErrors };
  async function submit() {
    setTouched(true);
    if (Object.keys(messages).length) return;
    const r = await save.run('addTraining', request);
    if (r) onSaved(r);
  }
  return (
    <RecordDialog title={`Reviewer training: ${school}`} saveLabel="Record training" busy={save.busy} error={save.error} onSave={() => void submit()} onCancel={onCancel}>
      <div className="record-grid">
        <Field label="Name" message={touched || personName ? messages.personName : null}>
          {(p) => <input {...p} autoFocus value={personName} onChange={(e) => { setPersonName(e.target.value); save.clearFieldErrors(); }} />}
        </Field>
        <Field label="Role" message={messages.role}>{(p) => <input {...p} value={role} placeholder="optional" onChange={(e) => setRole(e.target.value)} />}</Field>
        <Field label="Trained on" message={messages.trainedOn}>{(p) => <input {...p} type="date" value={trainedOn} onChange={(e) => { setTrainedOn(e.target.value); save.clearFieldErrors(); }} />}</Field>
      </div>
    </RecordDialog>
  );
}
