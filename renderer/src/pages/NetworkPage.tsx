import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { HubSummary } from '@shared/contract';
import { useApi } from '../api/useApi';
import { useStatus } from '../state/status';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatCount } from '../components/format';

const col = createColumnHelper<HubSummary>();

export function NetworkPage() {
  const { year } = useStatus();
  const navigate = useNavigate();
  const [filter, setFilter] = useState('');
  const hubs = useApi(() => window.api.listHubs({ year: year ?? undefined }), [year]);

  const columns = useMemo(
    () => [
      col.accessor('name', { header: 'Hub', cell: (c) => <span className="strong">{c.getValue()}</span> }),
      col.accessor('region', { header: 'Region', cell: (c) => c.getValue() ?? '—' }),
      col.accessor('seniorPartner', { header: 'Senior Partner', cell: (c) => c.getValue() ?? '—' }),
      col.accessor((h) => h.hubManagers.join(', '), { id: 'hubManagers', header: 'Hub Managers', cell: (c) => c.getValue() || '—' }),
      col.accessor('membershipsManager', { header: 'Memberships Manager', cell: (c) => c.getValue() ?? '—' }),
      col.accessor('schools', { header: 'Schools', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()) }),
      col.accessor('pupils', { header: 'Pupils', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()) }),
    ],
    [],
  );

  const totals = useMemo(() => {
    const list = hubs.data ?? [];
    return { hubs: list.length, schools: list.reduce((s, h) => s + h.schools, 0), pupils: list.reduce((s, h) => s + h.pupils, 0) };
  }, [hubs.data]);

  return (
    <>
      <PageHeader
        title="Network"
        subtitle={year ? `Every hub in ${year}` : 'No membership year yet'}
        actions={
          <input
            type="search"
            className="filter"
            placeholder="Filter hubs, people…"
            aria-label="Filter hubs"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        }
      />
      <div className="kpis">
        <div className="kpi">
          <span className="kpi-value">{formatCount(totals.hubs)}</span>
          <span className="kpi-label">hubs</span>
        </div>
        <div className="kpi">
          <span className="kpi-value">{formatCount(totals.schools)}</span>
          <span className="kpi-label">member schools</span>
        </div>
        <div className="kpi">
          <span className="kpi-value">{formatCount(totals.pupils)}</span>
          <span className="kpi-label">pupils</span>
        </div>
      </div>
      {hubs.error ? <ErrorPanel title="Could not load the hubs" error={hubs.error} onRetry={hubs.reload} /> : null}
      {hubs.data ? (
        <DataTable
          label="Hubs"
          rows={hubs.data}
          columns={columns}
          filter={filter}
          rowKey={(h) => h.id}
          initialSort={[{ id: 'name', desc: false }]}
          onOpen={(h) => navigate(`/hubs/${h.id}`)}
          empty={filter ? `No hub matches “${filter}”.` : 'No hubs yet: import a membership roll to create them.'}
        />
      ) : null}
    </>
  );
}
