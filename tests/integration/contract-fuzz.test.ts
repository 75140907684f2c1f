import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/contract';
import { dispatch } from '../../electron/core/dispatch';
import { openTestStore, type TestStore, storeHash } from '../helpers/store';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await dispatch(t.ctx, 'loadDemo', { confirm: true });
});
afterAll(async () => {
  await t.close();
});

const hugeString = 'x'.repeat(2_000_000);
const pollution = [
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  { prototype: { polluted: true } },
];

/** Payloads that no method accepts: not objects at all, or objects with keys no schema knows. */
const alwaysInvalid: unknown[] = [
  'a string',
  42,
  true,
  [],
  [{}],
  { unexpectedKey: hugeString },
  { ['x'.repeat(10_000)]: 1 },
  ...pollution,
];

describe('contract fuzzing: every method refuses invalid payloads with a typed error and writes nothing', () => {
  it.each(methodNames)('%s', async (method) => {
    const before = (await storeHash(t.store));
    for (const payload of alwaysInvalid) {
      const result = await dispatch(t.ctx, method, payload);
      expect(result.ok, `${method} accepted ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('validation');
        expect(result.error.message.length).toBeLessThan(2_000);
      }
    }
    // Generated payloads: whatever the schema refuses, dispatch must refuse the same way.
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (payload) => {
        if (contract[method].request.safeParse(payload).success) return;
        const result = await dispatch(t.ctx, method, payload);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.kind).toBe('validation');
      }),
      { numRuns: 60, seed: 20261123 },
    );
    expect((await storeHash(t.store))).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
