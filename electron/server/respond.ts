import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import crypto from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from '@shared/security';

/** What both servers (browser mode and the team server) answer with, and how they read requests. */

/** The largest call body: the largest import (GIAS's 80 MB extract) as base64 in JSON, with room to spare. */
export const MAX_CALL_BYTES = 120 * 1024 * 1024;

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

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/** The first cookie of that name (a second one, planted by another site, is never preferred). */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

export function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

export function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

export function sendText(res: http.ServerResponse, status: number, text: string, extra: Record<string, string | string[]> = {}): void {
  send(res, status, text, 'text/plain; charset=utf-8', extra);
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string | string[]> = {}): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);
}

export class BodyTooLarge extends Error {}

export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLarge('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A JSON body, or undefined when it is not valid JSON or too large. An empty body is `{}`. */
export async function readJson(req: http.IncomingMessage, maxBytes: number): Promise<unknown> {
  try {
    const body = await readBody(req, maxBytes);
    return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The built renderer's files; any other path gets index.html (the app routes in the browser). */
export function sendRendererFile(res: http.ServerResponse, rendererDir: string, pathname: string): void {
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const file = path.resolve(rendererDir, `.${relative}`);
  if (!file.startsWith(rendererDir + path.sep)) return sendText(res, 404, 'Not found');
  const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(rendererDir, 'index.html');
  const type = MIME[path.extname(target)] ?? 'application/octet-stream';
  // Built assets are named by their content's hash: a name never changes meaning, so the browser keeps them.
  const hashed = target === file && /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css)$/.test(relative);
  return send(res, 200, fs.readFileSync(target), type, { 'Cache-Control': hashed ? 'private, max-age=31536000, immutable' : 'no-cache' });
}
