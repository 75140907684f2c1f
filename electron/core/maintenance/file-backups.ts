import type { CoreContext } from '../context';
import type { FileBackups } from '../db/store';
import { HubdeskError } from '../errors';

/**
 * The store's file backups, or a refusal saying why there are none: a store on a database server is
 * backed up by the server (pg_dump, point-in-time recovery), which its administrator looks after.
 */
export function fileBackupsOf(ctx: CoreContext): FileBackups {
  if (ctx.store.backups) return ctx.store.backups;
  throw new HubdeskError(
    'validation',
    `This store is a shared database (${ctx.store.location}): its backups are the database server's (pg_dump and point-in-time recovery), not files hubdesk writes. Ask your administrator.`,
  );
}
