import { useState } from 'react';
import { useNavigate } from 'react-router';
import { UndoNotice } from '../../components/forms/UndoNotice';
import { SchoolEditDialog } from './SchoolEditDialog';
import { ReviewTeamDialog } from './ReviewTeamDialog';
import { TrainingDialog } from './TrainingDialog';
import { ReviewOutcomeDialog, ScheduleReviewDialog } from './ReviewDialogs';
import { MergeSchoolDialog } from './MergeSchoolDialog';

type Saved = { auditId: number; summary: string };

/** A button that opens a records form, and the "Saved … Undo" toast after it saved. */
function useSaved(onChanged: () => void) {
  const [saved, setSaved] = useState<Saved | null>(null);
  const toast = saved ? (
    <div className="undo-toast">
      <UndoNotice key={saved.auditId} saved={saved} onUndone={onChanged} onClose={() => setSaved(null)} />
    </div>
  ) : null;
  return { toast, saved: (r: Saved) => (setSaved(r), onChanged()) };
}

export function EditSchoolButton({ schoolId, today, onChanged }: { schoolId: number; today: string; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const s = useSaved(onChanged);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Edit school
      </button>
      {open ? <SchoolEditDialog schoolId={schoolId} today={today} onCancel={() => setOpen(false)} onSaved={(r) => (setOpen(false), s.saved(r))} /> : null}
      {s.toast}
      <MergeSchoolButton schoolId={schoolId} onChanged={onChanged} />
    </>
  );
}

/** "Merge into another record…" (two records of one school); opens the kept school after the merge. */
export function MergeSchoolButton({ schoolId, onChanged }: { schoolId: number; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const s = useSaved(onChanged);
  const navigate = useNavigate();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Merge into another record…
      </button>
      {open ? <MergeSchoolDialog schoolId={schoolId} onCancel={() => setOpen(false)} onSaved={(r) => (setOpen(false), s.saved(r), navigate(`/schools/${r.record.id}`))} /> : null}
      {s.toast}
    </>
  );
}

export function ReviewTeamButton({ reviewId, today, onChanged }: { reviewId: number; today: string; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const s = useSaved(onChanged);
  return (
    <>
      <button type="button" className="small-button" onClick={() => setOpen(true)}>
        Reviewers…
      </button>
      {open ? <ReviewTeamDialog reviewId={reviewId} today={today} onClose={() => setOpen(false)} onSaved={s.saved} /> : null}
      {s.toast}
    </>
  );
}

export function AddTrainingButton({ schoolId, school, today, onChanged }: { schoolId: number; school: string; today: string; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const s = useSaved(onChanged);
  return (
    <>
      <button type="button" className="small-button" onClick={() => setOpen(true)}>
        Add training
      </button>
      {open ? <TrainingDialog schoolId={schoolId} school={school} today={today} onCancel={() => setOpen(false)} onSaved={(r) => (setOpen(false), s.saved(r))} /> : null}
      {s.toast}
    </>
  );
}

export function ReviewOutcomeButton({ reviewId, today, onChanged }: { reviewId: number; today: string; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const s = useSaved(onChanged);
  return (
    <>
      <button type="button" className="small-button" onClick={() => setOpen(true)}>
        Dates and outcome…
      </button>
      {open ? <ReviewOutcomeDialog reviewId={reviewId} today={today} onCancel={() => setOpen(false)} onSaved={(r) => (setOpen(false), s.saved(r))} /> : null}
      {s.toast}
    </>
  );
}

export function ScheduleReviewButton({ schoolId, year, onChanged }: { schoolId: number; year: string; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const s = useSaved(onChanged);
  return (
    <>
      <button type="button" className="small-button" onClick={() => setOpen(true)}>
        Schedule the {year} review
      </button>
      {open ? <ScheduleReviewDialog schoolId={schoolId} year={year} onCancel={() => setOpen(false)} onSaved={(r) => (setOpen(false), s.saved(r))} /> : null}
      {s.toast}
    </>
  );
}
