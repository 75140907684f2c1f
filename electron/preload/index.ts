import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope } from '@shared/contract/define';
import type { ChooseAnswer, ConnectionChoice, ConnectionView, DesktopBridge, DesktopMode } from '@shared/desktop';

/** The main process names the window's mode in its arguments: the first-start choice, this computer's store, or a team server. */
function windowMode(): DesktopMode {
  const arg = process.argv.find((a) => a.startsWith('--hubdesk-mode='));
  const mode = arg?.slice('--hubdesk-mode='.length);
  return mode === 'local' || mode === 'team' ? mode : 'setup';
}

const mode = windowMode();

const desktop: DesktopBridge = {
  mode,
  connection: (): Promise<ConnectionView> => ipcRenderer.invoke('hubdesk:connection'),
  choose: (choice: ConnectionChoice): Promise<ChooseAnswer> => ipcRenderer.invoke('hubdesk:choose-connection', choice),
};
contextBridge.exposeInMainWorld('hubdeskDesktop', desktop);

/**
 * On this computer only, the transport: one function that sends a method name and a plain payload
 * and resolves to the core's envelope. The typed window.api is built from the contract on top of it
 * (renderer/src/api), so error kinds survive the bridge, which keeps only plain data. A team
 * server's page has none: it talks to its server over HTTPS like any browser.
 */
if (mode === 'local') {
  contextBridge.exposeInMainWorld('hubdeskTransport', {
    invoke: (method: string, payload: unknown): Promise<Envelope> => ipcRenderer.invoke('hubdesk:invoke', method, payload),
    /** Saves the page as PDF with Electron's printToPDF, where the person chooses (desktop only). */
    savePdf: (fileName: string): Promise<Envelope> => ipcRenderer.invoke('hubdesk:save-pdf', { fileName }),
  });
}
