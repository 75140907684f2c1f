import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core/context';
import { startTeamServer, type TeamServer } from '../../electron/server/team/server';
import { probeTeamServer, type ProbeFetch } from '../../electron/main/connection/probe';
import { openTestStore, tempDir, TEST_NOW, type TestStore } from '../helpers/store';
import { selfSignedCertificate } from '../helpers/team-server';

// The desktop app's check of a team server, against a real one over TLS. In the app the check uses
// Chromium's fetch (the window's own certificate checks); here Node's, which refuses the same way.
let t: TestStore;
let server: TeamServer;
let cert: string;
let other: https.Server;
let otherOrigin: string;

/** Node's https with one extra trusted certificate, as a computer with the organisation's CA installed. */
function fetchTrusting(ca: string): ProbeFetch {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const req = https.request(url, { ca, headers: init.headers, signal: init.signal }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: async () => JSON.parse(body) as unknown }));
      });
      req.on('error', reject);
      req.end();
    });
}

const nodeFetch: ProbeFetch = (url, init) => fetch(url, init);

beforeAll(async () => {
  t = await openTestStore();
  const ctx = createContext(t.store, { now: () => TEST_NOW, user: 'tester' });
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>hubdesk</title>');
  const pair = selfSignedCertificate();
  cert = pair.cert;
  server = await startTeamServer(ctx, { rendererDir, transport: { kind: 'tls', cert, key: pair.key } });
  // Some other HTTPS site: it answers, but is not hubdesk.
  other = https.createServer({ cert, key: pair.key }, (_req, res) => res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>'));
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `https://127.0.0.1:${(other.address() as net.AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => other?.close(resolve));
  await t?.close();
});

describe('the desktop app checks a team server before using it', () => {
  it('refuses a server whose certificate this computer does not trust, and says what to do', async () => {
    const answer = await probeTeamServer(server.url.replace(/\/$/, ''), nodeFetch);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.message).toContain('certificate is not trusted by this computer');
    expect(answer.message).toContain('Ask your administrator');
  });

  it('accepts the same server once its certificate is trusted', async () => {
    expect(await probeTeamServer(server.url.replace(/\/$/, ''), fetchTrusting(cert))).toEqual({ ok: true });
  });

  it('tells a site that is not hubdesk from a hubdesk team server', async () => {
    const answer = await probeTeamServer(otherOrigin, fetchTrusting(cert));
    expect(answer).toEqual({ ok: false, message: expect.stringContaining('not as a hubdesk server') });
  });

  it('names an address where nothing listens', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const answer = await probeTeamServer(`https://127.0.0.1:${port}`, fetchTrusting(cert));
    expect(answer).toEqual({ ok: false, message: `https://127.0.0.1:${port} is not accepting connections: the address may be wrong (or its port), or the server is not running.` });
  });

  it('gives up on a server that does not answer in time', async () => {
    // Accepts the connection and never says a word (not even TLS's hello).
    const held: net.Socket[] = [];
    const silent = net.createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const origin = `https://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const answer = await probeTeamServer(origin, fetchTrusting(cert), 300);
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    expect(answer).toEqual({ ok: false, message: expect.stringContaining('did not answer within') });
  });
});
