import { Kysely, sql } from 'kysely';

// Released migrations are never edited: add a new numbered file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A hub's allocation for a year as finance locked it. Re-locking after a roll
  // change (approving the difference) overwrites the row; every lock is in the audit log.
  await db.schema
    .createTable('funding_locks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('hub_id', 'integer', (c) => c.notNull().references('hubs.id'))
    .addColumn('year_id', 'integer', (c) => c.notNull().references('membership_years.id'))
    .addColumn('schools', 'integer', (c) => c.notNull())
    .addColumn('pupils', 'integer', (c) => c.notNull())
    .addColumn('formula_pence', 'integer', (c) => c.notNull())
    .addColumn('minimum_pence', 'integer', (c) => c.notNull())
    .addColumn('funding_pence', 'integer', (c) => c.notNull())
    .addColumn('carry_forward_pence', 'integer', (c) => c.notNull())
    .addColumn('total_available_pence', 'integer', (c) => c.notNull())
    .addColumn('per_school_json', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('funding_lock_hub_year', ['hub_id', 'year_id'])
    .addCheckConstraint('funding_lock_total', sql`total_available_pence = funding_pence + carry_forward_pence`)
    .execute();

  // Why finance paid a claim that takes the hub past its total available (refused without one).
  await db.schema.alterTable('claims').addColumn('over_release_reason', 'text').execute();

  await db.schema.createIndex('action_plan_lines_plan').on('action_plan_lines').columns(['plan_id', 'position']).execute();
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
