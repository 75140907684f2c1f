import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { NetworkHubRow } from '@shared/contract';
import { ofstedConcernCount } from '@shared/domain/ofsted-profile';
import { formatPence } from '@shared/domain/money';
import { useQueryOf } from '../data/queries';
import { useStatus } from '../state/status';
import { DataTable, mixedColumns } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { Loaded } from '../data/Loaded';
import { formatCount, formatDate } from '../components/format';
import { CommitmentCounts, DashKey, OFSTED_KEY, OfstedBar, QA_KEY, QaBars } from '../components/dashboard/Bars';
import { Sources } from '../components/dashboard/Panel';
import type { ColumnChoice } from '../components/columns';

const col = createColumnHelper<NetworkHubRow>();

/** The network table's column groups (remembered for each person). */
const NETWORK_COLUMNS: ColumnChoice = {
  key: 'network',
  groups: [
    { id: 'size', label: 'Schools and pupils', columns: ['schools', 'pupils'] },
    { id: 'ofsted', label: 'Latest Ofsted', columns: ['ofsted'] },
    { id: 'qa', label: 'QA estimates', columns: ['qa'] },
    { id: 'reviewers', label: 'Reviewer commitments', columns: ['reviewers'] },
    { id: 'vulnerable', label: 'Vulnerable schools', columns: ['vulnerable'] },
    { id: 'funding', label: 'Funding', columns: ['fundingPence'] },
  ],
};

/** Share of latest estimates that are Leading or Effective, across the three headings (a sort key). */
function qaStrength(h: NetworkHubRow): number {
  let good = 0;
  let all = 0;
  for (const heading of h.qaProfile) {
    for (const c of heading.counts) {
      if (c.estimate === 'No estimate yet') continue;
      all += c.count;
      if (c.estimate === 'Leading' || c.estimate === 'Effective') good += c.count;
    }
  }
  return all === 0 ? -1 : good / all;
}

export function NetworkPage() {
  const { year } = useStatus();
  const navigate = useNavigate();
  const [filter, setFilter] = useState('');
  const network = useQueryOf('networkDashboard', { year: year ?? undefined });

  const columns = useMemo(
    () =>
      mixedColumns<NetworkHubRow>()(
      // The hub's name first (so it sorts by name), then its people, so the filter finds a hub by its managers too.
      col.accessor((h) => `${h.name} · ${h.region ?? ''} ${h.hubManagers.join(' ')} ${h.membershipsManager ?? ''}`, {
        id: 'name',
        header: 'Hub',
        cell: (c) => (
          <div className="dash-hub">
            <span className="strong">{c.row.original.name}</span>
            <span className="small muted">{[c.row.original.region, c.row.original.hubManagers.join(', ')].filter(Boolean).join(' · ')}</span>
          </div>
        ),
      }),
      col.accessor('schools', { header: 'Schools', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()) }),
      col.accessor('pupils', { header: 'Pupils', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()) }),
      col.accessor((h) => ofstedConcernCount(h.ofstedProfile), {
        id: 'ofsted',
        header: () => <span title="Sort: most schools whose latest graded inspection was Requires improvement or Inadequate">Latest Ofsted</span>,
        cell: (c) => <OfstedBar profile={c.row.original.ofstedProfile} />,
      }),
      col.accessor((h) => qaStrength(h), {
        id: 'qa',
        header: () => <span title="Latest QA estimates: Leadership, Quality, Disadvantaged & SEND. Sort: share Leading or Effective">QA estimates</span>,
        cell: (c) => <QaBars profile={c.row.original.qaProfile} />,
      }),
      col.accessor((h) => h.commitment.behind, {
        id: 'reviewers',
        header: () => <span title="Sort: schools behind on their reviewer commitment">Reviewers</span>,
        cell: (c) => <CommitmentCounts counts={c.row.original.commitment} />,
      }),
      col.accessor('vulnerable', {
        header: 'Vulnerable',
        meta: { align: 'right' },
        cell: (c) =>
          c.getValue() > 0 ? (
            <span className="dash-flag flag-poor" title={c.row.original.vulnerableSchools.join(', ')}>
              {c.getValue()}
            </span>
          ) : (
            <span className="muted">0</span>
          ),
      }),
      col.accessor('fundingPence', {
        header: 'Funding',
        meta: { align: 'right' },
        cell: (c) => (
          <span className="money" title={`Total available with carry forward: ${formatPence(c.row.original.totalAvailablePence)}`}>
            {formatPence(c.getValue())}
          </span>
        ),
      }),
      ),
    [],
  );

  const data = network.data;
  return (
    <div className="dash">
      <PageHeader
        title="Network"
        subtitle={data ? `Every hub in ${data.year} · as at ${formatDate(data.today)}` : year ? `Every hub in ${year}` : 'No membership year yet'}
        actions={
          <input type="search" className="filter" placeholder="Filter hubs, people…" aria-label="Filter hubs" value={filter} onChange={(e) => setFilter(e.target.value)} />
        }
      />
      <Loaded query={network} error="Could not load the network" loading="Loading the network…">
        {(data) => (
        <>
        <div className="kpis">
          <div className="kpi">
            <span className="kpi-value">{formatCount(data.totals.hubs)}</span>
            <span className="kpi-label">hubs</span>
          </div>
          <div className="kpi">
            <span className="kpi-value">{formatCount(data.totals.schools)}</span>
            <span className="kpi-label">member schools</span>
          </div>
          <div className="kpi">
            <span className="kpi-value">{formatCount(data.totals.pupils)}</span>
            <span className="kpi-label">pupils</span>
          </div>
          <div className="kpi">
            <span className={`kpi-value${data.totals.vulnerable > 0 ? ' warn-text' : ''}`}>{formatCount(data.totals.vulnerable)}</span>
            <span className="kpi-label">vulnerable schools</span>
          </div>
          <div className="kpi">
            <span className="kpi-value">{formatCount(data.totals.behind)}</span>
            <span className="kpi-label">behind on reviewers</span>
          </div>
          <div className="kpi">
            <span className="kpi-value">{formatPence(data.totals.fundingPence)}</span>
            <span className="kpi-label">hub funding {data.year}</span>
          </div>
        </div>
          <div className="dash-network">
            <DataTable
              label="Hubs"
              rows={data.hubs}
              columns={columns}
              filter={filter}
              rowKey={(h) => h.hubId}
              initialSort={[{ id: 'name', desc: false }]}
              onOpen={(h) => navigate(`/hubs/${h.hubId}`)}
              columnGroups={NETWORK_COLUMNS}
              legend={
                <>
                  <DashKey label="Ofsted" entries={OFSTED_KEY} />
                  <DashKey label="QA estimates" entries={QA_KEY} />
                </>
              }
              empty={filter ? `No hub matches “${filter}”.` : 'No hubs yet: import a membership roll to create them.'}
            />
          </div>
          <Sources notes={data.sources} />
        </>
        )}
      </Loaded>
    </div>
  );
}
