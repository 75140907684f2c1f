import type { ColumnDef } from '@tanstack/react-table';
import type { OfstedImportPreview, OfstedInspectionView, OfstedPreviewSchool } from '@shared/contract/ofsted-import';
import { formatCount } from '../../../components/format';
import { IssuesTable, num, PreviewSection } from '../PreviewParts';

const FRAMEWORK_LABELS: Record<string, string> = {
  oeif: 'Graded (until Aug 2024)',
  interim_2024: 'Graded, no overall (Sep 2024 – Nov 2025)',
  report_card: 'Report card (from Nov 2025)',
  ungraded: 'Ungraded',
};

export function frameworkLabel(f: string): string {
  return FRAMEWORK_LABELS[f] ?? f;
}

function inspectionText(i: OfstedInspectionView): string {
  const grades = i.judgements.map((j) => `${j.area}: ${j.grade}`).join('; ');
  return `${i.startDate} · ${frameworkLabel(i.framework)}${i.outcomeText ? ` · ${i.outcomeText}` : ''}${grades ? ` — ${grades}` : ''}`;
}

const schoolColumns: ColumnDef<OfstedPreviewSchool, unknown>[] = [
  { header: 'Row', accessorKey: 'row', meta: num },
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorFn: (s) => s.name ?? '—', id: 'name' },
  { header: '', id: 'member', accessorFn: (s) => (s.member ? 'member' : 'not a member'), cell: (c) => <span className="tag plain">{c.getValue<string>()}</span> },
  { header: 'New', id: 'new', accessorFn: (s) => s.newInspections.length, meta: num },
  { header: 'Already stored', accessorKey: 'duplicates', meta: num },
  {
    header: 'New inspections',
    id: 'inspections',
    enableSorting: false,
    accessorFn: (s) => s.newInspections.map(inspectionText).join('\n'),
    cell: (c) => (
      <ul className="plain-list">
        {c.row.original.newInspections.map((i) => (
          <li key={`${i.startDate}-${i.framework}`}>{inspectionText(i)}</li>
        ))}
      </ul>
    ),
  },
];

export function ofstedKpis(preview: OfstedImportPreview): [string, number][] {
  return [
    ['Rows', preview.rows],
    [preview.allSchools ? 'Schools kept' : 'Member rows', preview.rowsKept],
    ['Other schools ignored', preview.rowsIgnored],
    ['New inspections', preview.newInspections],
    ['Already stored', preview.duplicatesSkipped],
    ['Problems', preview.errorCount],
  ];
}

export function OfstedPreviewTables({ preview }: { preview: OfstedImportPreview }) {
  const withNew = preview.schools.filter((s) => s.newInspections.length > 0);
  const frameworks = Object.entries(preview.newByFramework).filter(([, n]) => n > 0);
  return (
    <>
      <IssuesTable title="Warnings" rows={preview.warnings} count={preview.warningCount} />
      {frameworks.length > 0 ? (
        <p className="hint">New by framework: {frameworks.map(([f, n]) => `${frameworkLabel(f)} ${formatCount(n)}`).join(' · ')}</p>
      ) : null}
      <PreviewSection
        title="New inspections by school"
        rows={withNew}
        columns={schoolColumns}
        rowKey={(s) => s.urn}
        empty="No new inspections: every inspection of these schools in the file is already stored."
      >
        {preview.schoolsOmitted > 0 ? <p className="hint">{formatCount(preview.schoolsOmitted)} more schools are not listed here; all of them are imported.</p> : null}
      </PreviewSection>
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
