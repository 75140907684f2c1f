/**
 * What a preview worked out, kept for the commit that follows it: a file is planned once, not again
 * by the commit (the file itself is read once, by the import worker, which keeps the staged file it
 * read for the next plan of it). Plans are kept a few minutes, keyed
 * by store connection + importer + staged file + every option the plan depends on, each with the
 * data stamp of the store it was computed on. A plan is used only while the store's data stamp
 * is unchanged, i.e. nothing was written since by this connection or any other (store.dataStamp()):
 * a stale preview is never committed.
 */
import type { Store } from '../db/store';

const TTL_MS = 5 * 60_000;

interface Entry<T> {
  value: T;
  expires: number;
}

/** A least-recently-used map with a size limit and an expiry per entry. */
export class ExpiringLru<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private sweep: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly max: number,
    private readonly ttlMs: number = TTL_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.expires <= this.clock()) return undefined;
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.clock() + this.ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    this.scheduleSweep();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops expired entries after the TTL so an idle app does not hold a national file in memory. */
  private scheduleSweep(): void {
    if (this.sweep) return;
    this.sweep = setTimeout(() => {
      this.sweep = null;
      const now = this.clock();
      for (const [k, e] of this.entries) if (e.expires <= now) this.entries.delete(k);
      if (this.entries.size > 0) this.scheduleSweep();
    }, this.ttlMs + 1000);
    this.sweep.unref?.();
  }
}

export interface StampedPlan<T> {
  stamp: string;
  value: T;
}

/** Plans (any importer) with the data stamp they were computed at. */
export const plans = new ExpiringLru<StampedPlan<unknown>>(3);

const storeIds = new WeakMap<object, number>();
let nextStoreId = 1;

/** A key part naming the store connection (a plan is only ever reused on the connection that made it). */
export function storeKey(store: Store): string {
  let id = storeIds.get(store);
  if (id === undefined) {
    id = nextStoreId++;
    storeIds.set(store, id);
  }
  return `store${id}`;
}

/**
 * Changes whenever the data may have changed (store.dataStamp(): a write by this connection or a
 * commit by any other). Not changeStamp(): its mutation counter is bumped around every mutation —
 * including the commit that asks, so it would never match a preview's.
 */
export function dataStamp(store: Pick<Store, 'dataStamp'>): Promise<string> {
  return store.dataStamp();
}

/**
 * A plan of the store as it is now: the cached one while the data stamp is unchanged, otherwise
 * computed and cached. Computed outside a transaction, it is only kept when no write happened while
 * it was computed (so it saw one state of the store); otherwise it is computed again.
 */
export async function plannedOnce<T>(store: Store, key: string, plan: () => Promise<T>): Promise<StampedPlan<T>> {
  const fullKey = `${storeKey(store)}|${key}`;
  const hit = plans.get(fullKey) as StampedPlan<T> | undefined;
  if (hit && hit.stamp === (await dataStamp(store))) return hit;
  for (let attempt = 0; ; attempt++) {
    const before = await dataStamp(store);
    const value = await plan();
    if ((await dataStamp(store)) === before) {
      const planned = { stamp: before, value };
      plans.set(fullKey, planned);
      return planned;
    }
    // Written to while planning: the plan may mix two states. A commit re-checks the stamp under the
    // write lock, so after a few tries the last plan is returned uncached and unstamped.
    if (attempt >= 2) return { stamp: '', value };
  }
}

/** Forgets a plan (after a commit: the store has changed, the entry is stale). */
export function forget(store: Store, planKey: string): void {
  plans.delete(`${storeKey(store)}|${planKey}`);
}
