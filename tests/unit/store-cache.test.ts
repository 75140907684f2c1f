import { describe, expect, it } from 'vitest';
import { cached, MAX_ENTRIES } from '../../electron/core/db/store-cache';
import type { OpenedStore } from '../../electron/core/db/connection';

/** A store whose change stamp the test sets, and a context on it (no database is touched). */
function fakeStore() {
  const db = { isTransaction: false };
  const state = { stamp: 'a' };
  const store = { db, changeStamp: () => state.stamp } as unknown as OpenedStore;
  return { state, ctx: { store, db: store.db } };
}

function counter() {
  let n = 0;
  return { compute: async () => (n += 1), count: () => n };
}

describe('values kept until the store changes', () => {
  it('computes once while the stamp is unchanged, again when it changes', async () => {
    const { state, ctx } = fakeStore();
    const c = counter();
    expect(await cached(ctx, 'k', c.compute)).toBe(1);
    expect(await cached(ctx, 'k', c.compute)).toBe(1);
    state.stamp = 'b';
    expect(await cached(ctx, 'k', c.compute)).toBe(2);
    expect(await cached(ctx, 'k', c.compute)).toBe(2);
    expect(c.count()).toBe(2);
  });

  it('hands a value computed while the store changed to its caller but never keeps it', async () => {
    const { state, ctx } = fakeStore();
    let n = 0;
    const first = await cached(ctx, 'k', async () => {
      n += 1;
      state.stamp = 'changed during the computation';
      return n;
    });
    expect(first).toBe(1);
    expect(await cached(ctx, 'k', async () => (n += 1))).toBe(2);
    expect(await cached(ctx, 'k', async () => (n += 1))).toBe(2);
  });

  it('never keeps a failure', async () => {
    const { ctx } = fakeStore();
    await expect(cached(ctx, 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cached(ctx, 'k', async () => 'ok')).toBe('ok');
  });

  it('always computes inside a transaction or on another connection', async () => {
    const { ctx } = fakeStore();
    const c = counter();
    const inTransaction = { store: ctx.store, db: { isTransaction: true } } as unknown as typeof ctx;
    await cached(inTransaction, 'k', c.compute);
    await cached(inTransaction, 'k', c.compute);
    const other = { store: ctx.store, db: { isTransaction: false } } as unknown as typeof ctx;
    await cached(other, 'k', c.compute);
    expect(c.count()).toBe(3);
    // and nothing computed there was kept for the store's own connection
    expect(await cached(ctx, 'k', c.compute)).toBe(4);
  });

  it(`keeps at most ${MAX_ENTRIES} values, dropping the least recently used`, async () => {
    const { ctx } = fakeStore();
    const c = counter();
    for (let i = 0; i < MAX_ENTRIES; i += 1) await cached(ctx, `k${i}`, c.compute);
    await cached(ctx, 'k0', c.compute); // used again: now the most recent
    await cached(ctx, 'one more', c.compute); // k1 goes
    expect(c.count()).toBe(MAX_ENTRIES + 1);
    await cached(ctx, 'k0', c.compute);
    expect(c.count()).toBe(MAX_ENTRIES + 1);
    await cached(ctx, 'k1', c.compute);
    expect(c.count()).toBe(MAX_ENTRIES + 2);
  });
});
