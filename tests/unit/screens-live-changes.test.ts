import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { followChanges, onOutsideChange, type ChangeSource, type OutsideChange } from '../../renderer/src/data/live';
import { tagsOverlapping } from '../../renderer/src/data/changes';
import { ANY_DATA } from '../../shared/live-changes';

/** A stand-in for the browser's EventSource: the test says what the server sent. */
function fakeSource() {
  let listener: ((event: { data: string }) => void) | null = null;
  let closed = false;
  const source: ChangeSource = {
    addEventListener: (_type, l) => {
      listener = l;
    },
    close: () => {
      closed = true;
    },
  };
  return { source, send: (data: string) => listener?.({ data }), closed: () => closed };
}

const seeded = [
  ['listSpendCategories', {}],
  ['spendNetwork', { year: '2026/27' }],
  ['schoolRecord', { schoolId: 1 }],
  ['listPeople', {}],
] as const;

function stale(client: QueryClient): string[] {
  return seeded.filter((key) => client.getQueryState(key)?.isInvalidated).map(([m]) => m);
}

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
}

describe('a colleague’s change pushed by the team server', () => {
  it('makes stale exactly the queries that read what the change wrote', async () => {
    const client = new QueryClient();
    for (const key of seeded) client.setQueryData(key, { seeded: true });
    const { source, send } = fakeSource();
    followChanges(client, source);
    send(JSON.stringify({ methods: ['addSpendCategory'], by: 'Fin Ance' }));
    await settle();
    expect(stale(client).sort()).toEqual(['listSpendCategories', 'spendNetwork']);
  });

  it('a change made outside the server (another server, the command line) makes every query stale', async () => {
    const client = new QueryClient();
    for (const key of seeded) client.setQueryData(key, { seeded: true });
    const { source, send } = fakeSource();
    followChanges(client, source);
    send(JSON.stringify({ methods: ['*'], by: 'Fin Ance' }));
    await settle();
    expect(stale(client).sort()).toEqual(seeded.map(([m]) => m).sort());
  });

  it('ignores what it does not understand, and stops when asked', async () => {
    const client = new QueryClient();
    for (const key of seeded) client.setQueryData(key, { seeded: true });
    const { source, send, closed } = fakeSource();
    const stop = followChanges(client, source);
    for (const data of ['not json', '{"methods": "addPerson"}', '{"methods": [42, "noSuchMethod"]}', 'null']) send(data);
    await settle();
    expect(stale(client)).toEqual([]);
    stop();
    expect(closed()).toBe(true);
  });
});

describe('a screen holding what the cache does not (an import preview) hears of each change', () => {
  it('is told the methods and who made the change; what it read and the change wrote in common is named', () => {
    const { source, send } = fakeSource();
    followChanges(new QueryClient(), source);
    const heard: OutsideChange[] = [];
    const stop = onOutsideChange((c) => heard.push(c));
    send(JSON.stringify({ methods: ['updateClaim'], by: 'Fin Ance' }));
    send('not json');
    send(JSON.stringify({ methods: ['updateSchool', 42], by: 7 }));
    stop();
    send(JSON.stringify({ methods: ['updateClaim'], by: 'Fin Ance' }));
    expect(heard).toEqual([
      { methods: ['updateClaim'], by: 'Fin Ance' },
      { methods: ['updateSchool'], by: null },
    ]);
    // A roll preview reads funding and schools: a claim changes funding, a school's details schools.
    expect(tagsOverlapping(['updateClaim'], ['funding', 'schools'])).toEqual(['funding']);
    expect(tagsOverlapping(['updateSchool'], ['funding', 'schools'])).toEqual(['schools']);
    expect(tagsOverlapping(['recordCall', 'noSuchMethod', 'listHubs'], ['funding', 'schools'])).toEqual([]);
    expect(tagsOverlapping(['restoreBackup'], ['ofsted'])).toEqual(['ofsted']);
    expect(tagsOverlapping([ANY_DATA], ['ofsted', 'schools'])).toEqual(['ofsted', 'schools']);
    expect(tagsOverlapping(['schools', 'calls'], ['ofsted', 'schools'])).toEqual(['schools']);
  });
});
