import path from 'node:path';
import type { maintenanceMethods, AuditEntryView } from '@shared/contract/maintenance';
import type { HandlersFor } from '../handler-types';
import { fileBackupsOf } from './file-backups';
import { restoreFromFile } from './restore';
import { HubdeskError } from '../errors';
import { auditCsv, auditPage } from './audit-log';

function view(b: { name: string; reason: string; createdAt: string; bytes: number; verified: boolean }) {
  return { name: b.name, reason: b.reason, createdAt: b.createdAt, bytes: b.bytes, verified: b.verified };
}

export const maintenanceHandlers: HandlersFor<typeof maintenanceMethods> = {
  async listBackups(ctx) {
    return ctx.store.backups ? ctx.store.backups.list().map(view) : [];
  },

  async createBackup(ctx) {
    return view(fileBackupsOf(ctx).take('by-hand', ctx.now()));
  },

  async restoreBackup(ctx, { name }) {
    const backups = fileBackupsOf(ctx);
    const known = backups.list().find((b) => b.name === name);
    if (!known) throw new HubdeskError('not_found', `There is no backup called ${name} in ${backups.folder}.`);
    return restoreFromFile(ctx, path.join(backups.folder, known.name));
  },

  async listAudit(ctx, request) {
    return auditPage(ctx.db, request);
  },

  async exportAudit(ctx) {
    return { fileName: `hubdesk-audit-${ctx.today()}.csv`, csv: await auditCsv(ctx.db) };
  },
};

export type { AuditEntryView };
