import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '@shared/security';

/**
 * The packaged app is served from app://hubdesk/ rather than file://: a page from file:// may
 * read any file the person can (and, with the GrantFileProtocolExtraPrivileges fuse, fetch them);
 * app:// serves only the built renderer, from the app's own folder, and refuses anything outside it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hubdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** What a URL of the app starts with (navigation and IPC sender checks). */
export const APP_URL_PREFIX = `${APP_ORIGIN}/`;

/**
 * Registered before the app is ready: standard (relative URLs, an origin for 'self' in the CSP),
 * secure (like https: module scripts, no mixed-content downgrade), fetch for the renderer's own assets.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * The file of the renderer folder a request names, or null when it is refused: another scheme or
 * host, a malformed or NUL-bearing path, or any path that resolves outside the folder (`..`, encoded
 * `%2e%2e%2f`, a backslash on Windows, an absolute path).
 */
export function resolveAppPath(rendererDir: string, requestUrl: string, pathApi: typeof path = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = pathApi.resolve(rendererDir);
  const file = pathApi.resolve(root, `.${relative}`);
  return file.startsWith(`${root}${pathApi.sep}`) ? file : null;
}

/** The app:// handler: the named file with its type and the app's CSP, 404 for a refused or missing one. */
export function appProtocolHandler(rendererDir: string, readFile: (file: string) => Promise<Buffer> = (f) => fs.promises.readFile(f)): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
