import type http from 'node:http';

/**
 * The API token a script sends as `Authorization: Bearer <token>`: the token, 'malformed' for an
 * Authorization header of another kind (refused, never ignored), or null when there is none.
 */
export function presentedApiToken(req: http.IncomingMessage): string | 'malformed' | null {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match ? match[1]! : 'malformed';
}
