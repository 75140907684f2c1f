import type { QueryClient } from '@tanstack/react-query';
import { invalidateFromOutside } from './changes';

/** The part of the browser's EventSource this needs (a test gives its own). */
export interface ChangeSource {
  addEventListener(type: 'change', listener: (event: { data: string }) => void): void;
  close(): void;
}

/**
 * Follows a team server's stream of changes (/api/changes): each event names the contract methods
 * of a colleague's change, and the queries those make stale are fetched again — the ones on screen
 * at once. What is not understood is ignored: it comes from outside. Returns a function that stops.
 */
export function followChanges(client: QueryClient, source: ChangeSource): () => void {
  source.addEventListener('change', (event) => {
    let methods: unknown;
    let by: unknown;
    try {
      ({ methods, by } = JSON.parse(event.data) as { methods?: unknown; by?: unknown });
    } catch {
      return;
    }
    if (!Array.isArray(methods)) return;
    const change: OutsideChange = { methods: methods.filter((m): m is string => typeof m === 'string'), by: typeof by === 'string' && by.trim() ? by : null };
    void invalidateFromOutside(client, change.methods);
    for (const listener of listeners) listener(change);
  });
  return () => source.close();
}

/** A change made elsewhere (a colleague, another window): its contract methods and who made it, when known. */
export interface OutsideChange {
  methods: string[];
  by: string | null;
}

const listeners = new Set<(change: OutsideChange) => void>();

/**
 * Hears of every change the stream reports, for a screen holding something the cache does not (an
 * import's preview). On the desktop nothing reports: one person, one window at a time per change.
 * Returns a function that stops listening.
 */
export function onOutsideChange(listener: (change: OutsideChange) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
