import { createApiClient, type Transport } from '@shared/client';
import type { Api, Envelope } from '@shared/contract';

declare global {
  interface Window {
    /** Present in the desktop app: the preload's IPC transport. */
    hubdeskTransport?: { invoke(method: string, payload: unknown): Promise<Envelope>; savePdf?(fileName: string): Promise<Envelope> };
    /** The typed client of the contract; the only way the screens reach the core. */
    api: Api;
  }
}

const httpTransport: Transport = async (method, payload) => {
  let response: Response;
  try {
    response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload ?? {}),
    });
  } catch {
    return { ok: false, error: { kind: 'internal', message: 'hubdesk’s server is not answering. Is `npm run serve` still running?' } };
  }
  if (response.status === 403) {
    return { ok: false, error: { kind: 'forbidden', message: 'This browser tab is not signed in to hubdesk: open the link the server printed.' } };
  }
  return (await response.json()) as Envelope;
};

/** Desktop app: IPC through the preload. Browser mode: HTTP to the loopback server. */
export function installApi(): Api {
  const bridge = window.hubdeskTransport;
  const transport: Transport = bridge ? (method, payload) => bridge.invoke(method, payload) : httpTransport;
  window.api = createApiClient(transport);
  return window.api;
}

/**
 * Saves the current page as PDF: in the desktop app with Electron's printToPDF (a save dialog; the
 * result says where, or null when cancelled); in browser mode, undefined — use the browser's print.
 */
export function desktopSavePdf(): ((fileName: string) => Promise<Envelope>) | undefined {
  const save = window.hubdeskTransport?.savePdf;
  return save ? (fileName) => save(fileName) : undefined;
}

/** The typed client installed by installApi (for code that is not a component, like the query client). */
export function api(): Api {
  return window.api;
}

export function isDesktop(): boolean {
  return Boolean(window.hubdeskTransport);
}
