import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContext, type CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { openPostgresStore } from '../../electron/core/db/postgres/connection';
import type { Store } from '../../electron/core/db/store';
import { startTeamServer, type TeamServer } from '../../electron/server/team/server';
import type { PersonWithPassword } from '../../shared/contract';
import { createTestDatabase } from '../helpers/pg-store';
import { tempDir, TEST_NOW } from '../helpers/store';
import { client, openEventStream, selfSignedCertificate, sessionTokenOf } from '../helpers/team-server';

// PostgreSQL only: a store shared with other programs. The team server tells its screens of changes
// another program commits on the same database (the command line, a second server), from the
// store's notifications, and not twice of its own.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let serverStore: Store;
let otherStore: Store;
let serverCtx: CoreContext;
let otherCtx: CoreContext;
let server: TeamServer;
let manager: PersonWithPassword;
let cert: string;

beforeAll(async () => {
  database = await createTestDatabase();
  serverStore = await openPostgresStore({ url: database.url, dataDir: tempDir() });
  otherStore = await openPostgresStore({ url: database.url, dataDir: tempDir() });
  serverCtx = createContext(serverStore, { now: () => TEST_NOW, user: 'server' });
  // The command line of a finance person on the same database.
  otherCtx = createContext(otherStore, { now: () => TEST_NOW, user: 'Fin Ance', person: 'Fin Ance' });
  const added = await dispatch(serverCtx, 'addPerson', { name: 'Ada Admin', email: 'ada@example.org', roles: ['finance', 'administrator'] });
  if (!added.ok) throw new Error(added.error.message);
  manager = added.value as PersonWithPassword;
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>hubdesk</title>');
  const pair = selfSignedCertificate();
  cert = pair.cert;
  server = await startTeamServer(serverCtx, { rendererDir, transport: { kind: 'tls', cert, key: pair.key } });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await serverStore?.close();
  await otherStore?.close();
  await database?.drop();
});

describe('live changes on a shared PostgreSQL store', () => {
  it('a change committed by another program reaches the screens once; the server’s own change once, by its method', { timeout: 120_000 }, async () => {
    const request = client({ port: server.port, ca: cert, publicUrl: server.url });
    const signIn = await request('/auth/sign-in', { method: 'POST', body: { email: manager.person.email, password: manager.password } });
    expect(signIn.status, signIn.body).toBe(200);
    const token = sessionTokenOf(signIn)!;
    const csrf = (signIn.json?.value as { csrfToken: string }).csrfToken;
    const stream = await openEventStream({ port: server.port, ca: cert, publicUrl: server.url, cookie: `__Host-hubdesk_session=${token}` });
    expect(stream.status).toBe(200);

    const byOther = await dispatch(otherCtx, 'addSpendCategory', { name: 'Travel (from the command line)' });
    expect(byOther.ok).toBe(true);
    expect(await stream.next()).toEqual({ methods: ['*'], by: 'Fin Ance' });

    const own = await request('/api/call/addSpendCategory', { method: 'POST', body: { name: 'Catering' }, headers: { Cookie: `__Host-hubdesk_session=${token}`, 'X-Hubdesk-CSRF': csrf } });
    expect(own.json?.ok, own.body).toBe(true);
    expect(await stream.next()).toEqual({ methods: ['addSpendCategory'], by: 'Ada Admin' });
    // Longer than the server gathers notifications for: were its own commit's notification not
    // recognised as its own, a second event (naming Ada Admin, the latest in the audit log) would come now.
    await new Promise((r) => setTimeout(r, 800));
    const again = await dispatch(otherCtx, 'addSpendCategory', { name: 'Venue hire' });
    expect(again.ok).toBe(true);
    expect(await stream.next()).toEqual({ methods: ['*'], by: 'Fin Ance' });
    stream.close();
  });

  it('listens again after its connection is cut, and says something may have changed meanwhile', { timeout: 60_000 }, async () => {
    let heard = 0;
    const stop = await otherStore.watchOthersChanges!(() => (heard += 1));
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const cut = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen hubdesk_changes' and pid <> pg_backend_pid()");
      expect(cut.rowCount).toBeGreaterThanOrEqual(1);
      await vi.waitFor(() => expect(heard).toBeGreaterThanOrEqual(1), { timeout: 20_000, interval: 100 });
      // Listening again: a commit by the server's store (not otherStore's own) is heard.
      const before = heard;
      const write = await dispatch(serverCtx, 'addSpendCategory', { name: 'Heard after reconnecting' });
      expect(write.ok).toBe(true);
      await vi.waitFor(() => expect(heard).toBeGreaterThan(before), { timeout: 20_000, interval: 100 });
    } finally {
      await admin.end();
      await stop();
    }
  });
});
