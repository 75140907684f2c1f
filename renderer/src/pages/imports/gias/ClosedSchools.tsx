import type { ColumnDef } from '@tanstack/react-table';
import type { GiasClosedSchool } from '@shared/contract/gias-import';
import { DataTable } from '../../../components/DataTable';
import { Loaded } from '../../../data/Loaded';
import { useQueryOf } from '../../../data/queries';
import { OpensDialog } from '../../../dialogs/OpensDialog';
import { MergeSchoolDialog } from '../../../dialogs/MergeSchoolDialog';
import { closedColumns } from './GiasPreviewTables';

/** "Merge into the successor…": the school merge dialog with the successor already chosen, so what moves shows at once. */
function MergeIntoSuccessor({ school }: { school: GiasClosedSchool }) {
  const successor = school.successor;
  if (!successor?.schoolId) return <span className="muted small">{successor ? 'successor not held' : ''}</span>;
  return (
    <OpensDialog label="Merge into the successor…" small>
      {(end) => <MergeSchoolDialog schoolId={school.schoolId} intoSchoolId={successor.schoolId ?? undefined} onCancel={end.close} onSaved={end.saved} />}
    </OpensDialog>
  );
}

const columns: ColumnDef<GiasClosedSchool, unknown>[] = [
  ...closedColumns,
  { header: '', id: 'merge', enableSorting: false, cell: (c) => <MergeIntoSuccessor school={c.row.original} /> },
];

/**
 * The member schools GIAS shows as closed (from the school data imported), each with its successor
 * when GIAS's links file named one, and the merge that moves its history to the successor's record.
 */
export function ClosedSchools() {
  const query = useQueryOf('listGiasClosedSchools', {});
  return (
    <section className="panel" aria-labelledby="gias-closed-title">
      <h2 id="gias-closed-title">Member schools GIAS shows as closed</h2>
      <Loaded query={query} error="Could not list the closed schools" loading="Loading the closed schools…">
        {(closed) => (
          <DataTable
            label="Closed member schools"
            rows={closed}
            columns={columns}
            rowKey={(s) => s.schoolId}
            empty="None: no member school is shown as closed in the school data imported so far."
          />
        )}
      </Loaded>
    </section>
  );
}
