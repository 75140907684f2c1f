import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, ROLES, type Role } from '../../shared/contract';
import { dispatch } from '../../electron/core/dispatch';
import { signedInAs, type CoreContext } from '../../electron/core/context';
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

/** Every set of roles a person can hold (the empty set included): 16 of them. */
const roleSets: Role[][] = Array.from({ length: 2 ** ROLES.length }, (_, bits) => ROLES.filter((_, i) => bits & (2 ** i)));

function personWith(roles: readonly Role[]): CoreContext {
  return signedInAs(t.ctx, { id: 1, name: roles.length ? `a ${roles.join(' and ')}` : 'someone with no role', email: 'someone@example.org', roles });
}

describe('contract fuzzing × roles: every method is allowed exactly to the roles it declares, and a refusal writes nothing', () => {
  it.each(methodNames)('%s', async (method) => {
    const declared = contract[method].roles;
    expect(declared.length, `${method} declares no role`).toBeGreaterThan(0);
    const refused = roleSets.filter((roles) => !roles.some((role) => declared.includes(role)));
    const allowed = roleSets.filter((roles) => roles.some((role) => declared.includes(role)));
    // Refused: forbidden whatever the payload (even a valid one: the door comes before the schema),
    // and nothing is written.
    const before = await storeHash(t.store);
    for (const roles of refused) {
      for (const payload of [{}, 'not an object', { unexpectedKey: 1 }]) {
        const result = await dispatch(personWith(roles), method, payload);
        expect(result.ok, `${method} let ${roles.join('+') || 'no role'} through`).toBe(false);
        if (!result.ok) {
          expect(result.error.kind).toBe('forbidden');
          expect(result.error.message).toContain(method);
        }
      }
    }
    expect(await storeHash(t.store)).toBe(before);
    // Allowed: the door lets the call through, so an invalid payload meets the schema.
    for (const roles of allowed) {
      const result = await dispatch(personWith(roles), method, 'not an object');
      expect(result.ok ? 'ok' : result.error.kind, `${method} with ${roles.join('+')}`).toBe('validation');
    }
  });
});
