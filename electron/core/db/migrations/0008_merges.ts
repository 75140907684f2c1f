import type { Kysely } from 'kysely';

/**
 * Merging hubs: two hubs combine from a membership year. The merged hub keeps
 * `merged_into_hub_id` (0001) and now also the year from which the merge applies, so its earlier
 * years (members, funding, meetings) stay in view as history and it is offered for nothing new.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('hubs')
    .addColumn('merged_from_year_id', 'integer', (c) => c.references('membership_years.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('hubs').dropColumn('merged_from_year_id').execute();
}
