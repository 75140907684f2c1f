import { BrandCard } from '../../components/BrandCard';
import type { DesktopBridge } from '@shared/desktop';
import { ConnectForm } from './ConnectForm';

/** The desktop app's first start: where the data is, before anything else. */
export function ConnectScreen({ bridge }: { bridge: DesktopBridge }) {
  return (
    <BrandCard variant="connect">
      <h1>Welcome to hubdesk</h1>
      <p>Choose where hubdesk keeps its data. You can change this later in Settings.</p>
      <ConnectForm bridge={bridge} submitLabel="Continue" />
    </BrandCard>
  );
}
