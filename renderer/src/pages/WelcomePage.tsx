import { useState } from 'react';
import { useStatus } from '../state/status';

/** Shown while the database is empty: load the demo network, or start from an import. */
export function WelcomePage() {
  const { status, refresh } = useStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadDemo() {
    setBusy(true);
    setError(null);
    try {
      await window.api.loadDemo({ confirm: true });
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
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
          <a className="button" href="#/imports" onClick={() => void refresh()}>
            Start with an empty network
          </a>
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
