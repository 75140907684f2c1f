/**
 * The desktop app's choice of where the data lives, shared by the Electron main process (which
 * keeps and acts on it) and the screens (which ask for it). Pure: no Node, no DOM.
 */

/** On this computer (the embedded SQLite store), or a team server reached over HTTPS. */
export type ConnectionChoice = { kind: 'local' } | { kind: 'team'; server: string };

/** How the desktop window was started: choosing for the first time, on this computer, or on a team server. */
export type DesktopMode = 'setup' | 'local' | 'team';

export interface ConnectionView {
  /** The saved choice; null before the first choice. */
  choice: ConnectionChoice | null;
  /** Why the saved choice could not be used at this start (the server did not answer, its certificate is not trusted…). */
  problem: string | null;
}

export type ChooseAnswer = { ok: true } | { ok: false; message: string };

/** What the desktop preload exposes to the window as `window.hubdeskDesktop`. */
export interface DesktopBridge {
  mode: DesktopMode;
  connection(): Promise<ConnectionView>;
  /** Checks and saves the choice, then restarts the app on it; answers only when it was refused. */
  choose(choice: ConnectionChoice): Promise<ChooseAnswer>;
}

export type AddressCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * The team server's address as typed by a person, reduced to its origin. Only HTTPS: the session
 * cookie and passwords never cross the network in clear, and a certificate is what tells the
 * computer it reached the team's server. "hubdesk.example.org" is read as https://hubdesk.example.org.
 */
export function teamServerAddress(typed: string): AddressCheck {
  const text = typed.trim();
  if (text === '') return { ok: false, message: 'Type the address your administrator gave you, e.g. https://hubdesk.example.org.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `“${text}” is not a web address. Type it as your administrator gave it, e.g. https://hubdesk.example.org.` };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: `hubdesk connects to a team server only over HTTPS (the address starts https://), so that passwords and data are never sent in clear; “${text}” is ${url.protocol.replace(':', '')}.` };
  }
  if (url.username || url.password) return { ok: false, message: 'The address must not contain a name or password: you sign in on the next screen.' };
  if (url.hostname === '') return { ok: false, message: `“${text}” names no server.` };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, message: `A team server is reached at its address alone (${url.origin}), without a path or query after it.` };
  }
  return { ok: true, origin: url.origin };
}
