import { Link } from 'react-router';
import { useQueryOf } from '../data/queries';
import { useChange } from '../data/mutations';

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
    <main className="welcome" id="main">
      <div className="welcome-card">
        <div className="brand large">
          <span className="brand-mark" aria-hidden="true">h</span>
          <span>hubdesk</span>
        </div>
        <h1>Welcome to hubdesk</h1>
        <p>
          Hubs, schools, QA Reviews, Ofsted and hub funding for the Challenge Partners network, in one place. This database is
          empty.
        </p>
        <div className="welcome-actions">
          <button type="button" className="primary" onClick={loadDemo} disabled={busy} autoFocus>
            {busy ? 'Loading the demo network…' : 'Load the demo network'}
          </button>
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
      </div>
    </main>
  );
}
