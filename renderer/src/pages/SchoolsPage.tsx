import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { SchoolListRow } from '@shared/contract';
import { useQueryOf } from '../data/queries';
import { useStatus } from '../state/status';
import { DataTable, mixedColumns } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatCount } from '../components/format';

const col = createColumnHelper<SchoolListRow>();

export function SchoolsPage() {
  const { year } = useStatus();
  const navigate = useNavigate();
  const [filter, setFilter] = useState('');
  const schools = useQueryOf('listSchools', { year: year ?? undefined });

  const columns = useMemo(
    () =>
      mixedColumns<SchoolListRow>()(
      col.accessor('name', { header: 'School', cell: (c) => <span className="strong">{c.getValue()}</span> }),
      col.accessor('urn', { header: 'URN', cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('phase', { header: 'Phase', cell: (c) => c.getValue() ?? '—' }),
      col.accessor('localAuthority', { header: 'Local authority', cell: (c) => c.getValue() ?? '—' }),
      col.accessor('hubName', {
        header: 'Hub',
        cell: (c) => (
          <Link to={`/hubs/${c.row.original.hubId}`} onClick={(e) => e.stopPropagation()}>
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor('pupils', { header: 'Pupils', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()) }),
      ),
    [],
  );

  return (
    <>
      <PageHeader
        title="Schools"
        subtitle={year ? `${formatCount(schools.data?.length ?? 0)} member schools in ${year}` : undefined}
        actions={<input type="search" className="filter" placeholder="Name, URN, hub, LA…" aria-label="Filter schools" value={filter} onChange={(e) => setFilter(e.target.value)} />}
      />
      {schools.error ? <ErrorPanel title="Could not load the schools" error={schools.error} onRetry={schools.refetch} /> : null}
      {schools.data ? (
        <DataTable
          label="Member schools"
          rows={schools.data}
          columns={columns}
          filter={filter}
          rowKey={(r) => r.schoolId}
          initialSort={[{ id: 'name', desc: false }]}
          onOpen={(r) => navigate(`/schools/${r.schoolId}`)}
          empty={filter ? `No school matches “${filter}”.` : 'No member schools this year.'}
        />
      ) : null}
    </>
  );
}
