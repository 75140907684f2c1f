import { sql, type Kysely } from 'kysely';

/**
 * Who made each change, by their person id on a team server (null on the desktop and the command
 * line, where there is one person, and for entries written before this column). The audit log
 * already names them (os_user), but names are not unique: undo takes back the signed-in person's own
 * last change by this id, so a colleague with the same name is never taken for them. No foreign
 * key: an entry is a record of what happened, kept whatever becomes of the person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column person_id integer`.execute(db);
  await sql`create index audit_log_person on audit_log (person_id, id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
