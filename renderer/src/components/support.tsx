import { Link } from 'react-router';
import type { SupportRequestRecord } from '@shared/contract';

/** A support request's status as a coloured tag (styles.css: .tag-support-*). */
export function SupportStatusTag({ status }: { status: string }) {
  return <span className={`tag tag-support-${status.replace(/\s+/g, '-')}`}>{status}</span>;
}

/** Who a request went to: a link to the member school, the free text, or a dash. */
export function BrokeredTo({ r }: { r: Pick<SupportRequestRecord, 'brokeredToSchoolId' | 'brokeredToSchool' | 'brokeredTo'> }) {
  if (r.brokeredToSchoolId !== null) return <Link to={`/schools/${r.brokeredToSchoolId}`}>{r.brokeredToSchool}</Link>;
  if (r.brokeredTo) return <span>{r.brokeredTo} <span className="small muted">(outside the network)</span></span>;
  return <span className="muted">—</span>;
}

/** A request's area (marked when it is one of the school's EBIs), status and who it went to, as table cells. */
export function SupportCells({ r, ebiNote }: { r: Pick<SupportRequestRecord, 'area' | 'ebiPointId' | 'status' | 'brokeredToSchoolId' | 'brokeredToSchool' | 'brokeredTo'>; ebiNote: string }) {
  return (
    <>
      <td>
        {r.area}
        {r.ebiPointId !== null ? <span className="small muted block">{ebiNote}</span> : null}
      </td>
      <td>
        <SupportStatusTag status={r.status} />
      </td>
      <td>
        <BrokeredTo r={r} />
      </td>
    </>
  );
}
