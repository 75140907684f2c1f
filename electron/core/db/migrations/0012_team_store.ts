import { sql, type Kysely } from 'kysely';
import { onPostgres } from '../dialect-sql';

/**
 * What a store shared by a team needs from its server (PostgreSQL only; nothing on SQLite, whose
 * file has one writer at a time and its own change counters):
 * - a change stamp: a counter bumped by a trigger in every transaction that writes, in the same
 *   transaction (so a rolled-back write leaves it alone), with NOTIFY hubdesk_changes for listeners;
 * - who did it: each audit entry records the database login (session_user) beside the person's name;
 * - the team's roles as group roles with GRANTs, so the database itself refuses what a role may not
 *   do, and nobody in the application's roles can update or delete the audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!onPostgres(db)) return;
  await changeStamp(db);
  await sql`alter table audit_log add column login_role text collate "C" not null default session_user`.execute(db);
  await roles(db);
}

async function changeStamp(db: Kysely<unknown>): Promise<void> {
  await sql`create table hubdesk_change_stamp (id integer primary key check (id = 1), stamp bigint not null)`.execute(db);
  await sql`insert into hubdesk_change_stamp (id, stamp) values (1, 0)`.execute(db);
  // Once per transaction (remembered in a transaction-local setting), with the owner's rights so a
  // role that may write a table need not be able to write the stamp directly.
  await sql`create function hubdesk_bump_stamp() returns trigger language plpgsql security definer set search_path from current as $$
  begin
    if coalesce(current_setting('hubdesk.stamped_in', true), '') <> txid_current()::text then
      update hubdesk_change_stamp set stamp = stamp + 1 where id = 1;
      perform pg_notify('hubdesk_changes', txid_current()::text);
      perform set_config('hubdesk.stamped_in', txid_current()::text, true);
    end if;
    return null;
  end $$`.execute(db);
  await sql`create function hubdesk_stamp_every_table() returns void language plpgsql as $$
  declare t record;
  begin
    for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' and c.relname not in ('hubdesk_change_stamp', 'kysely_migration', 'kysely_migration_lock')
        and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'hubdesk_stamp')
    loop
      execute format('create trigger hubdesk_stamp after insert or update or delete or truncate on %I for each statement execute function hubdesk_bump_stamp()', t.relname);
    end loop;
  end $$`.execute(db);
  // Later migrations that add a table call it again.
  await sql`select hubdesk_stamp_every_table()`.execute(db);
}

/** Tables only Finance (and the Administrator) change: funding and its spend categories. */
const FINANCE_TABLES = ['action_plans', 'action_plan_lines', 'claims', 'carry_forward_overrides', 'funding_locks', 'spend_categories'];
/** Tables only the Administrator changes: people and membership years. */
const ADMIN_TABLES = ['central_staff', 'membership_years'];
/** What every role that changes anything writes beside its own tables. */
const SHARED_WRITE_TABLES = ['import_batches', 'import_changes', 'settings', 'column_mappings'];
/** Contact details and the audit log: not for viewers. */
const NOT_FOR_VIEWERS = ['contacts', 'audit_log'];

async function roles(db: Kysely<unknown>): Promise<void> {
  for (const role of ['hubdesk_viewer', 'hubdesk_memberships_manager', 'hubdesk_finance', 'hubdesk_administrator']) {
    await sql`do $$ begin
      if not exists (select 1 from pg_roles where rolname = ${sql.lit(role)}) then execute ${sql.lit(`create role ${role} nologin`)}; end if;
    end $$`.execute(db);
  }
  const tables = (
    await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' and c.relname not like 'kysely_%' and c.relname <> 'hubdesk_change_stamp'`.execute(db)
  ).rows.map((r) => r.name);
  const grant = (privileges: string, table: string, role: string) => sql.raw(`grant ${privileges} on table "${table}" to ${role}`).execute(db);
  await sql.raw('grant usage on schema public to hubdesk_viewer, hubdesk_memberships_manager, hubdesk_finance, hubdesk_administrator').execute(db);
  await sql.raw('grant select on table kysely_migration, hubdesk_change_stamp to hubdesk_viewer, hubdesk_memberships_manager, hubdesk_finance, hubdesk_administrator').execute(db);
  for (const table of tables) {
    if (!NOT_FOR_VIEWERS.includes(table)) await grant('select', table, 'hubdesk_viewer');
    for (const role of ['hubdesk_memberships_manager', 'hubdesk_finance', 'hubdesk_administrator']) await grant('select', table, role);
    if (table === 'audit_log') {
      // Written once, never changed: no role may update or delete an entry.
      for (const role of ['hubdesk_memberships_manager', 'hubdesk_finance', 'hubdesk_administrator']) await grant('insert', table, role);
      continue;
    }
    await grant('insert, update, delete', table, 'hubdesk_administrator');
    const shared = SHARED_WRITE_TABLES.includes(table);
    if (shared || FINANCE_TABLES.includes(table)) await grant('insert, update, delete', table, 'hubdesk_finance');
    if (shared || (!FINANCE_TABLES.includes(table) && !ADMIN_TABLES.includes(table))) await grant('insert, update, delete', table, 'hubdesk_memberships_manager');
  }
  await sql.raw('grant usage on all sequences in schema public to hubdesk_memberships_manager, hubdesk_finance, hubdesk_administrator').execute(db);
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
