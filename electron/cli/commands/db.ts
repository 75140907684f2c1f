import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { migratePostgres, redactedUrl } from '../../core/db/postgres/connection';

const migrate: CliCommand = {
  words: ['db', 'migrate'],
  usage: 'hubdesk --database-url URL db migrate     bring a shared PostgreSQL store to this version\'s schema (administrator)',
  options: {},
  async runOnStore({ databaseUrl }, _args, io) {
    if (!databaseUrl) throw new UsageError('db migrate works on a shared PostgreSQL store: give --database-url or HUBDESK_DATABASE_URL (the SQLite file is brought up to date when it is opened)');
    const applied = await migratePostgres(databaseUrl);
    io.out(applied.length === 0 ? `${redactedUrl(databaseUrl)} is up to date.` : `${redactedUrl(databaseUrl)}: applied ${applied.join(', ')}.`);
    return 0;
  },
  async run() {
    return 2;
  },
};

export const dbCommands: CliCommand[] = [migrate];
