import { Kysely, sql } from 'kysely';
import { onPostgres } from '../dialect-sql';

/**
 * The people who sign in to a team server, their roles, their sessions, and the count of wrong
 * passwords per email (kept whether or not the email belongs to anyone, so a lockout says nothing
 * about who has an account). Passwords are stored only as scrypt hashes; sessions only as the
 * SHA-256 of their token, so a copy of the database (a backup) holds no live session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('people_name', sql`length(trim(name)) > 0`)
    .addCheckConstraint('people_email', sql`email = lower(trim(email)) and email like '%_@_%'`)
    .execute();

  await db.schema
    .createTable('person_roles')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_roles_pk', ['person_id', 'role'])
    .addCheckConstraint('person_roles_role', sql`role in ('memberships_manager', 'finance', 'administrator', 'viewer')`)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();

  await db.schema
    .createTable('sign_in_failures')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addCheckConstraint('sign_in_failures_count', sql`failures > 0`)
    .execute();

  if (onPostgres(db)) await onTheTeamStore(db);
}

/**
 * On PostgreSQL: a change to people or their roles bumps the change stamp (screens showing people
 * refresh), while sign-ins and sessions do not (a session's last-seen time changes on every request
 * and must not make every cached figure stale). Only the Administrator's group role, the one the
 * team server signs in to the database as, may read or change any of these tables: they hold
 * password and session hashes.
 */
async function onTheTeamStore(db: Kysely<unknown>): Promise<void> {
  for (const table of ['people', 'person_roles']) {
    await sql.raw(`create trigger hubdesk_stamp after insert or update or delete or truncate on "${table}" for each statement execute function hubdesk_bump_stamp()`).execute(db);
  }
  for (const table of ['people', 'person_roles', 'sessions', 'sign_in_failures']) {
    await sql.raw(`grant select, insert, update, delete on table "${table}" to hubdesk_administrator`).execute(db);
  }
  await sql.raw('grant usage on all sequences in schema public to hubdesk_administrator').execute(db);
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
