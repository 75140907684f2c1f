import { createApiClient, type Transport } from '@shared/client';
import type { Api, Envelope } from '@shared/contract';
import { CSRF_HEADER, sessionEnded, teamSession } from './team';

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
  // On a team server every call carries the session's anti-forgery token.
  const team = await teamSession();
  try {
    response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...(team ? { [CSRF_HEADER]: team.csrfToken } : {}) },
      body: JSON.stringify(payload ?? {}),
    });
  } catch {
    return { ok: false, error: { kind: 'internal', message: 'hubdesk’s server is not answering. Is `npm run serve` still running?' } };
  }
  if (response.status === 401) {
    sessionEnded();
    return { ok: false, error: { kind: 'unauthenticated', message: 'You are not signed in to hubdesk (or your session has ended): sign in again.' } };
  }
  if (response.status === 403 && !team) {
    return { ok: false, error: { kind: 'forbidden', message: 'This browser tab is not signed in to hubdesk: open the link the server printed.' } };
  }
  try {
    return (await response.json()) as Envelope;
  } catch {
    return { ok: false, error: { kind: 'forbidden', message: `hubdesk’s server refused the request (${response.status}): reload the page.` } };
  }
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
