import http from 'node:http';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { CoreContext } from '../core/context';
import { dispatch } from '../core/dispatch';
import { constantTimeEqual, cookieValue, MAX_CALL_BYTES, readJson, send, sendJson, sendRendererFile } from './respond';

export const TOKEN_COOKIE = 'hubdesk_token';
export const TOKEN_HEADER = 'x-hubdesk-token';

export interface BrowserServer {
  url: string;
  /** The URL to open first: it carries the token, which the server moves into a cookie. */
  entryUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}
export interface ServerOptions {
  rendererDir: string;
  port?: number;
  token?: string;
}

/**
 * Browser mode: serves the built renderer and the contract over HTTP on 127.0.0.1 only.
 * Every request needs the per-run token (cookie or header) and a loopback Host (against DNS rebinding).
 */
export async function startBrowserServer(ctx: CoreContext, options: ServerOptions): Promise<BrowserServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('hex');
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;

  const allowedHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const allowedOrigin = (origin: string | undefined) =>
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

  const server = http.createServer(async (req, res) => {
    try {
      if (!allowedHost(req.headers.host)) return send(res, 403, 'Forbidden: unexpected Host header', 'text/plain; charset=utf-8');
      if (!allowedOrigin(req.headers.origin)) return send(res, 403, 'Forbidden: cross-origin request', 'text/plain; charset=utf-8');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      const queryToken = url.searchParams.get('token');
      if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
        if (!constantTimeEqual(queryToken, token)) return send(res, 403, 'Forbidden: wrong token', 'text/plain; charset=utf-8');
        return send(res, 302, '', 'text/plain; charset=utf-8', {
          Location: '/',
          'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }

      const presented = (req.headers[TOKEN_HEADER] as string | undefined) ?? cookieValue(req.headers.cookie, TOKEN_COOKIE);
      if (!presented || !constantTimeEqual(presented, token)) {
        return send(res, 403, 'Forbidden: this hubdesk server needs the link it printed when it started.', 'text/plain; charset=utf-8');
      }

      if (url.pathname.startsWith('/api/call/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { kind: 'validation', message: 'Use POST.' } });
        const method = decodeURIComponent(url.pathname.slice('/api/call/'.length));
        const payload = await readJson(req, MAX_CALL_BYTES);
        if (payload === undefined) {
          return sendJson(res, 400, { ok: false, error: { kind: 'validation', message: 'The request body is not valid JSON (or is larger than 120 MB).' } });
        }
        const envelope = await dispatch(ctx, method, payload);
        return sendJson(res, 200, envelope);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      return sendRendererFile(res, rendererDir, url.pathname);
    } catch (error) {
      return send(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`, 'text/plain; charset=utf-8');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    entryUrl: `${url}/?token=${token}`,
    token,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
