import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseUrlFrom, openChosenStore } from '../core/db/open';
import { createContext } from '../core/context';
import { clockFromEnvironment, TEST_CLOCK_VARIABLE } from '../core/clock';
import { defaultDataDir } from '../core/data-dir';
import { hasActiveAdministrator } from '../core/people/people';
import { startBrowserServer } from './http';
import { startTeamServer, type TeamTransport } from './team/server';
import { warmFirstPage } from '../core/dashboards/warm';

const USAGE = [
  'usage: node out/server/index.js [--data DIR] [--database-url URL] [--port N]',
  '  Serves hubdesk on http://127.0.0.1 for use in a browser (one person, this computer).',
  'usage: node out/server/index.js --team [--data DIR] [--database-url URL] [--host ADDRESS] [--port N] (--cert FILE --key FILE [--url URL] | --behind-proxy --url URL)',
  '  Serves hubdesk to a team over HTTPS: people sign in (hubdesk people add creates them).',
  '  --cert, --key     the TLS certificate (chain) and private key, PEM files',
  '  --behind-proxy    plain HTTP to a reverse proxy that terminates TLS (listens on 127.0.0.1 unless --host)',
  '  --url URL         the https:// address people open (required behind a proxy)',
].join('\n');

type Values = { data?: string; 'database-url'?: string; port?: string; help?: boolean; team?: boolean; host?: string; cert?: string; key?: string; 'behind-proxy'?: boolean; url?: string };

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function teamTransport(values: Values): TeamTransport {
  if (values['behind-proxy']) {
    if (values.cert || values.key) fail('--behind-proxy takes no --cert or --key: the proxy holds the certificate.');
    if (!values.url) fail('--behind-proxy needs --url, the https:// address people open.');
    return { kind: 'behind-proxy' };
  }
  if (!values.cert || !values.key) fail('--team needs --cert FILE and --key FILE (HTTPS), or --behind-proxy --url URL.');
  try {
    return { kind: 'tls', cert: fs.readFileSync(values.cert), key: fs.readFileSync(values.key) };
  } catch (error) {
    return fail(`Could not read the certificate or key: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  let values: Values;
  try {
    ({ values } = parseArgs({
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
    return fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a whole number from 0 to 65535');
  if (!values.team && (values.host || values.cert || values.key || values['behind-proxy'] || values.url)) fail('--host, --cert, --key, --behind-proxy and --url are for --team.');
  const transport = values.team ? teamTransport(values) : null;

  const now = clockFromEnvironment();
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const databaseUrl = databaseUrlFrom(values['database-url']);
  const store = await openChosenStore(dataDir, databaseUrl, { lockAs: transport ? 'team server' : 'browser-mode server' });
  // A team server's changes name whoever signed in; browser mode's the person it was started for.
  const ctx = createContext(store, { now, person: transport ? undefined : process.env.HUBDESK_PERSON });
  const rendererDir = path.join(__dirname, '..', 'renderer');
  let close: () => Promise<void>;
  if (transport) {
    if (!(await hasActiveAdministrator(store.db))) {
      await store.close();
      process.stderr.write(`Nobody can sign in yet. Create the first administrator, then start the server again:\n  hubdesk --data ${dataDir} people add --name NAME --email EMAIL --roles administrator\n`);
      process.exit(1);
    }
    const server = await startTeamServer(ctx, { rendererDir, transport, host: values.host, port, publicUrl: values.url });
    close = server.close;
    process.stdout.write(`hubdesk is serving the team.\n  Data: ${store.location}${databaseUrl ? '' : ' (SQLite: for a team of two at most; the PostgreSQL store is for more)'}\n  Open: ${server.url}\n  Listening on ${values.host ?? '127.0.0.1'}:${server.port} (${transport.kind === 'tls' ? 'HTTPS' : 'HTTP to the TLS proxy'})\n`);
  } else {
    const server = await startBrowserServer(ctx, { rendererDir, port });
    close = server.close;
    process.stdout.write(`hubdesk is running in browser mode.\n  Data: ${store.location}\n  Open: ${server.entryUrl}\n`);
  }
  if (process.env[TEST_CLOCK_VARIABLE]) process.stdout.write(`  Clock: started at ${process.env[TEST_CLOCK_VARIABLE]} for a test run (${TEST_CLOCK_VARIABLE})\n`);
  warmFirstPage(ctx);
  const stop = async () => {
    await close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`hubdesk could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
