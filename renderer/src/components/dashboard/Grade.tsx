import { gradeTone } from '@shared/domain/ofsted';
import { formatDate } from '../format';

/** A grade or estimate in the app's one colour scale; `date` is shown beside it (a rating is never shown without its date). */
export function GradeChip({ grade, label, date, title, small }: { grade: string | null; label?: string; date?: string | null; title?: string; small?: boolean }) {
  const text = label ?? grade ?? '—';
  return (
    <span className="dash-grade-wrap" title={title}>
      <span className={`dash-grade tone-${gradeTone(grade)}${small ? ' small' : ''}`}>{text}</span>
      {date ? <span className="dash-date">{formatDate(date)}</span> : null}
    </span>
  );
}

/** A tiny square per grade (report-card areas, key judgements), with the area and grade in its tooltip. */
export function GradeDots({ grades }: { grades: { area: string; label: string; grade: string }[] }) {
  if (grades.length === 0) return null;
  return (
    <span className="dash-dots" aria-label={grades.map((g) => `${g.area}: ${g.label}`).join('; ')} role="img">
      {grades.map((g) => (
        <span key={g.area} className={`dash-dot tone-${gradeTone(g.grade)}`} title={`${g.area}: ${g.label}`} />
      ))}
    </span>
  );
}
