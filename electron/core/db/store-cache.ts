import type { Kysely } from 'kysely';
import type { Store } from './store';
import type { Database } from './schema';

/**
 * Values computed from the store (a year's funding, the network dashboard), kept in memory while the
 * store is unchanged. Every lookup compares the store's change stamp (the generation bumped by
 * `dispatch` around each mutation, and any write by this connection or commit by another) with the one the values were computed under: on any difference everything is dropped.
 * A value whose computation overlapped a change is handed to its caller but never kept.
 *
 * Only reads through the store's own connection outside a transaction are kept: inside a
 * transaction the rows may hold uncommitted writes that a rollback takes back (total_changes does
 * not go down), so there the value is always computed.
 */
interface Entries {
  stamp: string;
  values: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<Store, Entries>();

/**
 * At most this many values are kept (least recently used dropped first): a network export reads
 * every hub's dashboard once, and 500 of them need not stay in memory.
 */
export const MAX_ENTRIES = 40;

async function entriesFor(store: Store): Promise<{ entries: Entries; stamp: string }> {
  const stamp = await store.changeStamp();
  let entries = caches.get(store);
  if (!entries || entries.stamp !== stamp) {
    entries = { stamp, values: new Map() };
    caches.set(store, entries);
  }
  return { entries, stamp };
}

/** The value kept under `key` for the store as it is now, computing it if there is none. */
export async function cached<T>(ctx: { store: Store; db: Kysely<Database> }, key: string, compute: () => Promise<T>): Promise<T> {
  const store = ctx.store;
  if (ctx.db !== store.db || ctx.db.isTransaction) return compute();
  const { entries, stamp } = await entriesFor(store);
  const known = entries.values.get(key);
  if (known) {
    // Most recently used last: the least recently used goes first when there are too many.
    entries.values.delete(key);
    entries.values.set(key, known);
    return known as Promise<T>;
  }
  const value = compute();
  entries.values.set(key, value);
  if (entries.values.size > MAX_ENTRIES) entries.values.delete(entries.values.keys().next().value!);
  const forget = () => {
    if (entries.values.get(key) === value) entries.values.delete(key);
  };
  value.then(
    async () => {
      if ((await store.changeStamp()) !== stamp) forget();
    },
    forget,
  ).catch(forget);
  return value;
}
