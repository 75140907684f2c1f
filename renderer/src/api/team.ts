import type { Role } from '@shared/contract';

/** The signed-in person on a team server, and the anti-forgery token every POST must carry. */
export interface TeamSession {
  name: string;
  email: string;
  roles: Role[];
  csrfToken: string;
}

/**
 * Where the screens stand: still asking; on this computer (the desktop app, or browser mode on
 * loopback), where the local person holds every role; or on a team server, signed in or not (with
 * why the last session ended, when it did).
 */
export type TeamState =
  | { mode: 'asking' }
  | { mode: 'local' }
  | { mode: 'team'; session: TeamSession; ended?: undefined }
  | { mode: 'team'; session: null; ended: string | null };

export const CSRF_HEADER = 'X-Hubdesk-CSRF';

let state: TeamState = { mode: 'asking' };
let asked: Promise<TeamState> | null = null;
const listeners = new Set<() => void>();

function set(next: TeamState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** The state now (for useSyncExternalStore). */
export function teamState(): TeamState {
  return state;
}

export function subscribeTeam(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Asks once where the screens run: the desktop app needs no asking; in a browser, a team server
 * answers /auth/session in JSON (the session, or 401 when nobody is signed in), while browser mode
 * on this computer has no such endpoint (it answers the page itself).
 */
export function startTeam(desktop: boolean): Promise<TeamState> {
  // The desktop app is known at once, so its first frame is not a wait.
  if (desktop && state.mode === 'asking') set({ mode: 'local' });
  asked ??= (async (): Promise<TeamState> => {
    if (desktop) return { mode: 'local' };
    try {
      const response = await fetch('/auth/session', { credentials: 'same-origin' });
      if (!String(response.headers.get('content-type')).startsWith('application/json')) return { mode: 'local' };
      const body = (await response.json()) as { ok?: boolean; value?: TeamSession };
      return body.ok && body.value ? { mode: 'team', session: body.value } : { mode: 'team', session: null, ended: null };
    } catch {
      return { mode: 'local' };
    }
  })().then((answer) => {
    // A sign-in that finished while the first question was out wins.
    if (state.mode === 'asking') set(answer);
    return state;
  });
  return asked;
}

/** The team server's session for this browser, or null (on this computer, or not signed in). */
export async function teamSession(): Promise<TeamSession | null> {
  const now = state.mode === 'asking' && asked ? await asked : state;
  return now.mode === 'team' ? now.session : null;
}

/** A call was refused for want of a session: the screens ask the person to sign in again. */
export function sessionEnded(): void {
  if (state.mode === 'team' && state.session) set({ mode: 'team', session: null, ended: 'Your session has ended (an hour without use, 12 hours after signing in, or signed out elsewhere). Sign in again.' });
}

export type SignInAnswer = { ok: true; session: TeamSession } | { ok: false; message: string; locked: boolean };

/** Signs in with an email and password; the password goes to the server and nowhere else. */
export async function signIn(email: string, password: string): Promise<SignInAnswer> {
  let response: Response;
  try {
    response = await fetch('/auth/sign-in', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    return { ok: false, message: 'hubdesk’s server is not answering: check your connection and try again.', locked: false };
  }
  let body: { ok?: boolean; value?: TeamSession; error?: { message?: string } } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // The message below says it.
  }
  if (response.ok && body.ok && body.value) {
    set({ mode: 'team', session: body.value });
    return { ok: true, session: body.value };
  }
  return { ok: false, message: body.error?.message ?? `The server refused the sign-in (${response.status}).`, locked: response.status === 429 };
}

/** Ends this browser's session, or (everywhere) every session of the person, and shows sign-in. */
export async function signOut(everywhere: boolean): Promise<string | null> {
  const session = await teamSession();
  if (!session) return null;
  try {
    const response = await fetch(everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: session.csrfToken },
      body: '{}',
    });
    if (!response.ok && response.status !== 401) return `The server did not sign you out (${response.status}): try again.`;
  } catch {
    return 'hubdesk’s server is not answering: you are still signed in.';
  }
  set({ mode: 'team', session: null, ended: everywhere ? 'You have signed out everywhere: every browser you had signed in with has to sign in again.' : 'You have signed out.' });
  return null;
}
