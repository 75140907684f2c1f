import type { CoreContext } from '../../core/context';
import { ANY_DATA } from '@shared/live-changes';
import type { ChangeFeed } from './change-feed';

/** Commits close together (an import's, a script's run) reach the screens as one event. */
const GATHER_MS = 250;

/**
 * On a store shared with other programs (another team server, the command line on the same
 * PostgreSQL database), tells the screens of their changes too. Which contract method made such a
 * change is not known here, so the screens refresh everything they show; who made it is the latest
 * name in the audit log. Resolves to a function that stops, or null on a store with no other writers.
 */
export async function publishOthersChanges(ctx: CoreContext, feed: ChangeFeed): Promise<(() => Promise<void>) | null> {
  if (!ctx.store.watchOthersChanges) return null;
  let pending: NodeJS.Timeout | null = null;
  const publish = async () => {
    pending = null;
    const latest = await ctx.db
      .selectFrom('audit_log')
      .select('os_user')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
      .catch(() => undefined);
    feed.publish({ methods: [ANY_DATA], by: latest?.os_user ?? 'someone using another hubdesk' });
  };
  const stop = await ctx.store.watchOthersChanges(() => {
    pending ??= setTimeout(() => void publish(), GATHER_MS);
  });
  return async () => {
    if (pending) clearTimeout(pending);
    await stop();
  };
}
