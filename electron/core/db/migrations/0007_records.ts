import { Kysely, sql } from 'kysely';

/**
 * Support requests: a school asks for support on an area (often one of its EBIs);
 * the team logs it, who it was brokered to (another member school, or someone outside the network),
 * and its status.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('support_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('ebi_point_id', 'integer', (c) => c.references('qa_review_points.id').onDelete('set null'))
    .addColumn('brokered_to_school_id', 'integer', (c) => c.references('schools.id'))
    .addColumn('brokered_to', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('support_requests_status', sql`status in ('open', 'brokered', 'in progress', 'done', 'declined')`)
    .addCheckConstraint('support_requests_area', sql`length(trim(area)) > 0`)
    .execute();
  await db.schema.createIndex('support_requests_school').on('support_requests').columns(['school_id', 'requested_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('support_requests').execute();
}
