import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { dispatch } from '../../electron/core/dispatch';
import { createContext, type CoreContext } from '../../electron/core/context';
import { openPostgresStore } from '../../electron/core/db/postgres/connection';
import type { Store } from '../../electron/core/db/store';
import { schoolRecord } from '../../electron/core/records/schools';
import { commitOnce } from '../../electron/core/imports/commit-flow';
import { plannedOnce } from '../../electron/core/imports/memo';
import type { SchoolRecord } from '../../shared/contract/records';
import { createTestDatabase } from '../helpers/pg-store';
import { tempDir, TEST_NOW } from '../helpers/store';

// PostgreSQL only: several connections (each store its own pool) on one shared database.
let url: string;
let drop: () => Promise<void>;
let a: CoreContext;
let b: CoreContext;
const opened: Store[] = [];

async function connect(): Promise<CoreContext> {
  const store = await openPostgresStore({ url, dataDir: tempDir() });
  opened.push(store);
  return createContext(store, { now: () => TEST_NOW, user: 'tester' });
}

beforeAll(async () => {
  ({ url, drop } = await createTestDatabase());
  a = await connect();
  b = await connect();
  await loadDemoNetwork(a);
});
afterAll(async () => {
  for (const s of opened) await s.close();
  await drop();
});

function formOf(s: SchoolRecord) {
  const { id, version, ...rest } = s;
  return { schoolId: id, version, ...rest, phase: rest.phase as 'Primary' | null };
}

describe('a store shared by a team (PostgreSQL)', () => {
  it('refuses the second of two people saving the same record from what they both opened', async () => {
    const seenByA = await schoolRecord(a, 2);
    const seenByB = await schoolRecord(b, 2);
    const first = await dispatch(a, 'updateSchool', { ...formOf(seenByA), phone: '020 7000 0001' });
    expect(first.ok).toBe(true);
    const second = await dispatch(b, 'updateSchool', { ...formOf(seenByB), phone: '020 7000 0002' });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.kind).toBe('conflict');
      expect(second.error.message).toMatch(/changed .* at \d\d:\d\d on \d{1,2} [A-Z][a-z]+ 20\d\d; reload to see (their|that) change\./);
    }
    expect((await schoolRecord(b, 2)).phone).toBe('020 7000 0001');
  });

  it('lets one writer at a time: a second write transaction waits for the first to commit', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = a.db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key: 'lock-test-a', value: '1' }).execute();
      order.push('a wrote');
      await held;
      order.push('a commits');
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = b.db.transaction().execute(async (trx) => {
      order.push('b began');
      const seen = await trx.selectFrom('settings').where('key', '=', 'lock-test-a').select('value').executeTakeFirst();
      order.push(seen ? 'b saw a' : 'b did not see a');
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(order).toEqual(['a wrote']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['a wrote', 'a commits', 'b began', 'b saw a']);
  });

  it('never serves a cached funding figure after another connection commits a change', async () => {
    const overview = async (ctx: CoreContext) => {
      const r = await dispatch(ctx, 'listFunding', { year: '2026/27' });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const before = await overview(a);
    expect(await overview(a)).toEqual(before);
    const m = await b.db.selectFrom('memberships').innerJoin('membership_years as y', 'y.id', 'memberships.year_id').where('y.label', '=', '2026/27').select(['memberships.id', 'memberships.pupils']).orderBy('memberships.id').executeTakeFirstOrThrow();
    await b.db.updateTable('memberships').set({ pupils: m.pupils + 5000 }).where('id', '=', m.id).execute();
    const after = await overview(a);
    expect(after).not.toEqual(before);
    expect(await overview(a)).toEqual(after);
  });

  it('bumps the change stamp in the committing transaction (not on rollback) and notifies listeners', async () => {
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    await listener.query('listen hubdesk_changes');
    try {
      const start = await a.store.dataStamp();
      await b.db.transaction().execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'stamp-1', value: 'x' }).execute();
        await trx.insertInto('settings').values({ key: 'stamp-2', value: 'x' }).execute();
      });
      const afterCommit = await a.store.dataStamp();
      expect(Number(afterCommit)).toBe(Number(start) + 1);
      await expect(
        b.db.transaction().execute(async (trx) => {
          await trx.insertInto('settings').values({ key: 'stamp-3', value: 'x' }).execute();
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await a.store.dataStamp()).toBe(afterCommit);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual(['hubdesk_changes']);
    } finally {
      await listener.end();
    }
  });

  it('an import planned before a colleague\'s commit plans again under the write lock, so it writes what is there now', async () => {
    // The colleague is mid-transaction (holding the write lock, the row not yet committed) while the import plans.
    let finishColleague!: () => void;
    const colleagueMayCommit = new Promise<void>((r) => (finishColleague = r));
    let colleagueWrote!: () => void;
    const colleagueHasLock = new Promise<void>((r) => (colleagueWrote = r));
    const colleague = b.db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key: 'race-colleague', value: 'x' }).execute();
      colleagueWrote();
      await colleagueMayCommit;
    });
    await colleagueHasLock;
    let plansMade = 0;
    const written = await commitOnce(a, {
      backupReason: 'test',
      plan: () =>
        plannedOnce(a.store, 'race', async () => {
          plansMade += 1;
          return (await a.db.selectFrom('settings').where('key', 'like', 'race-%').select('key').execute()).map((r) => r.key);
        }),
      check: () => {
        finishColleague(); // commits while the import waits for the lock
        return undefined;
      },
      write: async (trx, keys) => {
        await trx.insertInto('settings').values({ key: 'race-written', value: JSON.stringify(keys) }).execute();
        return keys;
      },
    });
    await colleague;
    expect(plansMade).toBe(2);
    expect(written).toEqual(['race-colleague']);
  });

  it('records the database login of whoever made a change in the audit log', async () => {
    const entry = await sql<{ login_role: string; os_user: string }>`select login_role, os_user from audit_log order by id desc limit 1`.execute(a.db);
    expect(entry.rows[0]).toEqual({ login_role: 'hubdesk', os_user: 'tester' });
  });
});

