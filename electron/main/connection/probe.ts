import type { ChooseAnswer } from '@shared/desktop';

/** The part of fetch the check needs: Electron's `net.fetch` in the app (Chromium's certificate checks), Node's in tests. */
export type ProbeFetch = (url: string, init: { signal: AbortSignal; redirect: 'error'; headers: Record<string, string> }) => Promise<{ status: number; json(): Promise<unknown> }>;

const CERTIFICATE_WORDS =
  'hubdesk does not connect to a server whose certificate this computer cannot verify (that is how it knows it reached your team’s server and not an impostor). Ask your administrator: the server needs a certificate from a public authority, or your organisation’s own authority installed on this computer.';

/** Chromium's (net::ERR_CERT_…) and Node's names for a certificate that cannot be trusted. */
const CERTIFICATE_CODES = /ERR_CERT_|ERR_SSL_|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID|CERT_UNTRUSTED|CERT_REVOKED|HOSTNAME_MISMATCH/;

/** The error's own words and those of its causes (Node's fetch puts the reason in `cause`). */
function reasonOf(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth += 1) {
    const { message, code, name } = e as { message?: unknown; code?: unknown; name?: unknown };
    parts.push([name, code, message].filter((p) => typeof p === 'string').join(' '));
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(' | ');
}

/** The plain words for a failed connection to a team server, naming it and what to do. */
export function connectionProblem(origin: string, error: unknown, timeoutMs = 10_000): string {
  const reason = reasonOf(error);
  const code = /(?:net::)?(ERR_[A-Z_]+)|\b([A-Z][A-Z_]{4,})\b/.exec(reason)?.slice(1).find(Boolean) ?? '';
  if (CERTIFICATE_CODES.test(reason)) return `${origin}: the server’s certificate is not trusted by this computer${code ? ` (${code})` : ''}. ${CERTIFICATE_WORDS}`;
  if (/AbortError|TimeoutError|ERR_TIMED_OUT|ETIMEDOUT/.test(reason)) return `${origin} did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} seconds. Check the address and your network connection, or ask your administrator whether the server is running.`;
  if (/ERR_NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN/.test(reason)) return `No server is known by the name ${new URL(origin).hostname}. Check the address your administrator gave you.`;
  if (/ERR_CONNECTION_REFUSED|ECONNREFUSED/.test(reason)) return `${origin} is not accepting connections: the address may be wrong (or its port), or the server is not running.`;
  if (/redirect/i.test(reason)) return `${origin} sent hubdesk somewhere else. Type the server’s own address (the one it answers at).`;
  return `hubdesk could not reach ${origin}${code ? ` (${code})` : ''}. Check the address and your network connection.`;
}

/**
 * Whether a hubdesk team server answers at the address: its health check, then its readiness
 * (the store answers), then its sign-in endpoint (which only a team server has).
 */
export async function probeTeamServer(origin: string, fetchFn: ProbeFetch, timeoutMs = 10_000): Promise<ChooseAnswer> {
  const get = async (pathname: string) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchFn(`${origin}${pathname}`, { signal: controller.signal, redirect: 'error', headers: { Accept: 'application/json' } });
      let body: unknown = null;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      return { status: response.status, body };
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    const health = await get('/healthz');
    if (health.status !== 200 || (health.body as { status?: unknown } | null)?.status !== 'ok') {
      return { ok: false, message: `${origin} answers, but not as a hubdesk server (its health check said ${health.status}). Check the address.` };
    }
    const ready = await get('/readyz');
    if (ready.status !== 200) return { ok: false, message: `${origin} is a hubdesk server, but its store is not answering. Tell your administrator; try again later.` };
    const session = await get('/auth/session');
    if (session.status !== 401 && session.status !== 200) {
      return { ok: false, message: `${origin} is a hubdesk server but not a team server (it has no sign-in). Check the address.` };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, message: connectionProblem(origin, error, timeoutMs) };
  }
}
