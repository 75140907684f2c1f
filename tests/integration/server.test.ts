import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../electron/server/http';
import { openTestStore, tempDir, type TestStore, storeHash } from '../helpers/store';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

let t: TestStore;
let server: BrowserServer;

function request(
  pathname: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, method, headers: { Host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

beforeAll(async () => {
  t = await openTestStore();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>hubdesk</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-Dy7J7I0l.js'), 'export {};');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'logo.js'), 'export {};');
  server = await startBrowserServer(t.ctx, { rendererDir });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses every request without the token with 403', async () => {
    expect((await request('/')).status).toBe(403);
    expect((await request('/index.html')).status).toBe(403);
    expect((await request('/api/call/getStatus', { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await request('/api/call/getStatus', { method: 'POST', body: '{}', headers: { 'x-hubdesk-token': 'wrong' } })).status).toBe(403);
    expect((await request('/?token=wrong')).status).toBe(403);
  });

  it('lets the browser keep built assets named by their hash, and asks again for the page and anything else', async () => {
    const cookie = { Cookie: `hubdesk_token=${server.token}` };
    const hashed = await request('/assets/index-Dy7J7I0l.js', { headers: cookie });
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    for (const other of ['/', '/index.html', '/assets/logo.js', '/assets/missing-Dy7J7I0l.js']) {
      const res = await request(other, { headers: cookie });
      expect(res.status, other).toBe(200);
      expect(res.headers['cache-control'], other).toBe('no-cache');
    }
  });

  it('moves the token from the entry link into an HttpOnly, SameSite cookie', async () => {
    const res = await request(`/?token=${server.token}`);
    expect(res.status).toBe(302);
    expect(res.headers['set-cookie']?.[0]).toMatch(/^hubdesk_token=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\//);
    const page = await request('/', { headers: { Cookie: `hubdesk_token=${server.token}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>hubdesk</title>');
  });

  it('sets the CSP and no-sniff headers on every response, refusals included', async () => {
    for (const res of [await request('/'), await request('/', { headers: { 'x-hubdesk-token': server.token } })]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const auth = { 'x-hubdesk-token': server.token };
    expect((await request('/', { headers: { ...auth, Host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await request('/api/call/getStatus', { method: 'POST', body: '{}', headers: { ...auth, Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request('/api/call/getStatus', { method: 'POST', body: '{}', headers: { ...auth, Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('serves the contract over POST and answers bad payloads with a typed error, writing nothing', async () => {
    const auth = { 'x-hubdesk-token': server.token, 'Content-Type': 'application/json' };
    const ok = await request('/api/call/getStatus', { method: 'POST', body: '{}', headers: auth });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { empty: true } });
    const before = (await storeHash(t.store));
    const bad = await request('/api/call/addSpendCategory', { method: 'POST', body: '{"name": 7}', headers: auth });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const notJson = await request('/api/call/addSpendCategory', { method: 'POST', body: '{name:', headers: auth });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/not valid JSON/) } });
    const unknown = await request('/api/call/rmRf', { method: 'POST', body: '{}', headers: auth });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { kind: 'unknown_method' } });
    expect((await storeHash(t.store))).toBe(before);
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await request('/..%2F..%2F..%2Fetc%2Fpasswd', { headers: { 'x-hubdesk-token': server.token } });
    expect(res.body).not.toContain('root:');
  });
});
