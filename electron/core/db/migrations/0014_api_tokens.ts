import { Kysely, sql } from 'kysely';
import { onPostgres } from '../dialect-sql';

/**
 * API tokens, for scripts and the command line against a team server: each acts as one person,
 * with that person's roles as they are at each call. A token is kept only as the SHA-256 of its
 * secret (shown once, when issued), with a label, when it was issued and last used, an optional
 * end, and when it was revoked (by an administrator, or when its person was disabled).
 *
 * And wrong passwords counted per client address, across every email, so one address cannot try a
 * few passwords against each of many emails without ever locking any one of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addCheckConstraint('api_tokens_label', sql`length(trim(label)) > 0`)
    .execute();
  await db.schema.createIndex('api_tokens_person').on('api_tokens').column('person_id').execute();

  await db.schema
    .createTable('sign_in_address_failures')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addCheckConstraint('sign_in_address_failures_count', sql`failures > 0`)
    .execute();

  if (onPostgres(db)) await onTheTeamStore(db);
}

/**
 * On PostgreSQL, as for people and sessions: only the Administrator's group role (the team
 * server's login) reads or writes them, and using a token (its last-used time) or a failed
 * sign-in does not move the change stamp.
 */
async function onTheTeamStore(db: Kysely<unknown>): Promise<void> {
  for (const table of ['api_tokens', 'sign_in_address_failures']) {
    await sql.raw(`grant select, insert, update, delete on table "${table}" to hubdesk_administrator`).execute(db);
  }
  await sql.raw('grant usage on all sequences in schema public to hubdesk_administrator').execute(db);
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
