import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { contract, isMethodName, type Envelope } from '@shared/contract';
import { signedInAs, type CoreContext } from '../../core/context';
import { dispatch } from '../../core/dispatch';
import { signIn } from '../../core/people/sign-in';
import { csrfTokenFor, endSession, endSessionsOf, sessionPerson, type SignedInPerson } from '../../core/people/sessions';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../core/people/policy';
import { MAX_PASSWORD_LENGTH } from '../../core/people/passwords';
import { MAX_CALL_BYTES, readJson, sendJson, sendRendererFile, sendText } from '../respond';
import { clearedSessionCookie, csrfMatches, presentedToken, sessionCookie } from './cookies';
import { ChangeFeed } from './change-feed';
import { publishOthersChanges } from './others-changes';
import { lockedMessage } from './locked-message';

const MAX_SIGN_IN_BYTES = 16 * 1024;
/** Password checks at once (each takes 128 MiB for a moment): more wait their turn as refusals. */
const MAX_CONCURRENT_SIGN_INS = 4;

export type TeamTransport =
  /** HTTPS here, with the certificate and key (PEM). */
  | { kind: 'tls'; cert: Buffer | string; key: Buffer | string }
  /** Plain HTTP to a reverse proxy that terminates TLS (the public URL is still https). */
  | { kind: 'behind-proxy' };

export interface TeamServerOptions {
  rendererDir: string;
  transport: TeamTransport;
  /** Address to listen on (default 127.0.0.1: behind a proxy, or for a trial on this machine). */
  host?: string;
  port?: number;
  /**
   * The address people open, e.g. https://hubdesk.example.org: requests for another Host, and
   * POSTs from another Origin, are refused. Under TLS it defaults to https://HOST:PORT; behind a
   * proxy it is required (the proxy must pass the Host header on).
   */
  publicUrl?: string;
  policy?: SessionPolicy;
}

export interface TeamServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const signInSchema = z.strictObject({ email: z.string().max(320), password: z.string().max(MAX_PASSWORD_LENGTH) });

function refusal(kind: 'unauthenticated' | 'forbidden' | 'validation', message: string): Envelope {
  return { ok: false, error: { kind, message } };
}

function sessionView(person: SignedInPerson, token: string) {
  return { name: person.name, email: person.email, roles: person.roles, csrfToken: csrfTokenFor(token) };
}

/**
 * The team server: the same core for several people over HTTPS. People sign in with an email and
 * password and get a session cookie; every call runs as that person, so dispatch checks their roles.
 * Every POST needs the session's anti-forgery token in a header and, when the browser names an
 * Origin, our own. Health (/healthz) and readiness (/readyz) answer without signing in.
 */
