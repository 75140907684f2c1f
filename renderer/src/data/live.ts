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
    try {
      methods = (JSON.parse(event.data) as { methods?: unknown }).methods;
    } catch {
      return;
    }
    if (!Array.isArray(methods)) return;
    void invalidateFromOutside(client, methods.filter((m): m is string => typeof m === 'string'));
  });
  return () => source.close();
}
