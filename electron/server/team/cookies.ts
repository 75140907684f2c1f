import type http from 'node:http';
import { constantTimeEqual, cookieValue } from '../respond';
import { csrfTokenFor } from '../../core/people/sessions';

/**
 * The session cookie. `__Host-` makes the browser accept it only when Secure, for this host alone
 * (no Domain) and for every path: a neighbouring subdomain cannot plant one. HttpOnly keeps it from
 * scripts; SameSite=Strict keeps another site's pages from sending it. It has no Max-Age, so it ends
 * with the browser; the server ends it sooner (idle and absolute expiry).
 */
export const SESSION_COOKIE = '__Host-hubdesk_session';
/** Header that carries the session's anti-forgery token on every POST. */
export const CSRF_HEADER = 'x-hubdesk-csrf';

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=Strict`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`;
}

export function presentedToken(req: http.IncomingMessage): string | null {
  return cookieValue(req.headers.cookie, SESSION_COOKIE);
}

/** The anti-forgery header matches the session's token. */
export function csrfMatches(req: http.IncomingMessage, sessionToken: string): boolean {
  const header = req.headers[CSRF_HEADER];
  return typeof header === 'string' && constantTimeEqual(header, csrfTokenFor(sessionToken));
}
