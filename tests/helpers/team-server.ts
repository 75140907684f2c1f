import fs from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import http from 'node:http';
import tls from 'node:tls';
import { execFileSync } from 'node:child_process';
import { tempDir } from './temp';

/** A throwaway self-signed certificate for 127.0.0.1 (openssl), as PEM text. */
export function selfSignedCertificate(): { cert: string; key: string } {
  const dir = tempDir('hubdesk-cert-');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const result = { cert: fs.readFileSync(cert, 'utf8'), key: fs.readFileSync(key, 'utf8') };
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { ok: boolean; value?: unknown; error?: { kind: string; message: string } } | null;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * A client for a server on loopback: HTTPS checked against the test certificate (never "accept
 * anything": the certificate is always checked for 127.0.0.1, whatever Host is sent), or plain HTTP for a server behind a proxy, with the Host and Origin a browser on the
 * public address would send (each can be overridden, or removed with an empty string).
 */
export function client(options: { port: number; ca?: string; publicUrl: string }) {
  const publicUrl = new URL(options.publicUrl);
  return function request(pathname: string, { method = 'GET', headers = {}, body }: RequestOptions = {}): Promise<Reply> {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const all: Record<string, string> = { Host: publicUrl.host, ...(method === 'POST' ? { Origin: publicUrl.origin, 'Content-Type': 'application/json' } : {}), ...headers };
    for (const [k, v] of Object.entries(all)) if (v === '') delete all[k];
    return new Promise((resolve, reject) => {
      const done = (res: http.IncomingMessage) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => {
          let json = null;
          try {
            json = JSON.parse(data);
          } catch {
            // A plain-text answer.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data, json });
        });
      };
      const common = { host: '127.0.0.1', port: options.port, path: pathname, method, headers: all };
      const req = options.ca ? https.request({ ...common, ca: options.ca, checkServerIdentity: (_host, cert) => tls.checkServerIdentity('127.0.0.1', cert) }, done) : http.request(common, done);
      req.on('error', reject);
      if (text !== undefined) req.write(text);
      req.end();
    });
  };
}

/** The session token in a Set-Cookie answer, or null. */
export function sessionTokenOf(reply: Reply): string | null {
  const cookies = reply.headers['set-cookie'] ?? [];
  for (const c of cookies) {
    const m = /^__Host-hubdesk_session=([^;]*)/.exec(c);
    if (m && m[1]) return m[1];
  }
  return null;
}

/** A server-sent-event stream held open like a browser's EventSource: each `change` event in order. */
export function openEventStream(options: { port: number; ca: string; publicUrl: string; cookie: string }): Promise<{ status: number; next(): Promise<unknown>; close(): void }> {
  const publicUrl = new URL(options.publicUrl);
  return new Promise((resolve, reject) => {
    const req = https.get(
      { host: '127.0.0.1', port: options.port, path: '/api/changes', ca: options.ca, checkServerIdentity: (_h, cert) => tls.checkServerIdentity('127.0.0.1', cert), headers: { Host: publicUrl.host, Cookie: options.cookie, Accept: 'text/event-stream' } },
      (res) => {
        const events: unknown[] = [];
        const waiting: ((e: unknown) => void)[] = [];
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^event: change\ndata: (.*)$/m.exec(block);
            if (!data) continue;
            const event = JSON.parse(data[1]!);
            const waiter = waiting.shift();
            if (waiter) waiter(event);
            else events.push(event);
          }
        });
        resolve({
          status: res.statusCode ?? 0,
          next: () => (events.length > 0 ? Promise.resolve(events.shift()) : new Promise((r) => waiting.push(r))),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}
