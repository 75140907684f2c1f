import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { HubSchoolRow } from '@shared/contract';
import { useApi } from '../api/useApi';
import { useStatus } from '../state/status';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatCount, formatDate } from '../components/format';

const col = createColumnHelper<HubSchoolRow>();

export function HubPage() {
  const { hubId } = useParams();
  const { year } = useStatus();
  const [filter, setFilter] = useState('');
  const id = Number(hubId);
  const hub = useApi(() => window.api.getHub({ hubId: id, year: year ?? undefined }), [id, year]);

  const columns = useMemo(
    () => [
      col.accessor('name', { header: 'School', cell: (c) => <span className="strong">{c.getValue()}</span> }),
      col.accessor('urn', { header: 'URN', cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('phase', { header: 'Phase', cell: (c) => c.getValue() ?? '—' }),
      col.accessor('localAuthority', { header: 'Local authority', cell: (c) => c.getValue() ?? '—' }),
      col.accessor('pupils', { header: 'Pupils', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()) }),
      col.accessor('headteacher', { header: 'Headteacher', cell: (c) => c.getValue() ?? '—' }),
      col.accessor('email', { header: 'Email', cell: (c) => c.getValue() ?? '—' }),
      col.accessor('status', { header: 'Membership', cell: (c) => <span className={`tag tag-${c.getValue()}`}>{c.getValue()}</span> }),
      col.accessor('feePaidOn', {
        header: 'Fee paid',
        cell: (c) => (c.getValue() ? formatDate(c.getValue()) : <span className="warn-text">Not paid</span>),
      }),
    ],
    [],
  );

  if (hub.error) return <ErrorPanel title="Could not load this hub" error={hub.error} onRetry={hub.reload} />;
  const data = hub.data;
  if (!data) return <div aria-busy="true" className="loading">Loading hub…</div>;
  const pupils = data.schools.reduce((s, r) => s + r.pupils, 0);

  return (
    <>
      <PageHeader
        crumbs={<Link to="/network">Network</Link>}
        title={data.name}
        subtitle={`${data.schools.length} schools · ${formatCount(pupils)} pupils · ${data.year}`}
        actions={<input type="search" className="filter" placeholder="Filter schools…" aria-label="Filter schools" value={filter} onChange={(e) => setFilter(e.target.value)} />}
      />
      <section className="people" aria-label="Hub leadership">
        <div>
          <span className="label">Senior Partner</span>
          <span>{data.seniorPartner ?? '—'}</span>
        </div>
        <div>
          <span className="label">Hub Managers</span>
          <span>{data.hubManagers.length ? data.hubManagers.map((m) => (m.focus ? `${m.name} (${m.focus})` : m.name)).join(', ') : '—'}</span>
        </div>
        <div>
          <span className="label">Memberships Manager</span>
          <span>{data.membershipsManager ?? '—'}</span>
        </div>
        {data.region ? (
          <div>
            <span className="label">Region</span>
            <span>{data.region}</span>
          </div>
        ) : null}
      </section>
      <DataTable
        label={`Schools in ${data.name}`}
        rows={data.schools}
        columns={columns}
        filter={filter}
        rowKey={(r) => r.schoolId}
        initialSort={[{ id: 'name', desc: false }]}
        empty={filter ? `No school matches “${filter}”.` : `No member schools in ${data.year}.`}
      />
    </>
  );
}
