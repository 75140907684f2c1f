import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { FundingHubRow, FundingOverview } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { useQueryOf } from '../data/queries';
import { useStatus } from '../state/status';
import { DataTable, mixedColumns } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatCount } from '../components/format';
import { Money } from './funding/money';
import { LockTag } from './funding/tags';
import { YearOverYear } from './funding/YearOverYear';
import { useChange } from '../data/mutations';
import { FormError } from '../components/forms/FormError';
import { countOf } from '@shared/plural';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useSavedNotice } from '../components/forms/UndoNotice';
import type { ColumnChoice } from '../components/columns';

const col = createColumnHelper<FundingHubRow>();
type Totals = FundingOverview['totals'];
type MoneyKey = keyof FundingHubRow & keyof Totals & `${string}Pence`;
/** A money column, with the network's total in the footer. */
const money = (header: string, key: MoneyKey, totals: Totals | undefined) =>
  col.accessor(key, { header, meta: { align: 'right' }, cell: (c) => <Money pence={c.getValue() as number} />, footer: () => (totals ? <Money pence={totals[key] as number} /> : null) });

/** What finance and Memberships Managers show or hide; at 1280 px the usual columns fit without scrolling sideways. */
const FUNDING_COLUMNS: ColumnChoice = {
  key: 'funding-overview',
  groups: [
    { id: 'roll', label: 'Schools and pupils', columns: ['schools', 'pupils'] },
    { id: 'formula', label: 'Formula and minimum', columns: ['formulaPence', 'minimumPence'], shownFor: () => false },
    { id: 'carry', label: 'Carry forward', columns: ['carryForwardPence'] },
    { id: 'plan', label: 'Planned and claimed', columns: ['plannedPence', 'claimedPence'] },
  ],
};

