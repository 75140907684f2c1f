import { useState } from 'react';
import { addTrainingSchema, trainingIssues } from '@shared/validation/reviewers';
import { useRecordSave } from '../../components/forms/useRecordSave';
import { RecordDialog } from '../../components/forms/RecordDialog';
import { Field } from '../../components/forms/Field';
import { validate } from '../../components/forms/validate';

/** Record that someone from the school attended reviewer training. */
export function TrainingDialog({ schoolId, school, today, onSaved, onCancel }: { schoolId: number; school: string; today: string; onSaved(r: { auditId: number; summary: string }): void; onCancel(): void }) {
  const [personName, setPersonName] = useState('');
  const [role, setRole] = useState('');
  const [trainedOn, setTrainedOn] = useState(today);
  const [touched, setTouched] = useState(false);
  const { busy, error, server, setServer, saveRecord } = useRecordSave();
  const request = { schoolId, personName, role: role || null, trainedOn };
  const messages = { ...validate(addTrainingSchema, request, trainingIssues(trainedOn, today)), ...server };
  async function save() {
    setTouched(true);
    if (Object.keys(messages).length) return;
    await saveRecord(async () => {
      onSaved(await window.api.addTraining(request));
    });
  }
  return (
    <RecordDialog title={`Reviewer training: ${school}`} saveLabel="Record training" busy={busy} error={error} onSave={() => void save()} onCancel={onCancel}>
      <div className="record-grid">
        <Field label="Name" message={touched || personName ? messages.personName : null}>
          {(p) => <input {...p} autoFocus value={personName} onChange={(e) => { setPersonName(e.target.value); setServer({}); }} />}
        </Field>
        <Field label="Role" message={messages.role}>{(p) => <input {...p} value={role} placeholder="optional" onChange={(e) => setRole(e.target.value)} />}</Field>
        <Field label="Trained on" message={messages.trainedOn}>{(p) => <input {...p} type="date" max={today} value={trainedOn} onChange={(e) => { setTrainedOn(e.target.value); setServer({}); }} />}</Field>
      </div>
    </RecordDialog>
  );
}