describe('roles refused by the database itself', () => {
  const asRole = async (role: string, run: (client: pg.Client) => Promise<unknown>) => {
    const login = `${role}_login_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`do $$ begin if not exists (select 1 from pg_roles where rolname = '${login}') then create role ${login} login in role ${role}; end if; end $$`);
    await admin.end();
    const client = new pg.Client({ connectionString: url.replace('postgres://hubdesk@', `postgres://${login}@`) });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };

  it('a Memberships Manager may change a school but not funding; a Viewer changes nothing and cannot read contacts', async () => {
    await asRole('hubdesk_memberships_manager', async (c) => {
      await c.query("update schools set phone = '020 7000 0003' where id = 3");
      await expect(c.query("update claims set status = 'paid'")).rejects.toThrow(/permission denied for table claims/);
      await expect(c.query("insert into spend_categories (name, position) values ('x', 99)")).rejects.toThrow(/permission denied/);
    });
    await asRole('hubdesk_finance', async (c) => {
      await c.query("update claims set over_release_reason = over_release_reason where id = 1");
      await expect(c.query("update schools set phone = 'x' where id = 3")).rejects.toThrow(/permission denied for table schools/);
    });
    await asRole('hubdesk_viewer', async (c) => {
      expect((await c.query('select count(*) from schools')).rows[0].count).not.toBe('0');
      await expect(c.query('select * from contacts')).rejects.toThrow(/permission denied for table contacts/);
      await expect(c.query('select * from audit_log')).rejects.toThrow(/permission denied for table audit_log/);
      await expect(c.query("update hubs set region = 'x'")).rejects.toThrow(/permission denied for table hubs/);
    });
  });

  it('only the Administrator\'s role reads or changes people, their roles, sessions and sign-in failures (password and session hashes)', async () => {
    for (const role of ['hubdesk_viewer', 'hubdesk_memberships_manager', 'hubdesk_finance']) {
      await asRole(role, async (c) => {
        for (const table of ['people', 'person_roles', 'sessions', 'sign_in_failures']) {
          await expect(c.query(`select * from ${table}`)).rejects.toThrow(new RegExp(`permission denied for table ${table}`));
        }
      });
    }
    await asRole('hubdesk_administrator', async (c) => {
      await c.query("insert into people (name, email, password_hash, password_changed_at, created_at) values ('Ada', 'ada@example.org', 'x', '2026-11-23', '2026-11-23')");
      expect((await c.query('select count(*) from sessions')).rows[0].count).toBe('0');
    });
  });

  it('nobody in an application role may update or delete the audit log', async () => {
    for (const role of ['hubdesk_memberships_manager', 'hubdesk_finance', 'hubdesk_administrator']) {
      await asRole(role, async (c) => {
        await expect(c.query("update audit_log set action = 'x'")).rejects.toThrow(/permission denied for table audit_log/);
        await expect(c.query('delete from audit_log')).rejects.toThrow(/permission denied for table audit_log/);
      });
    }
  });
});
