import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { callCore, CliCallError } from '../call';
import { backupDir } from '../../core/db/backups';
import { HubdeskError } from '../../core/errors';
import { copyPrivately, makePrivateDir } from '../../core/db/sqlite-file/private-files';

const backup: CliCommand = {
  words: ['backup'],
  usage: 'hubdesk [--data DIR] backup [--json]       take a backup of the database now',
  options: { json: { type: 'boolean' } },
  localOnly: 'it writes a file in this computer’s data folder; a shared store’s backups are its database server’s (pg_dump)',
  async runLocal(ctx, { values }, io) {
    const b = await callCore(ctx, 'createBackup', {});
    io.out(values.json ? JSON.stringify(b, null, 2) : `Backup written: ${path.join(backupDir(ctx.store), b.name)}`);
    return 0;
  },
};

const backups: CliCommand = {
  words: ['backups'],
  usage: 'hubdesk [--data DIR] backups [--json]      list the backups, newest first',
  options: { json: { type: 'boolean' } },
  async run(core, { values }, io) {
    const list = await core.call('listBackups', {});
    if (values.json) io.out(JSON.stringify(list, null, 2));
    else if (list.length === 0) io.out('No backups yet.');
    else for (const b of list) io.out(`${b.name}  ${(b.bytes / 1024).toFixed(0)} KB`);
    return 0;
  },
};

const restore: CliCommand = {
  words: ['restore'],
  usage: 'hubdesk [--data DIR] restore FILE [--json] replace the data with a backup (the current state is backed up first)',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: ['FILE'] },
  localOnly: 'it reads a file on this computer into this computer’s store',
  async runLocal(ctx, { values, positionals }, io) {
    // Before the file is copied into the backups folder: a restore needs the data folder's lock.
    ctx.store.claimWrite();
    const source = path.resolve(positionals[0]!);
    const dir = backupDir(ctx.store);
    let name = path.basename(source);
    let copied: string | null = null;
    if (path.dirname(source) !== dir || !/^hubdesk-[0-9TZ-]+-[a-z0-9-]+\.db$/.test(name)) {
      // A file from elsewhere is brought into the backups folder under a backup name, so it is listed like the others.
      if (!fs.existsSync(source)) throw new HubdeskError('not_found', `There is no file at ${source}.`);
      makePrivateDir(dir);
      const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
      name = `hubdesk-${stamp}-restored-from-file.db`;
      copied = path.join(dir, name);
      copyPrivately(source, copied);
    }
    try {
      const r = await callCore(ctx, 'restoreBackup', { name, confirm: true });
      io.out(values.json ? JSON.stringify(r, null, 2) : `Restored ${source} (${r.rows} rows). The previous state is in ${r.safetyBackup}.`);
      return 0;
    } catch (error) {
      if (!copied) throw error;
      fs.rmSync(copied, { force: true });
      // The refusal names the file the person gave, not the copy it was checked as.
      if (error instanceof CliCallError) throw new CliCallError(error.message.split(name).join(source), error.kind, error.issues);
      throw error;
    }
  },
};

export const maintenanceCommands: CliCommand[] = [backup, backups, restore];
