import type { CliCommand } from '../command';
import { UsageError } from '../command';
import path from 'node:path';
import { migratePostgres, redactedUrl } from '../../core/db/postgres/connection';
import { exportSnapshot, loadSnapshot } from '../../core/db/snapshot';
import { HubdeskError } from '../../core/errors';

const migrate: CliCommand = {
  words: ['db', 'migrate'],
  usage: 'hubdesk --database-url URL db migrate     bring a shared PostgreSQL store to this version\'s schema (administrator)',
  options: {},
  localOnly: 'it changes the database’s schema itself: give --database-url',
  async runOnStore({ databaseUrl }, _args, io) {
    if (!databaseUrl) throw new UsageError('db migrate works on a shared PostgreSQL store: give --database-url or HUBDESK_DATABASE_URL (the SQLite file is brought up to date when it is opened)');
    const applied = await migratePostgres(databaseUrl);
    io.out(applied.length === 0 ? `${redactedUrl(databaseUrl)} is up to date.` : `${redactedUrl(databaseUrl)}: applied ${applied.join(', ')}.`);
    return 0;
  },
};

const exportCommand: CliCommand = {
  words: ['db', 'export-snapshot'],
  usage: 'hubdesk [--data DIR | --database-url URL] db export-snapshot FILE   every table, read at one moment, into a new hubdesk.db file',
  options: {},
  positionals: { min: 1, max: 1, names: ['FILE'] },
  localOnly: 'it reads the store itself: give --data or --database-url',
  async runLocal(ctx, { positionals }, io) {
    const r = await exportSnapshot(ctx.store, positionals[0]!);
    io.out(`Snapshot of ${ctx.store.location} written to ${path.resolve(positionals[0]!)} (${r.tables} tables, ${r.rows} rows).`);
    return 0;
  },
};

const loadCommand: CliCommand = {
  words: ['db', 'load-snapshot'],
  usage: 'hubdesk --database-url URL db load-snapshot FILE   replace every row of a shared store with a snapshot or a hubdesk.db (administrator)',
  options: {},
  positionals: { min: 1, max: 1, names: ['FILE'] },
  localOnly: 'it replaces the store’s rows itself: give --database-url',
  async runLocal(ctx, { positionals }, io) {
    if (ctx.store.backups) {
      throw new HubdeskError('validation', `Loading a snapshot is for a shared PostgreSQL store; on this SQLite store use  hubdesk restore ${positionals[0]}  (it backs up the current data first).`);
    }
    ctx.store.bumpGeneration();
    const r = await loadSnapshot(ctx.store, positionals[0]!);
    ctx.store.bumpGeneration();
    io.out(`Loaded ${path.resolve(positionals[0]!)} into ${ctx.store.location} (${r.tables} tables, ${r.rows} rows).`);
    return 0;
  },
};

export const dbCommands: CliCommand[] = [migrate, exportCommand, loadCommand];
