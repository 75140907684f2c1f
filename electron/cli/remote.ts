import fs from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { ApiError, type Envelope } from '@shared/contract';
import { createApiClient, type Transport } from '@shared/client';
import type { CliCore } from './command';
import { CliCallError } from './call';

/** Where and as whom the command line calls a team server. */
export interface RemoteTarget {
  /** The team server's https:// address, as people open it. */
  server: URL;
  /** The API token (never from the command line itself: `ps` would show it). */
  token: string;
  /** PEM certificates of a private certificate authority to trust besides the system's, or none. */
  ca?: string;
}

/** Network failures: the server could not be reached at all. */
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'its name could not be looked up',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  ETIMEDOUT: 'it did not answer in time',
  ECONNRESET: 'the connection was dropped',
};

/** What went wrong with a connection, in words; the certificate's own problem named. */
function connectionMessage(server: URL, error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (UNREACHABLE[code]) return `Could not reach the hubdesk server at ${server.origin}: ${UNREACHABLE[code]} (${code}). Check the address and that the server is running.`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) {
    return `The hubdesk server at ${server.origin} did not show a certificate this computer trusts (${error.message}); nothing was sent. If it is signed by your organisation's own certificate authority, give that with --ca FILE (or NODE_EXTRA_CA_CERTS).`;
  }
  return `Could not talk to the hubdesk server at ${server.origin}: ${error.message}`;
}

/** Why a team server refused the request itself (before any contract method ran), in words. */
function refusalMessage(server: URL, status: number, body: string): string {
  let message = body.trim();
  try {
    message = (JSON.parse(body) as Envelope & { ok: false }).error.message;
  } catch {
    // A plain-text answer.
  }
  if (status === 401) return `The hubdesk server at ${server.origin} refused the API token: it is unknown, revoked or past its end, or its person is disabled. Ask an administrator for a new one (hubdesk people token EMAIL).`;
  return `The hubdesk server at ${server.origin} refused the request (HTTP ${status}): ${message}`;
}

/** A failure before any contract method ran: the message is all there is. */
export class RemoteError extends Error {}

/** The HTTPS transport: each call a POST to /api/call/<method> with the token as a Bearer credential. */
function httpsTransport(target: RemoteTarget): Transport {
  const ca = target.ca === undefined ? undefined : [...tls.rootCertificates, target.ca];
  return (method, payload) =>
    new Promise((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(payload));
      const req = https.request(
        new URL(`/api/call/${encodeURIComponent(method)}`, target.server),
        {
          method: 'POST',
          // Node checks the certificate against the system's authorities (and NODE_EXTRA_CA_CERTS), or these.
          ...(ca ? { ca } : {}),
          headers: { Authorization: `Bearer ${target.token}`, 'Content-Type': 'application/json', 'Content-Length': String(body.length), Accept: 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) return reject(new RemoteError(refusalMessage(target.server, res.statusCode ?? 0, text)));
            try {
              resolve(JSON.parse(text) as Envelope);
            } catch {
              reject(new RemoteError(`The server at ${target.server.origin} answered something that is not hubdesk's: is it a hubdesk team server?`));
            }
          });
          res.on('error', (error) => reject(new RemoteError(connectionMessage(target.server, error))));
        },
      );
      req.on('error', (error) => reject(new RemoteError(connectionMessage(target.server, error as NodeJS.ErrnoException))));
      req.end(body);
    });
}

/** A team server as a command's core, through the same typed client the screens use. */
export function remoteCore(target: RemoteTarget): CliCore {
  const api = createApiClient(httpsTransport(target));
  return {
    call: async (method, request) => {
      try {
        return await api.call(method, request);
      } catch (error) {
        if (error instanceof ApiError) throw new CliCallError(error.message, error.kind, error.issues);
        throw error;
      }
    },
  };
}

/** --ca FILE: the certificate authority's PEM, read now so a wrong path is said before anything is sent. */
export function readCa(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new RemoteError(`Cannot read the certificate authority ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new RemoteError(`${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`);
  return text;
}

/** The API token: from --token-file (its first line) or HUBDESK_TOKEN. */
export function readToken(tokenFile: string | undefined, env: NodeJS.ProcessEnv): string | null {
  if (tokenFile !== undefined) {
    try {
      return fs.readFileSync(tokenFile, 'utf8').split(/\r?\n/)[0]!.trim() || null;
    } catch (error) {
      throw new RemoteError(`Cannot read the token file ${tokenFile}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.`);
    }
  }
  return env.HUBDESK_TOKEN?.trim() || null;
}
