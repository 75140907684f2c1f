import type { ColumnDef } from '@tanstack/react-table';
import type { FieldChange, ImportProblem, RollFieldChanges, RollFundingEffect, RollJoiner, RollLeaver, RollMove, RollPreview, RollPupilChange } from '@shared/contract/imports';
import { formatPence } from '@shared/domain/money';
import { formatCount } from '../../components/format';
import { PreviewKpis, PreviewSection } from './PreviewParts';

const num = { align: 'right' };

const problemColumns: ColumnDef<ImportProblem, unknown>[] = [
  { header: 'Sheet', accessorKey: 'sheet' },
  { header: 'Row', accessorFn: (p) => p.row ?? '—', meta: num },
  { header: 'Column', accessorFn: (p) => p.column ?? '—' },
  { header: 'Problem', accessorKey: 'message' },
];
const joinerColumns: ColumnDef<RollJoiner, unknown>[] = [
  { header: 'Row', accessorKey: 'row', meta: num },
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'Hub', accessorKey: 'hub' },
  { header: 'Pupils', accessorKey: 'pupils', meta: num, cell: (c) => formatCount(c.getValue<number>()) },
  { header: '', id: 'new', accessorFn: (j) => (j.newSchool ? 'new to hubdesk' : 'returning'), cell: (c) => <span className="tag plain">{c.getValue<string>()}</span> },
];
const leaverColumns: ColumnDef<RollLeaver, unknown>[] = [
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'Hub', accessorKey: 'hub' },
  { header: 'Pupils', accessorKey: 'pupils', meta: num, cell: (c) => formatCount(c.getValue<number>()) },
];
const moveColumns: ColumnDef<RollMove, unknown>[] = [
  { header: 'Row', accessorKey: 'row', meta: num },
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'From hub', accessorKey: 'fromHub' },
  { header: 'To hub', accessorKey: 'toHub' },
];
const pupilColumns: ColumnDef<RollPupilChange, unknown>[] = [
  { header: 'Row', accessorKey: 'row', meta: num },
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'Hub', accessorKey: 'hub' },
  { header: 'Before', accessorKey: 'before', meta: num, cell: (c) => formatCount(c.getValue<number>()) },
  { header: 'After', accessorKey: 'after', meta: num, cell: (c) => formatCount(c.getValue<number>()) },
  { header: 'Change', id: 'delta', accessorFn: (p) => p.after - p.before, meta: num, cell: (c) => signed(c.getValue<number>()) },
];
const changeColumns: ColumnDef<RollFieldChanges, unknown>[] = [
  { header: 'Row', accessorKey: 'row', meta: num },
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'Changes', id: 'changes', accessorFn: (r) => r.changes.map(changeText).join('; ') },
];
const fundingColumns: ColumnDef<RollFundingEffect, unknown>[] = [
  { header: 'Hub', accessorKey: 'hub' },
  { header: 'Schools', id: 'schools', accessorFn: (f) => `${f.schoolsBefore} → ${f.schoolsAfter}`, meta: num },
  { header: 'Funding before', accessorKey: 'beforePence', meta: num, cell: (c) => formatPence(c.getValue<number>()) },
  { header: 'Funding after', accessorKey: 'afterPence', meta: num, cell: (c) => formatPence(c.getValue<number>()) },
  { header: 'Change', id: 'delta', accessorFn: (f) => f.afterPence - f.beforePence, meta: num, cell: (c) => <strong>{signedPence(c.getValue<number>())}</strong> },
  { header: 'Why', accessorKey: 'explanation' },
];

function signed(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0';
}
function signedPence(n: number): string {
  return n > 0 ? `+${formatPence(n)}` : formatPence(n);
}
function changeText(c: FieldChange): string {
  return `${c.field}: ${c.before ?? '(blank)'} → ${c.after ?? '(blank)'}`;
}

export function PreviewSummary({ preview }: { preview: RollPreview }) {
  const kpis: [string, number][] = [
    ['School rows', preview.rowsRead],
    ['Joiners', preview.joiners.length],
    ['Leavers', preview.leavers.length],
    ['Hub moves', preview.moves.length],
    ['Pupil changes', preview.pupilChanges.length],
    ['Problems', preview.errorCount],
  ];
  return <PreviewKpis kpis={kpis} />;
}

export function PreviewTables({ preview }: { preview: RollPreview }) {
  return (
    <>
      {preview.errorCount > 0 ? (
        <PreviewSection
          title={preview.errorCount > preview.errors.length ? `Problems (first ${preview.errors.length} of ${formatCount(preview.errorCount)})` : 'Problems'}
          rows={preview.errors}
          columns={problemColumns}
          rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
        />
      ) : null}
      <PreviewSection title="Funding effect" rows={preview.funding} columns={fundingColumns} rowKey={(f) => f.hub} />
      <PreviewSection title="Joiners" rows={preview.joiners} columns={joinerColumns} rowKey={(j) => j.urn} />
      <PreviewSection title="Leavers" rows={preview.leavers} columns={leaverColumns} rowKey={(l) => l.urn} />
      <PreviewSection title="Hub moves" rows={preview.moves} columns={moveColumns} rowKey={(m) => m.urn} />
      <PreviewSection title="Pupil changes" rows={preview.pupilChanges} columns={pupilColumns} rowKey={(p) => p.urn} />
      <PreviewSection title="Contact changes" rows={preview.contactChanges} columns={changeColumns} rowKey={(c) => c.urn} />
      <PreviewSection title="Other changes" rows={preview.detailChanges} columns={changeColumns} rowKey={(c) => c.urn} />
    </>
  );
}
