import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryOf } from '../data/queries';
import { useStatus } from '../state/status';
import { PageHeader } from '../components/PageHeader';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatCount } from '../components/format';
import { NewHubButton } from '../dialogs/HubActions';

/** Hubs as cards: a quick way into one hub's dashboard. */
export function HubsPage() {
  const { year } = useStatus();
  const navigate = useNavigate();
  const [filter, setFilter] = useState('');
  const hubs = useQueryOf('listHubs', { year: year ?? undefined });
  const shown = (hubs.data ?? []).filter((h) => h.name.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <>
      <PageHeader
        title="Hubs"
        subtitle={year ? `${hubs.data?.length ?? 0} hubs in ${year}` : undefined}
        actions={
          <>
            <input type="search" className="filter" placeholder="Find a hub…" aria-label="Find a hub" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <NewHubButton />
          </>
        }
      />
      {hubs.error ? <ErrorPanel title="Could not load the hubs" error={hubs.error} onRetry={hubs.refetch} /> : null}
      <ul className="card-grid" aria-label="Hubs">
        {shown.map((h) => (
          <li key={h.id}>
            <button type="button" className="hub-card" onClick={() => navigate(`/hubs/${h.id}`)}>
              <span className="hub-card-name">{h.name}</span>
              <span className="hub-card-meta">
                {formatCount(h.schools)} schools · {formatCount(h.pupils)} pupils
              </span>
              <span className="hub-card-people">{h.seniorPartner ? `Senior Partner: ${h.seniorPartner}` : 'No Senior Partner recorded'}</span>
            </button>
          </li>
        ))}
      </ul>
      {hubs.data && shown.length === 0 ? <p className="empty">{filter ? `No hub matches “${filter}”.` : 'No hubs yet.'}</p> : null}
    </>
  );
}
