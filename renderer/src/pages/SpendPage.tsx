import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatPence } from '@shared/domain/money';
import { useQueryOf } from '../data/queries';
import { useStatus } from '../state/status';
import { PageHeader } from '../components/PageHeader';
import { ErrorPanel } from '../components/ErrorPanel';
import { ChartCard } from '../charts/ChartCard';
import { CategoryChart, CategoryTable } from '../charts/CategoryChart';
import { HubFundingChart, HubFundingTable } from '../charts/HubFundingChart';
import { HubSpend } from './spend/HubSpend';

/** Hub funding spend: network-wide by category, per hub by priority, and funding per hub. */
export function SpendPage() {
  const { year } = useStatus();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const managerId = params.get('manager') ? Number(params.get('manager')) : undefined;
  const hubId = params.get('hub') ? Number(params.get('hub')) : undefined;
  const [compare, setCompare] = useState(true);
  const network = useQueryOf('spendNetwork', { year: year ?? undefined, managerId });

  function choose(key: 'manager' | 'hub', value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'manager') next.delete('hub');
    setParams(next);
  }

  const data = network.data;
  const totals = data
    ? {
        available: data.hubs.reduce((n, h) => n + h.totalAvailablePence, 0),
        planned: data.categories.reduce((n, c) => n + c.plannedPence, 0),
        claimed: data.categories.reduce((n, c) => n + c.claimedPence, 0),
        released: data.categories.reduce((n, c) => n + c.releasedPence, 0),
      }
    : null;
  const openCategory = (row: { key: string }) => navigate(`/spend/categories/${row.key}${year ? `?year=${encodeURIComponent(year)}` : ''}`);

  return (
    <>
      <PageHeader
        title="Spend"
        subtitle={data ? `Hub funding spend, ${data.year}${managerId && data ? ` · ${data.managers.find((m) => m.id === managerId)?.name ?? ''}’s hubs` : ''}` : 'Hub funding spend'}
        actions={
          <>
            <label className="inline-field">
              <span>Memberships Manager</span>
              <select value={managerId ?? ''} onChange={(e) => choose('manager', e.target.value)} aria-label="Memberships Manager">
                <option value="">Everyone</option>
                {data?.managers.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              <span>Hub</span>
              <select value={hubId ?? ''} onChange={(e) => choose('hub', e.target.value)} aria-label="Hub">
                <option value="">Whole network</option>
                {data?.hubs
                  .slice()
                  .sort((a, b) => a.hub.localeCompare(b.hub))
                  .map((h) => (
                    <option key={h.hubId} value={h.hubId}>
                      {h.hub}
                    </option>
                  ))}
              </select>
            </label>
          </>
        }
      />
      {network.error ? <ErrorPanel title="Could not load the spend figures" error={network.error} onRetry={network.refetch} /> : null}
      {!data && !network.error ? <p className="loading">Loading…</p> : null}
      {data && hubId !== undefined ? <HubSpend hubId={hubId} year={data.year} /> : null}
      {data && totals && hubId === undefined ? (
        <>
          <div className="kpis">
            <div className="kpi"><span className="kpi-value">{formatPence(totals.available)}</span><span className="kpi-label">Total available</span></div>
            <div className="kpi"><span className="kpi-value">{formatPence(totals.planned)}</span><span className="kpi-label">Planned</span></div>
            <div className="kpi"><span className="kpi-value">{formatPence(totals.claimed)}</span><span className="kpi-label">Claimed</span></div>
            <div className="kpi"><span className="kpi-value">{formatPence(totals.released)}</span><span className="kpi-label">Released</span></div>
          </div>
          <ChartCard
            title="Spend by network category"
            context={`The network · ${data.year}`}
            fileName={`spend-by-category-${data.year.replace('/', '-')}`}
            note={
              <>
                Planned lines and claims carry one of the network’s categories. Claimed counts every claim not rejected; released counts paid claims.
                {data.previousYear ? (
                  <label className="inline-check">
                    <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} /> Compare with {data.previousYear}
                  </label>
                ) : null}
                {' '}Click a bar to see the category’s claims.
              </>
            }
            empty={data.categories.every((c) => c.plannedPence === 0 && c.claimedPence === 0 && c.previousReleasedPence === 0) ? `Nothing is planned or claimed in ${data.year} yet.` : undefined}
            table={<CategoryTable rows={data.categories} previousYear={compare ? data.previousYear : null} caption="Spend by network category" onOpen={openCategory} />}
          >
            <CategoryChart rows={data.categories} previousYear={data.previousYear} compare={compare} onOpen={openCategory} />
          </ChartCard>
          <ChartCard
            title="Funding per hub"
            context={`The network · ${data.year}`}
            fileName={`funding-per-hub-${data.year.replace('/', '-')}`}
            note="Each hub’s total available for the year, largest first: released so far, and what remains. Money released beyond the total available shows in red. Click a hub for its spend."
            empty={data.hubs.length === 0 ? 'No hubs have members this year.' : undefined}
            height={Math.max(220, data.hubs.length * 24 + 60)}
            table={<HubFundingTable hubs={data.hubs} onOpen={(h) => choose('hub', String(h.hubId))} />}
          >
            <HubFundingChart hubs={data.hubs} onOpen={(h) => choose('hub', String(h.hubId))} />
          </ChartCard>
        </>
      ) : null}
      {data && hubId !== undefined ? (
        <p className="hint">
          <Link to={`/spend${managerId ? `?manager=${managerId}` : ''}`}>← Whole network</Link>
        </p>
      ) : null}
    </>
  );
}
