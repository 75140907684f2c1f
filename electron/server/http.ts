import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '@shared/security';
import type { CoreContext } from '../core/context';
import { dispatch } from '../core/dispatch';

export const TOKEN_COOKIE = 'hubdesk_token';
export const TOKEN_HEADER = 'x-hubdesk-token';
// The largest import (GIAS's 80 MB extract) as base64 in JSON, with room to spare.
const MAX_BODY_BYTES = 120 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

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

function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
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
        let payload: unknown;
        try {
          const body = await readBody(req);
          payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
        } catch {
          return sendJson(res, 400, { ok: false, error: { kind: 'validation', message: 'The request body is not valid JSON (or is larger than 120 MB).' } });
        }
        const envelope = await dispatch(ctx, method, payload);
        return sendJson(res, 200, envelope);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
      const file = path.resolve(rendererDir, `.${relative}`);
      if (!file.startsWith(rendererDir + path.sep)) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(rendererDir, 'index.html');
      const type = MIME[path.extname(target)] ?? 'application/octet-stream';
      // Built assets are named by their content's hash: a name never changes meaning, so the browser keeps them.
      const hashed = target === file && /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css)$/.test(relative);
      return send(res, 200, fs.readFileSync(target), type, { 'Cache-Control': hashed ? 'private, max-age=31536000, immutable' : 'no-cache' });
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
