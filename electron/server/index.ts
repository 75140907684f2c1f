import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseUrlFrom, openChosenStore } from '../core/db/open';
import { createContext } from '../core/context';
import { clockFromEnvironment, TEST_CLOCK_VARIABLE } from '../core/clock';
import { defaultDataDir } from '../core/data-dir';
import { startBrowserServer } from './http';
import { warmFirstPage } from '../core/dashboards/warm';

const USAGE = 'usage: node out/server/index.js [--data DIR] [--database-url URL] [--port N]\n  Serves hubdesk on http://127.0.0.1 for use in a browser.';

async function main(): Promise<void> {
  let values: { data?: string; 'database-url'?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { data: { type: 'string' }, 'database-url': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a whole number from 0 to 65535\n${USAGE}\n`);
    process.exit(2);
  }
  const now = clockFromEnvironment();
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const store = await openChosenStore(dataDir, databaseUrlFrom(values['database-url']), { lockAs: 'browser-mode server' });
  const ctx = createContext(store, { now, person: process.env.HUBDESK_PERSON });
  const server = await startBrowserServer(ctx, { rendererDir: path.join(__dirname, '..', 'renderer'), port });
  process.stdout.write(`hubdesk is running in browser mode.\n  Data: ${store.location}\n  Open: ${server.entryUrl}\n`);
  if (process.env[TEST_CLOCK_VARIABLE]) process.stdout.write(`  Clock: started at ${process.env[TEST_CLOCK_VARIABLE]} for a test run (${TEST_CLOCK_VARIABLE})\n`);
  warmFirstPage(ctx);
  const stop = async () => {
    await server.close();
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
