import { parseArgs } from 'node:util';

export const USAGE = [
  'usage: node out/server/index.js [--data DIR] [--database-url URL] [--port N]',
  '  Serves hubdesk on http://127.0.0.1 for use in a browser (one person, this computer).',
  'usage: node out/server/index.js --team [--data DIR] [--database-url URL] [--host ADDRESS] [--port N] (--cert FILE --key FILE [--url URL] | --behind-proxy --url URL)',
  '  Serves hubdesk to a team over HTTPS: people sign in (hubdesk people add creates them).',
  '  --cert, --key     the TLS certificate (chain) and private key, PEM files',
  '  --behind-proxy    plain HTTP to a reverse proxy that terminates TLS (listens on 127.0.0.1 unless --host)',
  '  --url URL         the https:// address people open (default HUBDESK_URL; required behind a proxy)',
].join('\n');

/** A mistake in the server's arguments: said with the usage, exit 2. */
export class ServerUsageError extends Error {}

export interface ServerArgs {
  help: boolean;
  data?: string;
  databaseUrl?: string;
  port: number;
  /** The team server, and how TLS is done; null for browser mode. */
  team: null | { kind: 'tls'; cert: string; key: string } | { kind: 'behind-proxy' };
  host?: string;
  url?: string;
}

/**
 * The server's command line, checked: what the server runs with, or a ServerUsageError saying what
 * is wrong. The public address may come from HUBDESK_URL (a service's environment file).
 */
export function parseServerArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServerArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        'database-url': { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean' },
        team: { type: 'boolean' },
        host: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
        'behind-proxy': { type: 'boolean' },
        url: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new ServerUsageError((error as Error).message);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServerUsageError('--port must be a whole number from 0 to 65535');
  if (!values.team && (values.host || values.cert || values.key || values['behind-proxy'] || values.url)) throw new ServerUsageError('--host, --cert, --key, --behind-proxy and --url are for --team.');
  const url = values.url ?? (values.team ? env.HUBDESK_URL?.trim() || undefined : undefined);
  let team: ServerArgs['team'] = null;
  if (values.team) {
    if (values['behind-proxy']) {
      if (values.cert || values.key) throw new ServerUsageError('--behind-proxy takes no --cert or --key: the proxy holds the certificate.');
      if (!url) throw new ServerUsageError('--behind-proxy needs --url (or HUBDESK_URL), the https:// address people open.');
      team = { kind: 'behind-proxy' };
    } else {
      if (!values.cert || !values.key) throw new ServerUsageError('--team needs --cert FILE and --key FILE (HTTPS), or --behind-proxy --url URL.');
      team = { kind: 'tls', cert: values.cert, key: values.key };
    }
  }
  return { help: values.help === true, data: values.data, databaseUrl: values['database-url'], port, team, host: values.host, url };
}