/** Every hub's funding for the chosen year, with network totals; or the year-over-year change. */
export function FundingPage() {
  const { year } = useStatus();
  const navigate = useNavigate();
  const [view, setView] = useState<'allocation' | 'change'>('allocation');
  const [filter, setFilter] = useState('');
  const overview = useQueryOf('listFunding', { year: year ?? undefined });
  const lock = useChange();
  const [confirming, setConfirming] = useState(false);
  const notice = useSavedNotice('toast');
  const t = overview.data?.totals;

  const columns = useMemo(
    () =>
      mixedColumns<FundingHubRow>()(
      col.accessor('hub', {
        header: 'Hub',
        footer: () => (t ? `Network (${formatCount(t.hubs)} hubs)` : null),
        cell: (c) => {
          const r = c.row.original;
          return (
            <>
              <span className="strong">{r.hub}</span>
              <span className="tags">
                {r.overReleased ? <span className="tag tag-error">Over-released</span> : null}
                {r.overAllocated ? <span className="tag tag-error">Over-allocated</span> : null}
                <LockTag state={r.lockState} />
              </span>
            </>
          );
        },
      }),
      col.accessor('schools', { header: 'Schools', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()), footer: () => (t ? formatCount(t.schools) : null) }),
      col.accessor('pupils', { header: 'Pupils', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()), footer: () => (t ? formatCount(t.pupils) : null) }),
      money('Formula', 'formulaPence', t),
      money('Minimum', 'minimumPence', t),
      money('Funding', 'fundingPence', t),
      money('Carry forward', 'carryForwardPence', t),
      money('Total available', 'totalAvailablePence', t),
      money('Planned', 'plannedPence', t),
      money('Claimed', 'claimedPence', t),
      money('Released', 'releasedPence', t),
      money('Remaining', 'remainingPence', t),
      ),
    [t],
  );

  const data = overview.data;
  const overReleased = data?.hubs.filter((h) => h.overReleased) ?? [];
  const openHubs = data?.hubs.filter((h) => h.lockState === 'open').length ?? 0;

  async function lockAll() {
    if (!year || !data) return;
    const r = await lock.run('lockFunding', { year });
    if (!r) return;
    setConfirming(false);
    if (r.auditId !== null) notice.show({ auditId: r.auditId, summary: r.summary });
  }

  return (
    <div className="funding">
      <PageHeader
        title="Funding"
        subtitle={data ? `Hub funding for ${data.year}${data.previousYear ? `, carried forward from ${data.previousYear}` : ''}` : undefined}
        actions={
          <>
            <div className="view-toggle" role="group" aria-label="Funding view">
              <button type="button" aria-pressed={view === 'allocation'} onClick={() => setView('allocation')}>
                Allocation
              </button>
              <button type="button" aria-pressed={view === 'change'} onClick={() => setView('change')}>
                Year over year
              </button>
            </div>
            <input type="search" className="filter" placeholder="Filter hubs…" aria-label="Filter hubs" value={filter} onChange={(e) => setFilter(e.target.value)} />
            {view === 'allocation' ? (
              <button type="button" className="primary" onClick={() => (lock.reset(), setConfirming(true))} disabled={lock.busy || openHubs === 0} title="Finance: fix the computed figures for the year">
                {openHubs === 0 && data ? 'All hubs locked' : `Lock ${countOf(openHubs, 'open hub')}`}
              </button>
            ) : null}
          </>
        }
      />
      <ConfirmDialog
        open={confirming}
        title={`Lock ${countOf(openHubs, 'open hub')} for ${year ?? ''}?`}
        confirmLabel={`Lock ${countOf(openHubs, 'hub')}`}
        busy={lock.busy}
        onConfirm={() => void lockAll()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          The computed allocation of every hub not yet locked is fixed for {year}. After that a roll change shows on the hub’s page as a difference to approve, and
          never changes a locked figure by itself.
        </p>
        <FormError error={lock.error} />
      </ConfirmDialog>
      {!confirming ? <FormError error={lock.error} /> : null}
      {notice.notice}
      {overview.error ? <ErrorPanel title="Could not load the funding" error={overview.error} onRetry={overview.refetch} /> : null}
      {view === 'change' ? (
        <YearOverYear year={year} filter={filter} onOpen={(hubId) => navigate(`/funding/${hubId}`)} />
      ) : data && t ? (
        <>
          <div className="kpis funding-kpis">
            <Kpi label="funding" pence={t.fundingPence} />
            <Kpi label="carry forward" pence={t.carryForwardPence} />
            <Kpi label="total available" pence={t.totalAvailablePence} />
            <Kpi label="released" pence={t.releasedPence} />
            <Kpi label="remaining" pence={t.remainingPence} />
            <div className="kpi">
              <span className="kpi-value">
                {t.lockedHubs} / {t.hubs}
              </span>
              <span className="kpi-label">hubs locked{t.pendingHubs ? ` · ${t.pendingHubs} pending` : ''}</span>
            </div>
          </div>
          {overReleased.length > 0 ? (
            <div className="error-panel" role="alert">
              <h2>
                {overReleased.length === 1 ? '1 hub has released more than its total available' : `${overReleased.length} hubs have released more than their total available`}
              </h2>
              <p>
                {overReleased.map((h) => `${h.hub}: released ${formatPence(h.releasedPence)} of ${formatPence(h.totalAvailablePence)}`).join('; ')}.
              </p>
            </div>
          ) : null}
          {t.pendingHubs > 0 ? (
            <p className="notice" role="status">
              {t.pendingHubs === 1 ? '1 locked hub has' : `${t.pendingHubs} locked hubs have`} a pending difference: the roll now gives other figures. Open the hub to review and approve it.
            </p>
          ) : null}
          <div className="funding-wide">
          <DataTable
            label="Hub funding"
            rows={data.hubs}
            columns={columns}
            filter={filter}
            rowKey={(r) => r.hubId}
            initialSort={[{ id: 'hub', desc: false }]}
            onOpen={(r) => navigate(`/funding/${r.hubId}`)}
            empty={filter ? `No hub matches “${filter}”.` : `No hub has member schools in ${data.year}: import a membership roll first.`}
            columnGroups={FUNDING_COLUMNS}
          />
          </div>
        </>
      ) : !overview.error ? (
        <div aria-busy="true" className="loading">
          Loading funding…
        </div>
      ) : null}
    </div>
  );
}

function Kpi({ label, pence }: { label: string; pence: number }) {
  return (
    <div className="kpi">
      <span className="kpi-value">
        <Money pence={pence} />
      </span>
      <span className="kpi-label">{label}</span>
    </div>
  );
}
