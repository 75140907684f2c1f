import type { QueryClient } from '@tanstack/react-query';
import { subscribeTeam, teamState } from '../api/team';
import { followChanges } from './live';

/**
 * Keeps the screens' cache in step with the team server's session: while someone is signed in, a
 * colleague's change arrives on /api/changes and marks stale what it wrote (live.ts); whenever the
 * session starts or ends the cache is emptied, so nothing one person read is shown to the next
 * person to sign in at this browser.
 */
export function followSession(client: QueryClient, openChanges: () => EventSource = () => new EventSource('/api/changes')): () => void {
  let stopChanges: (() => void) | null = null;
  // Who the cache was read for: undefined until the first answer of the team server (nothing to empty then).
  let readFor: string | null | undefined;
  const sync = () => {
    const now = teamState();
    if (now.mode !== 'team') return;
    const who = now.session ? `${now.session.email} ${now.session.csrfToken}` : null;
    if (who === readFor) return;
    stopChanges?.();
    stopChanges = null;
    if (readFor !== undefined) client.clear();
    readFor = who;
    if (now.session) stopChanges = followChanges(client, openChanges());
  };
  sync();
  const unsubscribe = subscribeTeam(sync);
  return () => {
    unsubscribe();
    stopChanges?.();
  };
}
