import { afterEach, describe, expect, it } from 'vitest';
import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import { invalidateAfter, invalidateFromOutside, methodTags, tagsWritten } from '../../renderer/src/data/changes';
import { createQueryClient, type Call } from '../../renderer/src/data/client';

/**
 * The screens' data layer: every query is keyed [method, request]; a change marks stale the queries
 * that read what it writes (renderer/src/data/changes.ts), whether the change was made on this screen
 * or said from outside.
 */

const seeded = [
  ['schoolDashboard', { schoolId: 1 }],
  ['schoolDashboard', { schoolId: 2, year: '2026/27' }],
  ['schoolSupportRequests', { schoolId: 1 }],
  ['schoolRecord', { schoolId: 1 }],
  ['networkDashboard', {}],
  ['listBackups', {}],
  ['getIdentity', {}],
  ['listSpendCategories', {}],
] as const;

function clientWithQueries(client = new QueryClient()): QueryClient {
  for (const key of seeded) client.setQueryData(key, { seeded: true });
  return client;
}

/** The methods of the seeded queries that are now stale. */
function stale(client: QueryClient): string[] {
  return seeded.filter((key) => client.getQueryState(key)?.isInvalidated).map(([m, r]) => `${m} ${JSON.stringify(r)}`);
}

describe('which queries a change makes stale', () => {
  it('gives every contract method a line: a read names what it reads, a change what it writes', () => {
    expect(Object.keys(methodTags).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) {
      const tags = methodTags[name];
      if (contract[name].mutates) expect('writes' in tags, `${name} changes data: it must say what it writes`).toBe(true);
      else expect('reads' in tags, `${name} only reads: it must say what it reads`).toBe(true);
    }
  });

  it('audits every change: each one that writes named records also writes the audit log', () => {
    for (const name of methodNames) {
      const written = tagsWritten(name);
      if (contract[name].mutates && written !== 'everything') expect(written, name).toContain('audit');
    }
  });

  it('after a school is edited, reads the school again everywhere it shows, and nothing else', async () => {
    const client = clientWithQueries();
    await invalidateAfter(client, 'updateSchool');
    expect(stale(client)).toEqual([
      'schoolDashboard {"schoolId":1}',
      'schoolDashboard {"schoolId":2,"year":"2026/27"}',
      'schoolSupportRequests {"schoolId":1}',
      'schoolRecord {"schoolId":1}',
      'networkDashboard {}',
    ]);
  });

  it('a read changes nothing', async () => {
    const client = clientWithQueries();
    await invalidateAfter(client, 'schoolDashboard');
    expect(stale(client)).toEqual([]);
  });

  it('a restore, an undo or a merge makes every query stale', async () => {
    for (const method of ['restoreBackup', 'undoLastChange', 'undoImportBatch', 'mergeSchools', 'mergeHubs', 'loadDemo'] as MethodName[]) {
      const client = clientWithQueries();
      await invalidateAfter(client, method);
      expect(stale(client), method).toHaveLength(seeded.length);
    }
  });
});

describe('invalidateFromOutside: "this changed", said by another window or a server', () => {
  it('by tag: every query that reads it, whatever its request', async () => {
    const client = clientWithQueries();
    await invalidateFromOutside(client, ['support']);
    expect(stale(client)).toEqual(['schoolDashboard {"schoolId":1}', 'schoolDashboard {"schoolId":2,"year":"2026/27"}', 'schoolSupportRequests {"schoolId":1}', 'networkDashboard {}']);
  });

  it('by the name of a change: what that change writes', async () => {
    const byTag = clientWithQueries();
    const byChange = clientWithQueries();
    await invalidateFromOutside(byTag, ['support', 'audit']);
    await invalidateFromOutside(byChange, ['updateSupportRequest']);
    expect(stale(byChange)).toEqual(stale(byTag));
  });

  it('by the name of a query: that query only, for every request', async () => {
    const client = clientWithQueries();
    await invalidateFromOutside(client, ['schoolDashboard']);
    expect(stale(client)).toEqual(['schoolDashboard {"schoolId":1}', 'schoolDashboard {"schoolId":2,"year":"2026/27"}']);
  });

  it('a restore said from outside: everything', async () => {
    const client = clientWithQueries();
    await invalidateFromOutside(client, ['restoreBackup']);
    expect(stale(client)).toHaveLength(seeded.length);
  });

  it('ignores names it does not know (the message comes from outside)', async () => {
    const client = clientWithQueries();
    await invalidateFromOutside(client, ['__proto__', 'constructor', 'dropTables', '']);
    expect(stale(client)).toEqual([]);
  });
});

describe('the app client: queries and changes through window.api', () => {
  const calls: { method: string; request: unknown }[] = [];
  const g = globalThis as { window?: unknown };
  afterEach(() => {
    calls.length = 0;
    delete g.window;
  });

  it('asks the core once per [method, request], and again after a change that writes what it reads', async () => {
    let name = 'Cowley';
    g.window = {
      api: {
        call: async (method: string, request: unknown) => {
          calls.push({ method, request });
          if (method === 'updateSchool') {
            name = (request as { name: string }).name;
            return { record: { name }, auditId: 1, summary: 'Saved' };
          }
          return { school: { name } };
        },
      },
    };
    const client = createQueryClient();
    const observer = new QueryObserver(client, { queryKey: ['schoolDashboard', { schoolId: 7 }] });
    const unsubscribe = observer.subscribe(() => undefined);
    await expect.poll(() => observer.getCurrentResult().data).toEqual({ school: { name: 'Cowley' } });

    const change = new MutationObserver<unknown, Error, Call>(client, {});
    await change.mutate({ method: 'updateSchool' as const, request: { schoolId: 7, name: 'Cowley International' } });
    // The change resolves once the screen's query has been read again.
    expect(observer.getCurrentResult().data).toEqual({ school: { name: 'Cowley International' } });
    expect(calls.map((c) => c.method)).toEqual(['schoolDashboard', 'updateSchool', 'schoolDashboard']);
    unsubscribe();
  });

  it('a refused change leaves every query as it was', async () => {
    g.window = {
      api: {
        call: async (method: string) => {
          calls.push({ method, request: null });
          if (method === 'updateSchool') throw new Error('updateSchool: urn: a URN is 6 digits');
          return { ok: true };
        },
      },
    };
    const client = clientWithQueries(createQueryClient());
    const change = new MutationObserver<unknown, Error, Call>(client, {});
    await expect(change.mutate({ method: 'updateSchool' as const, request: { urn: '12' } })).rejects.toThrow('a URN is 6 digits');
    expect(stale(client)).toEqual([]);
  });
});