export async function startTeamServer(ctx: CoreContext, options: TeamServerOptions): Promise<TeamServer> {
  const rendererDir = path.resolve(options.rendererDir);
  const policy = options.policy ?? DEFAULT_SESSION_POLICY;
  const host = options.host ?? '127.0.0.1';
  if (options.transport.kind === 'behind-proxy' && !options.publicUrl) throw new Error('Behind a proxy, give the public address people open (--url https://…).');
  if (options.publicUrl && new URL(options.publicUrl).protocol !== 'https:') throw new Error(`The public address must start with https:// (not ${options.publicUrl}): the session cookie is sent over TLS only.`);
  let publicUrl: URL = new URL(options.publicUrl ?? 'https://localhost');
  let signInsRunning = 0;
  const feed = new ChangeFeed();
  const stopOthersChanges = await publishOthersChanges(ctx, feed);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', publicUrl);
    const hsts = { 'Strict-Transport-Security': 'max-age=31536000' };

    // Health answers whatever the Host (a load balancer's probe), and says nothing about the data.
    if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && url.pathname === '/readyz') return sendJson(res, ...(await readiness(ctx)));

    if (req.headers.host !== publicUrl.host) return sendText(res, 403, `Forbidden: this server answers for ${publicUrl.host} only.`);
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== publicUrl.origin) return sendText(res, 403, 'Forbidden: a request from another site.', hsts);

    if (req.method === 'POST' && url.pathname === '/auth/sign-in') {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, refusal('validation', 'Send the email and password as JSON.'), hsts);
      const parsed = signInSchema.safeParse(await readJson(req, MAX_SIGN_IN_BYTES));
      if (!parsed.success) return sendJson(res, 400, refusal('validation', 'Send an email and a password.'), hsts);
      if (signInsRunning >= MAX_CONCURRENT_SIGN_INS) return sendJson(res, 503, refusal('unauthenticated', 'Too many sign-ins at once: try again in a moment.'), { ...hsts, 'Retry-After': '2' });
      // Whatever session this browser had ends: a session is only ever one the server started at sign-in.
      const previous = presentedToken(req);
      if (previous) await endSession(ctx.db, previous);
      signInsRunning += 1;
      let result;
      try {
        result = await signIn(ctx.db, parsed.data, ctx.now(), policy);
      } finally {
        signInsRunning -= 1;
      }
      if (result.kind === 'locked') {
        const seconds = Math.max(1, Math.ceil((result.until.getTime() - ctx.now().getTime()) / 1000));
        return sendJson(res, 429, refusal('unauthenticated', lockedMessage(result.until, ctx.now())), { ...hsts, 'Retry-After': String(seconds) });
      }
      if (result.kind === 'refused') return sendJson(res, 401, refusal('unauthenticated', 'The email or password is wrong.'), hsts);
      return sendJson(res, 200, { ok: true, value: sessionView(result.person, result.token) }, { ...hsts, 'Set-Cookie': sessionCookie(result.token) });
    }

    const token = presentedToken(req);
    const person = token ? await sessionPerson(ctx.db, token, ctx.now(), policy) : null;

    if (url.pathname === '/auth/session' && req.method === 'GET') {
      if (!person || !token) return sendJson(res, 401, refusal('unauthenticated', 'Not signed in.'), hsts);
      return sendJson(res, 200, { ok: true, value: sessionView(person, token) }, hsts);
    }

    // The live stream of changes: a GET (it changes nothing), for signed-in people only.
    if (url.pathname === '/api/changes' && req.method === 'GET') {
      if (!person) return sendJson(res, 401, refusal('unauthenticated', 'Not signed in.'), hsts);
      return feed.subscribe(res, hsts);
    }

    if (url.pathname.startsWith('/auth/') || url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, refusal('validation', 'Use POST.'), hsts);
      if (!person || !token) {
        return sendJson(res, 401, refusal('unauthenticated', 'Sign in to hubdesk (your session has ended, or this browser never signed in).'), { ...hsts, 'Set-Cookie': clearedSessionCookie() });
      }
      if (!csrfMatches(req, token)) return sendJson(res, 403, refusal('forbidden', 'This request did not come from a hubdesk page (its anti-forgery token is missing or wrong).'), hsts);

      if (url.pathname === '/auth/sign-out') {
        await endSession(ctx.db, token);
        return sendJson(res, 200, { ok: true, value: null }, { ...hsts, 'Set-Cookie': clearedSessionCookie() });
      }
      if (url.pathname === '/auth/sign-out-everywhere') {
        await endSessionsOf(ctx.db, person.id);
        return sendJson(res, 200, { ok: true, value: null }, { ...hsts, 'Set-Cookie': clearedSessionCookie() });
      }
      if (url.pathname.startsWith('/api/call/')) {
        const payload = await readJson(req, MAX_CALL_BYTES);
        if (payload === undefined) return sendJson(res, 400, refusal('validation', 'The request body is not valid JSON (or is larger than 120 MB).'), hsts);
        const method = decodeURIComponent(url.pathname.slice('/api/call/'.length));
        const envelope = await dispatch(signedInAs(ctx, person), method, payload);
        if (envelope.ok && isMethodName(method) && contract[method].mutates) feed.publish({ methods: [method], by: person.name });
        return sendJson(res, 200, envelope, hsts);
      }
      return sendJson(res, 404, refusal('validation', 'No such endpoint.'), hsts);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', hsts);
    // The screens themselves hold no data: they ask /auth/session and show sign-in when needed.
    return sendRendererFile(res, rendererDir, url.pathname);
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      // A failure that is a bug: logged with its stack (never the request), answered plainly.
      try {
        ctx.log.internalError(`team server ${req.method} ${(req.url ?? '').split('?')[0]}`, error);
      } catch {
        // The log may be unwritable; the answer still goes out.
      }
      if (!res.headersSent) sendText(res, 500, 'Internal error: see the server’s log.');
      else res.end();
    });
  };
  const server = options.transport.kind === 'tls' ? https.createServer({ cert: options.transport.cert, key: options.transport.key, minVersion: 'TLSv1.2' }, listener) : http.createServer(listener);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    await stopOthersChanges?.();
    feed.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  if (!options.publicUrl) publicUrl = new URL(`https://${host.includes(':') ? `[${host}]` : host}:${port}`);
  return {
    url: publicUrl.origin,
    port,
    close: async () => {
      await stopOthersChanges?.();
      await new Promise<void>((resolve) => {
        feed.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Ready when the store answers a query. */
async function readiness(ctx: CoreContext): Promise<[number, unknown]> {
  try {
    await ctx.db.selectFrom('people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return [200, { status: 'ready' }];
  } catch {
    return [503, { status: 'not ready', reason: 'the store does not answer' }];
  }
}
