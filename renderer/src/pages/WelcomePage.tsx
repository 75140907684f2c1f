import { BrandCard } from '../components/BrandCard';
import { Link } from 'react-router';
import { useQueryOf } from '../data/queries';
import { useChange } from '../data/mutations';
import { ActionButton } from '../components/ActionButton';

/** Shown while the database is empty: load the demo network, or start from an import. */
export function WelcomePage() {
  const statusQuery = useQueryOf('getStatus', {});
  const status = statusQuery.data;
  const demo = useChange();
  const { busy, error } = demo;

  // Loading the demo changes everything: the status is read again and the app opens on the network.
  async function loadDemo() {
    await demo.run('loadDemo', { confirm: true });
  }

  return (
    <BrandCard>
      <h1>Welcome to hubdesk</h1>
      <p>
        Hubs, schools, QA Reviews, Ofsted and hub funding for the Challenge Partners network, in one place. This database is
        empty.
      </p>
      <div className="welcome-actions">
        <ActionButton method="loadDemo" className="primary" onClick={loadDemo} disabled={busy} autoFocus>
          {busy ? 'Loading the demo network…' : 'Load the demo network'}
        </ActionButton>
        <Link className="button" to="/imports">
          Start with an empty network
        </Link>
      </div>
      <p className="hint">
        The demo is an invented network built around real partner schools: 30+ hubs, about 450 schools, two membership years.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="data-location">Data: {status?.databaseFile}</p>
    </BrandCard>
  );
}
