import type { DesktopBridge } from '@shared/desktop';
import { ConnectForm } from '../connect/ConnectForm';

/** Desktop app only: where this computer's hubdesk keeps its data, and changing it (the app restarts). */
export function ConnectionPanel({ bridge }: { bridge: DesktopBridge }) {
  return (
    <section className="panel" aria-labelledby="connection-heading">
      <h2 id="connection-heading">Where the data is</h2>
      <p className="muted">
        {bridge.mode === 'team'
          ? `This computer uses your team’s server at ${window.location.origin}.`
          : 'This computer keeps hubdesk’s data itself.'}{' '}
        Changing it restarts hubdesk; nothing is copied or deleted either way.
      </p>
      <ConnectForm bridge={bridge} submitLabel="Change and restart" />
    </section>
  );
}
