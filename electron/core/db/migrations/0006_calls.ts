import { Kysely, sql } from 'kysely';
import { onPostgres } from '../dialect-sql';

/**
 * Termly catch-up calls: each call a Memberships Manager holds with a hub's Hub Manager or
 * Senior Partner, with its notes, and the actions agreed on it (open actions carry into the next
 * call's pack). Attendees are a JSON array of names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calls')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('hub_id', 'integer', (c) => c.notNull().references('hubs.id').onDelete('cascade'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('attendees_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('calls_kind', sql`kind in ('hub_manager', 'senior_partner')`)
    .addCheckConstraint(
      'calls_term',
      onPostgres(db)
        ? sql`term ~ '^[0-9]{4}-' and substr(term, 6) in ('autumn', 'spring', 'summer')`
        : sql`term glob '[0-9][0-9][0-9][0-9]-*' and substr(term, 6) in ('autumn', 'spring', 'summer')`,
    )
    .execute();

  await db.schema
    .createTable('call_actions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('done_on', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('call_actions_status', sql`status in ('open', 'done', 'dropped')`)
    .addCheckConstraint('call_actions_text', sql`length(trim(text)) > 0`)
    .execute();

  await db.schema.createIndex('calls_hub_held').on('calls').columns(['hub_id', 'held_on']).execute();
  await db.schema.createIndex('call_actions_call').on('call_actions').columns(['call_id', 'position']).execute();
  await db.schema.createIndex('call_actions_status').on('call_actions').column('status').execute();
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
