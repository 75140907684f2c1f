import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the per-year and per-hub reads that scanned a whole table (found with EXPLAIN QUERY
 * PLAN on a network of 25,000 schools in 500 hubs): a hub's managers (hub dashboard, network, calls),
 * a year's claims and a year's meetings (funding for every hub), and the few merged school records
 * (every Ofsted history asks for them; the index of 0002 holds every school, so SQLite scanned them
 * all). Lookups by hub and year already had their indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('hub_managers_hub').ifNotExists().on('hub_managers').column('hub_id').execute();
  await db.schema.createIndex('claims_year_hub').ifNotExists().on('claims').columns(['year_id', 'hub_id']).execute();
  await db.schema.createIndex('hub_meetings_year_hub').ifNotExists().on('hub_meetings').columns(['year_id', 'hub_id']).execute();
  await db.schema
    .createIndex('schools_merged_records')
    .ifNotExists()
    .on('schools')
    .column('merged_into_school_id')
    .where(sql.ref('merged_into_school_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('schools_merged_records').ifExists().execute();
  await db.schema.dropIndex('hub_meetings_year_hub').ifExists().execute();
  await db.schema.dropIndex('claims_year_hub').ifExists().execute();
  await db.schema.dropIndex('hub_managers_hub').ifExists().execute();
}
