import { Kysely } from 'kysely';

// Released migrations are never edited: add a new numbered file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Ofsted's file lists a school's latest inspections under its current URN even when they were of a
  // predecessor school (an academy conversion or merger gives a new URN): keep the URN at the time,
  // so a screen can say "inspected as URN 123456".
  await db.schema.alterTable('ofsted_inspections').addColumn('urn_at_inspection', 'text').execute();
  // Undoing an Ofsted import deletes its inspections by batch.
  await db.schema.createIndex('ofsted_inspections_batch').ifNotExists().on('ofsted_inspections').column('import_batch_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
