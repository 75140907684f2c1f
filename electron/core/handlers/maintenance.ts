import path from 'node:path';
import type { maintenanceMethods, AuditEntryView } from '@shared/contract/maintenance';
import type { HandlersFor } from './types';
import { createBackup, listBackups, backupDir } from '../backups';
import { restoreFromFile } from '../restore-backup';
import { HubdeskError } from '../errors';
import { auditCsv, auditPage } from '../audit-log';

function view(b: { name: string; reason: string; createdAt: string; bytes: number; verified: boolean }) {
  return { name: b.name, reason: b.reason, createdAt: b.createdAt, bytes: b.bytes, verified: b.verified };
}

export const maintenanceHandlers: HandlersFor<typeof maintenanceMethods> = {
  async listBackups(ctx) {
    return listBackups(ctx.store).map(view);
  },

  async createBackup(ctx) {
    return view(createBackup(ctx.store, 'by-hand', ctx.now()));
  },

  async restoreBackup(ctx, { name }) {
    const known = listBackups(ctx.store).find((b) => b.name === name);
    if (!known) throw new HubdeskError('not_found', `There is no backup called ${name} in ${backupDir(ctx.store)}.`);
    return restoreFromFile(ctx, path.join(backupDir(ctx.store), known.name));
  },

  async listAudit(ctx, request) {
    return auditPage(ctx.db, request);
  },

  async exportAudit(ctx) {
    return { fileName: `hubdesk-audit-${ctx.today()}.csv`, csv: await auditCsv(ctx.db) };
  },
};

export type { AuditEntryView };
