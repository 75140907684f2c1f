import type { SchoolOfsted } from '@shared/contract';
import { frameworkShortLabel } from '@shared/domain/ofsted-profile';
import { formatDate } from '../format';
import { GradeChip, GradeDots } from './Grade';

/**
 * A school's latest Ofsted in one cell: the overall grade only where the framework has one (OEIF),
 * otherwise what the framework says instead; the inspection date always beside it; the key
 * judgements / report-card areas as coloured squares; a later ungraded visit noted below.
 */
export function OfstedCell({ ofsted }: { ofsted: SchoolOfsted }) {
  const i = ofsted.latestGraded;
  if (!i) {
    return <span className="muted">{ofsted.profileKey}{ofsted.laterUngraded ? ` (ungraded ${formatDate(ofsted.laterUngraded.startDate)})` : ''}</span>;
  }
  const headline = i.overall.code !== null ? i.overall.label : i.framework === 'report_card' ? 'Report card' : 'No overall grade';
  return (
    <div className="dash-ofsted">
      <div className="dash-line">
        <GradeChip grade={i.overall.code ?? null} label={headline} date={i.startDate} title={`${i.frameworkLabel}: ${i.overall.label}`} />
        {i.categoryOfConcern ? <span className="dash-grade tone-poor small">{i.categoryOfConcern}</span> : null}
      </div>
      <div className="dash-line small">
        {i.framework !== 'report_card' ? <span className="dash-framework">{frameworkShortLabel(i.framework)}</span> : null}
        <GradeDots grades={i.judgements} />
      </div>
      {i.reading ? <div className="dash-line small muted dash-reading">{i.reading.label}</div> : null}
      {ofsted.laterUngraded ? (
        <div className="dash-line small muted">
          Ungraded {formatDate(ofsted.laterUngraded.startDate)}
          {ofsted.laterUngraded.outcomeText ? `: ${ofsted.laterUngraded.outcomeText}` : ''}
        </div>
      ) : null}
    </div>
  );
}
