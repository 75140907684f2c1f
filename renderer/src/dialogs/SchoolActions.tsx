import { useNavigate } from 'react-router';
import { OpensDialog } from './OpensDialog';
import { SchoolEditDialog } from './SchoolEditDialog';
import { ReviewTeamDialog } from './ReviewTeamDialog';
import { TrainingDialog } from './TrainingDialog';
import { ReviewOutcomeDialog, ScheduleReviewDialog } from './ReviewDialogs';
import { MergeSchoolDialog } from './MergeSchoolDialog';

export function EditSchoolButton({ schoolId, today }: { schoolId: number; today: string }) {
  return (
    <>
      <OpensDialog label="Edit school" method="updateSchool">{(end) => <SchoolEditDialog schoolId={schoolId} today={today} onCancel={end.close} onSaved={end.saved} />}</OpensDialog>
      <MergeSchoolButton schoolId={schoolId} />
    </>
  );
}

/** "Merge into another record…" (two records of one school); opens the kept school after the merge. */
export function MergeSchoolButton({ schoolId }: { schoolId: number }) {
  const navigate = useNavigate();
  return (
    <OpensDialog label="Merge into another record…" method="mergeSchools">
      {(end) => <MergeSchoolDialog schoolId={schoolId} onCancel={end.close} onSaved={(r) => (end.saved(r), navigate(`/schools/${r.record.id}`))} />}
    </OpensDialog>
  );
}

export function ReviewTeamButton({ reviewId, today }: { reviewId: number; today: string }) {
  return (
    <OpensDialog label="Reviewers…" method="bookReviewer" small>
      {(end) => <ReviewTeamDialog reviewId={reviewId} today={today} onClose={end.close} onSaved={end.show} />}
    </OpensDialog>
  );
}

export function AddTrainingButton({ schoolId, school, today }: { schoolId: number; school: string; today: string }) {
  return (
    <OpensDialog label="Add training" method="addTraining" small>
      {(end) => <TrainingDialog schoolId={schoolId} school={school} today={today} onCancel={end.close} onSaved={end.saved} />}
    </OpensDialog>
  );
}

export function ReviewOutcomeButton({ reviewId, today }: { reviewId: number; today: string }) {
  return (
    <OpensDialog label="Dates and outcome…" method="updateReview" small>
      {(end) => <ReviewOutcomeDialog reviewId={reviewId} today={today} onCancel={end.close} onSaved={end.saved} />}
    </OpensDialog>
  );
}

export function ScheduleReviewButton({ schoolId, year }: { schoolId: number; year: string }) {
  return (
    <OpensDialog label={`Schedule the ${year} review`} method="scheduleReview" small>
      {(end) => <ScheduleReviewDialog schoolId={schoolId} year={year} onCancel={end.close} onSaved={end.saved} />}
    </OpensDialog>
  );
}
