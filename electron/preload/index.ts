import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope } from '@shared/contract/define';

/**
 * Exposes only the transport: one function that sends a method name and a plain payload and
 * resolves to the core's envelope. The typed window.api is built from the contract on top of it
 * (renderer/src/api), so error kinds survive the bridge, which keeps only plain data.
 */
contextBridge.exposeInMainWorld('hubdeskTransport', {
  invoke: (method: string, payload: unknown): Promise<Envelope> => ipcRenderer.invoke('hubdesk:invoke', method, payload),
  /** Saves the page as PDF with Electron's printToPDF, where the person chooses (desktop only). */
  savePdf: (fileName: string): Promise<Envelope> => ipcRenderer.invoke('hubdesk:save-pdf', { fileName }),
});
