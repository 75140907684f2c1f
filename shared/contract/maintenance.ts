import { z } from 'zod';
import { mutation, query } from './define';

export interface BackupView {
  name: string;
  reason: string;
  createdAt: string;
  bytes: number;
  /** Passed SQLite's full integrity check when it was written (backups from before that check was made did not take it). */
  verified: boolean;
}

export interface RestoreResult {
  restored: string;
  /** The backup of the state just before the restore, so a restore can itself be undone. */
  safetyBackup: string;
  tables: number;
  rows: number;
}

export interface AuditEntryView {
  id: number;
  at: string;
  osUser: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  importBatchId: number | null;
}

export interface AuditPage {
  total: number;
  entries: AuditEntryView[];
}

const backupName = z
  .string()
  .max(200)
  .regex(/^hubdesk-[0-9TZ-]+-[a-z0-9-]+\.db$/, 'must be the name of a backup listed in Settings');

export const maintenanceMethods = {
  listBackups: query<BackupView[]>()('Backups of the database, newest first', z.strictObject({})),
  createBackup: mutation<BackupView>()('Take a backup of the database now', z.strictObject({})),
  restoreBackup: mutation<RestoreResult>()(
    'Replace the data with a backup (a backup of the current state is taken first)',
    z.strictObject({ name: backupName, confirm: z.literal(true) }),
  ),
  listAudit: query<AuditPage>()(
    'The audit log, newest first: what changed, before and after, when and by whom',
    z.strictObject({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      search: z.string().trim().max(200).optional(),
    }),
  ),
  exportAudit: query<{ fileName: string; csv: string }>()('The whole audit log as CSV', z.strictObject({})),
};
