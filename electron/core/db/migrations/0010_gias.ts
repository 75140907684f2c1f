import type { Kysely } from 'kysely';

/**
 * School data from GIAS (DfE's "Get Information About Schools"): each school's establishment status
 * (Open, Closed, …) and close date, and the pupil count GIAS reports with its census date — kept apart
 * from the roll's pupils, which fund the hub — and the links GIAS publishes between establishments
 * (a closed school's successor), for the school data import.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('schools').addColumn('establishment_status', 'text').execute();
  await db.schema.alterTable('schools').addColumn('closed_on', 'text').execute();
  await db.schema.alterTable('schools').addColumn('gias_pupils', 'integer').execute();
  await db.schema.alterTable('schools').addColumn('gias_census_date', 'text').execute();
  await db.schema
    .createTable('school_links')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('urn', 'text', (c) => c.notNull())
    .addColumn('link_urn', 'text', (c) => c.notNull())
    .addColumn('link_name', 'text')
    .addColumn('link_type', 'text', (c) => c.notNull())
    .addColumn('established_on', 'text')
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
    .execute();
  await db.schema.createIndex('school_links_unique').ifNotExists().on('school_links').columns(['urn', 'link_urn', 'link_type']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('school_links').ifExists().execute();
  await db.schema.alterTable('schools').dropColumn('gias_census_date').execute();
  await db.schema.alterTable('schools').dropColumn('gias_pupils').execute();
  await db.schema.alterTable('schools').dropColumn('closed_on').execute();
  await db.schema.alterTable('schools').dropColumn('establishment_status').execute();
}
