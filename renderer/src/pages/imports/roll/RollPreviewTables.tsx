import type { ColumnDef } from '@tanstack/react-table';
import type { RollFieldChanges, RollJoiner, RollLeaver, RollMove, RollPreview, RollPupilChange } from '@shared/contract/roll-import';
import { formatCount } from '../../../components/format';
import { changeText, fundingColumns, num, PreviewSection, pupilColumns } from '../PreviewParts';

function pupilsColumn<T extends { pupils: number }>(): ColumnDef<T, unknown> {
  return { header: 'Pupils', id: 'pupils', accessorFn: (r) => r.pupils, meta: num, cell: (c) => formatCount(c.getValue<number>()) };
}

const joinerColumns: ColumnDef<RollJoiner, unknown>[] = [
  { header: 'Row', accessorKey: 'row', meta: num },
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'Hub', accessorKey: 'hub' },
  pupilsColumn<RollJoiner>(),
  { header: '', id: 'new', accessorFn: (j) => (j.newSchool ? 'new to hubdesk' : 'returning'), cell: (c) => <span className="tag plain">{c.getValue<string>()}</span> },
];
const leaverColumns: ColumnDef<RollLeaver, unknown>[] = [
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'Hub', accessorKey: 'hub' },
  pupilsColumn<RollLeaver>(),
];
const moveColumns: ColumnDef<RollMove, unknown>[] = [
  { header: 'Row', accessorKey: 'row', meta: num },
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'From hub', accessorKey: 'fromHub' },
  { header: 'To hub', accessorKey: 'toHub' },
];
const pupilChangeColumns: ColumnDef<RollPupilChange, unknown>[] = [
  { header: 'Row', accessorKey: 'row', meta: num },
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'Hub', accessorKey: 'hub' },
  ...pupilColumns<RollPupilChange>(),
];
const changeColumns: ColumnDef<RollFieldChanges, unknown>[] = [
  { header: 'Row', accessorKey: 'row', meta: num },
  { header: 'URN', accessorKey: 'urn' },
  { header: 'School', accessorKey: 'name' },
  { header: 'Changes', id: 'changes', accessorFn: (r) => r.changes.map(changeText).join('; ') },
];

export function rollKpis(preview: RollPreview): [string, number][] {
  return [
    ['School rows', preview.rowsRead],
    ['Joiners', preview.joiners.length],
    ['Leavers', preview.leavers.length],
    ['Hub moves', preview.moves.length],
    ['Pupil changes', preview.pupilChanges.length],
    ['Problems', preview.errorCount],
  ];
}

export function RollPreviewTables({ preview }: { preview: RollPreview }) {
  return (
    <>
      <PreviewSection title="Funding effect" rows={preview.funding} columns={fundingColumns} rowKey={(f) => f.hub} />
      <PreviewSection title="Joiners" rows={preview.joiners} columns={joinerColumns} rowKey={(j) => j.urn} />
      <PreviewSection title="Leavers" rows={preview.leavers} columns={leaverColumns} rowKey={(l) => l.urn} />
      <PreviewSection title="Hub moves" rows={preview.moves} columns={moveColumns} rowKey={(m) => m.urn} />
      <PreviewSection title="Pupil changes" rows={preview.pupilChanges} columns={pupilChangeColumns} rowKey={(p) => p.urn} />
      <PreviewSection title="Contact changes" rows={preview.contactChanges} columns={changeColumns} rowKey={(c) => c.urn} />
      <PreviewSection title="Other changes" rows={preview.detailChanges} columns={changeColumns} rowKey={(c) => c.urn} />
    </>
  );
}
