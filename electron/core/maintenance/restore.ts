import path from 'node:path';
import type { RestoreResult } from '@shared/contract/maintenance';
import type { CoreContext } from '../context';
import { recordAudit } from '../changes/audit-entry';
import { fileBackupsOf } from './file-backups';

/** Restores the database from a backup file (checked first; the current state is backed up before). */
export async function restoreFromFile(ctx: CoreContext, file: string): Promise<RestoreResult> {
  const { safetyBackup, ...counts } = await fileBackupsOf(ctx).restore(file, ctx.now());
  await recordAudit(ctx.db, ctx, { action: 'restore', entity: 'database', entityId: path.basename(file), after: { from: path.basename(file), safetyBackup, ...counts } });
  return { restored: path.basename(file), safetyBackup, ...counts };
}
