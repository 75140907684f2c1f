import type { ColumnDef } from '@tanstack/react-table';
import type { QaImportPreview, QaPreviewAssignment, QaPreviewReview } from '@shared/contract/qa-import';
import { num, PreviewSection } from '../PreviewParts';

function ChangeList({ changes }: { changes: string[] }) {
  return (
    <ul className="plain-list">
      {changes.map((c) => (
        <li key={c}>{c}</li>
      ))}
    </ul>
  );
}

const reviewColumns: ColumnDef<QaPreviewReview, unknown>[] = [
  { header: 'Row', accessorKey: 'sheetRow', meta: num },
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'school' },
  { header: 'Review', id: 'dates', accessorFn: (r) => `${r.startDate} to ${r.endDate}` },
  { header: 'Leadership', id: 'l', accessorFn: (r) => r.estimates.leadership ?? '—' },
  { header: 'Quality', id: 'q', accessorFn: (r) => r.estimates.quality ?? '—' },
  { header: 'Disadvantaged', id: 'd', accessorFn: (r) => r.estimates.disadvantaged ?? '—' },
  { header: 'Area of Excellence', id: 'aoe', accessorFn: (r) => (r.aoeTitle ? `${r.aoeTitle}${r.aoeAccredited ? ' (accredited)' : ''}` : '—') },
  { header: 'WWWs', accessorKey: 'www', meta: num },
  { header: 'EBIs', accessorKey: 'ebi', meta: num },
  { header: 'Changes', id: 'changes', enableSorting: false, accessorFn: (r) => r.changes.join('; '), cell: (c) => <ChangeList changes={c.row.original.changes} /> },
];

const assignmentColumns: ColumnDef<QaPreviewAssignment, unknown>[] = [
  { header: 'Row', accessorKey: 'sheetRow', meta: num },
  { header: 'Reviewer', accessorKey: 'reviewerName' },
  { header: 'Role', accessorFn: (a) => a.role ?? '—', id: 'role' },
  { header: 'From', id: 'home', accessorFn: (a) => `${a.homeSchool} (${a.homeUrn})` },
  { header: 'To review of', id: 'host', accessorFn: (a) => `${a.hostSchool} (${a.hostUrn})` },
  { header: 'Date', accessorKey: 'reviewDate' },
  { header: 'Status', accessorKey: 'status' },
  { header: 'Replaces', accessorFn: (a) => a.replaces ?? '', id: 'replaces' },
  { header: 'Changes', id: 'changes', enableSorting: false, accessorFn: (a) => a.changes.join('; '), cell: (c) => <ChangeList changes={c.row.original.changes} /> },
];

export function qaKpis(preview: QaImportPreview): [string, number][] {
  return [
    ['New reviews', preview.newReviews.length],
    ['Updated reviews', preview.updatedReviews.length],
    ['Unchanged reviews', preview.unchangedReviews],
    ['New assignments', preview.newAssignments.length],
    ['WWWs/EBIs to add', preview.pointsAdded],
    ['Problems', preview.errorCount],
  ];
}

export function QaPreviewTables({ preview }: { preview: QaImportPreview }) {
  return (
    <>
      <PreviewSection title="New reviews" rows={preview.newReviews} columns={reviewColumns} rowKey={(r) => r.urn} />
      <PreviewSection title="Updated reviews" rows={preview.updatedReviews} columns={reviewColumns} rowKey={(r) => r.urn} />
      <PreviewSection title="New reviewer assignments" rows={preview.newAssignments} columns={assignmentColumns} rowKey={(a) => `${a.hostUrn}-${a.sheetRow}`} />
      <PreviewSection title="Updated reviewer assignments" rows={preview.updatedAssignments} columns={assignmentColumns} rowKey={(a) => `${a.hostUrn}-${a.sheetRow}`} />
    </>
  );
}
