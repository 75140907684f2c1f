import type { Role } from '@shared/contract';

/** The signed-in person on a team server, and the anti-forgery token every POST must carry. */
export interface TeamSession {
  name: string;
  email: string;
  roles: Role[];
  csrfToken: string;
}

export const CSRF_HEADER = 'X-Hubdesk-CSRF';

let session: Promise<TeamSession | null> | null = null;

/**
 * The team server's session for this browser, asked once (/auth/session), or null: browser mode on
 * this computer (which has no such endpoint) or not signed in.
 */
export function teamSession(): Promise<TeamSession | null> {
  session ??= fetch('/auth/session', { credentials: 'same-origin' })
    .then(async (response) => {
      if (!response.ok || !String(response.headers.get('content-type')).startsWith('application/json')) return null;
      const body = (await response.json()) as { ok?: boolean; value?: TeamSession };
      return body.ok && body.value ? body.value : null;
    })
    .catch(() => null);
  return session;
}
