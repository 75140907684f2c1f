import path from 'node:path';
import type { RestoreResult } from '@shared/contract/maintenance';
import type { CoreContext } from './context';
import { createBackup } from './backups';
import { copyAllRows, preparedCopy } from './db/restore';
import { recordAudit } from './audit';

/**
 * Restores the database from a backup file: the file is checked on a private copy first (anything
 * but a complete, undamaged hubdesk database of a known version with valid values is refused and
 * nothing changes), the current state is backed up, then every row is replaced in one transaction.
 */
export async function restoreFromFile(ctx: CoreContext, file: string): Promise<RestoreResult> {
  const copy = await preparedCopy(file, ctx.store.dataDir);
  try {
    const safety = createBackup(ctx.store, 'before-restore', ctx.now());
    const counts = copyAllRows(ctx.store.sqlite, copy.file);
    await recordAudit(ctx.db, ctx, { action: 'restore', entity: 'database', entityId: path.basename(file), after: { from: path.basename(file), safetyBackup: safety.name, ...counts } });
    return { restored: path.basename(file), safetyBackup: safety.name, ...counts };
  } finally {
    copy.cleanup();
  }
}
