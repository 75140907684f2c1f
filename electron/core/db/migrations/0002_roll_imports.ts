import { Kysely } from 'kysely';

// Released migrations are never edited: add a new numbered file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A column mapping a person confirmed, remembered for files whose header row is the same.
  await db.schema
    .createTable('column_mappings')
    .addColumn('kind', 'text', (c) => c.notNull()) // roll | ofsted | qa
    .addColumn('signature', 'text', (c) => c.notNull()) // sha256 of the normalised header row
    .addColumn('headers_json', 'text', (c) => c.notNull())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('column_mappings_pk', ['kind', 'signature'])
    .execute();

  // Every row an import batch inserted, updated or deleted, with its full before/after, so that
  // undo restores exactly (also after a restart).
  await db.schema
    .createTable('import_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()) // insert | update | delete
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('import_changes_batch').on('import_changes').columns(['batch_id', 'seq']).execute();

  // Foreign keys to schools without an index make every delete of a school scan these tables (undo of
  // a large import deletes thousands of schools).
  await db.schema.createIndex('contacts_school').on('contacts').column('school_id').execute();
  await db.schema.createIndex('schools_merged_into').on('schools').column('merged_into_school_id').execute();
  await db.schema.createIndex('reviewer_trainings_school').on('reviewer_trainings').column('school_id').execute();
  await db.schema.createIndex('meeting_attendance_school').on('meeting_attendance').column('school_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
