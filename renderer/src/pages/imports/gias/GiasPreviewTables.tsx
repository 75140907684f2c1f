import type { ColumnDef } from '@tanstack/react-table';
import type { GiasClosedSchool, GiasImportPreview, GiasPupilChange, GiasSchoolChanges } from '@shared/contract/gias-import';
import { formatCount, formatDate } from '../../../components/format';
import { changeText, fundingColumns, PreviewSection, pupilColumns } from '../PreviewParts';

const changeColumns: ColumnDef<GiasSchoolChanges, unknown>[] = [
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  {
    header: 'Changes',
    id: 'changes',
    enableSorting: false,
    accessorFn: (r) => r.changes.map(changeText).join('; '),
    cell: (c) => (
      <ul className="plain-list">
        {c.row.original.changes.map((change) => (
          <li key={change.field}>{changeText(change)}</li>
        ))}
      </ul>
    ),
  },
];

export const closedColumns: ColumnDef<GiasClosedSchool, unknown>[] = [
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'Status', accessorKey: 'status' },
  { header: 'Closed', id: 'closed', accessorFn: (s) => formatDate(s.closedOn) },
  { header: 'Why', id: 'reason', accessorFn: (s) => s.reason ?? '—' },
  { header: 'Successor', id: 'successor', accessorFn: (s) => (s.successor ? `${s.successor.name ?? 'URN'} (${s.successor.urn})` : 'none named') },
];

const pupilChangeColumns: ColumnDef<GiasPupilChange, unknown>[] = [
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'Hub', accessorKey: 'hub' },
  ...pupilColumns<GiasPupilChange>(),
  { header: 'Census', id: 'census', accessorFn: (p) => formatDate(p.censusDate) },
];

export function giasKpis(p: GiasImportPreview): [string, number][] {
  return [
    ['Member schools in file', p.membersInFile],
    ['Schools changed', p.changes.length],
    ['Unchanged', p.unchangedSchools],
    ['Closed members', p.closed.length],
    ['Pupil changes', p.pupilChanges.length],
    ['Problems', p.errorCount],
  ];
}

/** What a GIAS import would change: per school, closed members and their successors, and (when asked) pupils with the funding effect. */
export function GiasPreviewTables({ preview }: { preview: GiasImportPreview }) {
  return (
    <>
      <PreviewSection title="Changes by school" rows={preview.changes} columns={changeColumns} rowKey={(c) => c.urn} />
      <PreviewSection title="Closed member schools" rows={preview.closed} columns={closedColumns} rowKey={(c) => c.urn}>
        <p className="hint">
          After the import, each closed school can be merged into its successor from the list below the import (or from the school’s page).
          {preview.linksFileName ? '' : ' Add GIAS’s links file to see each closed school’s successor.'}
        </p>
      </PreviewSection>
      {preview.successorsAdded.length > 0 ? (
        <p className="hint">
          Successors added from the extract, so the closed records can be merged into them: {preview.successorsAdded.map((s) => `${s.name} (${s.urn})`).join(', ')}.
        </p>
      ) : null}
      {preview.pupilsYear ? (
        <>
          <PreviewSection title={`Pupils for ${preview.pupilsYear}`} rows={preview.pupilChanges} columns={pupilChangeColumns} rowKey={(p) => p.urn} empty={`Every member’s ${preview.pupilsYear} pupils already match GIAS.`} />
          <PreviewSection title="Funding effect" rows={preview.funding} columns={fundingColumns} rowKey={(f) => f.hub} />
        </>
      ) : null}
      {preview.membersNotInFile.length > 0 ? (
        <details className="preview-section">
          <summary>
            {formatCount(preview.membersNotInFile.length)} member {preview.membersNotInFile.length === 1 ? 'school is' : 'schools are'} not in this file
          </summary>
          <p className="hint">{preview.membersNotInFile.map((m) => `${m.name} (${m.urn})`).join(', ')}</p>
        </details>
      ) : null}
    </>
  );
}
