import type { DesktopBridge } from '@shared/desktop';
import { ConnectForm } from './ConnectForm';

/** The desktop app's first start: where the data is, before anything else. */
export function ConnectScreen({ bridge }: { bridge: DesktopBridge }) {
  return (
    <main className="welcome connect" id="main">
      <div className="welcome-card connect-card">
        <div className="brand large">
          <span className="brand-mark" aria-hidden="true">h</span>
          <span>hubdesk</span>
        </div>
        <h1>Welcome to hubdesk</h1>
        <p>Choose where hubdesk keeps its data. You can change this later in Settings.</p>
        <ConnectForm bridge={bridge} submitLabel="Continue" />
      </div>
    </main>
  );
}
