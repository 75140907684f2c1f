import fs from 'node:fs';
import path from 'node:path';
import { databaseUrlFrom, openChosenStore } from '../core/db/open';
import { createContext } from '../core/context';
import { clockFromEnvironment, TEST_CLOCK_VARIABLE } from '../core/clock';
import { defaultDataDir } from '../core/data-dir';
import { hasActiveAdministrator } from '../core/people/people';
import { startBrowserServer } from './http';
import { parseServerArgs, USAGE, type ServerArgs } from './args';
import { startTeamServer, type TeamTransport } from './team/server';
import { warmFirstPage } from '../core/dashboards/warm';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function teamTransport(team: NonNullable<ServerArgs['team']>): TeamTransport {
  if (team.kind === 'behind-proxy') return team;
  try {
    return { kind: 'tls', cert: fs.readFileSync(team.cert), key: fs.readFileSync(team.key) };
  } catch (error) {
    return fail(`Could not read the certificate or key: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  let values: ServerArgs;
  try {
    values = parseServerArgs(process.argv.slice(2));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port;
  const transport = values.team ? teamTransport(values.team) : null;

  const now = clockFromEnvironment();
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const databaseUrl = databaseUrlFrom(values.databaseUrl);
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
