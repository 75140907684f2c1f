import { Kysely, sql } from 'kysely';

// Released migrations are never edited: add a new numbered file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull()) // roll | ofsted | qa | demo | plan
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('source_as_at', 'text') // the source's own "as at" date (ISO), if it has one
    .addColumn('year_id', 'integer')
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .execute();

  await db.schema
    .createTable('membership_years')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('label', 'text', (c) => c.notNull().unique()) // e.g. 2024/25
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('draft_plan_deadline', 'text', (c) => c.notNull())
    .addColumn('final_plan_deadline', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('central_staff')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull()) // memberships_manager | finance | other
    .execute();

  await db.schema
    .createTable('hubs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('region', 'text')
    .addColumn('senior_partner_name', 'text')
    .addColumn('senior_partner_email', 'text')
    .addColumn('memberships_manager_id', 'integer', (c) => c.references('central_staff.id').onDelete('set null'))
    .addColumn('merged_into_hub_id', 'integer', (c) => c.references('hubs.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('hub_managers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('hub_id', 'integer', (c) => c.notNull().references('hubs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('focus', 'text') // e.g. Primary, Secondary
    .execute();

  await db.schema
    .createTable('schools')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('urn', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phase', 'text')
    .addColumn('school_type', 'text')
    .addColumn('local_authority', 'text')
    .addColumn('trust', 'text')
    .addColumn('postcode', 'text')
    .addColumn('headteacher', 'text')
    .addColumn('headteacher_since', 'text') // drives the new-headteacher training rule
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('merged_into_school_id', 'integer', (c) => c.references('schools.id'))
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('hub_id', 'integer', (c) => c.notNull().references('hubs.id'))
    .addColumn('year_id', 'integer', (c) => c.notNull().references('membership_years.id'))
    .addColumn('pupils', 'integer', (c) => c.notNull().check(sql`pupils >= 0`))
    .addColumn('status', 'text', (c) => c.notNull()) // new | renewing | leaving
    .addColumn('fee_invoiced_on', 'text')
    .addColumn('fee_paid_on', 'text')
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('memberships_school_year', ['school_id', 'year_id'])
    .execute();
  await db.schema.createIndex('memberships_hub_year').on('memberships').columns(['hub_id', 'year_id']).execute();

  await db.schema
    .createTable('ofsted_inspections')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('urn', 'text', (c) => c.notNull()) // by URN so history survives before a school joins
    .addColumn('inspection_number', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('publication_date', 'text')
    .addColumn('inspection_type', 'text')
    .addColumn('framework', 'text', (c) => c.notNull()) // oeif | oeif_ungraded | interim_2024 | report_card
    .addColumn('category_of_concern', 'text')
    .addColumn('outcome_text', 'text')
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
    .addColumn('source_as_at', 'text')
    .addUniqueConstraint('ofsted_inspection_key', ['urn', 'start_date', 'framework'])
    .execute();
  await db.schema.createIndex('ofsted_inspections_urn').on('ofsted_inspections').columns(['urn', 'start_date']).execute();

  await db.schema
    .createTable('ofsted_judgements')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('ofsted_inspections.id').onDelete('cascade'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull()) // exactly as the source gives it
    .addColumn('grade_date', 'text')
    .addUniqueConstraint('ofsted_judgement_area', ['inspection_id', 'area'])
    .execute();

  await db.schema
    .createTable('qa_reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('year_id', 'integer', (c) => c.notNull().references('membership_years.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('lead_reviewer', 'text')
    .addColumn('estimate_leadership', 'text')
    .addColumn('estimate_quality', 'text')
    .addColumn('estimate_disadvantaged', 'text')
    .addColumn('aoe_title', 'text')
    .addColumn('aoe_accredited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_received_on', 'text')
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('qa_review_school_year', ['school_id', 'year_id'])
    .execute();

  await db.schema
    .createTable('qa_review_points')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('review_id', 'integer', (c) => c.notNull().references('qa_reviews.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // www | ebi
    .addColumn('heading', 'text') // one of the three estimate headings, when known
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reviewer_trainings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('trained_on', 'text', (c) => c.notNull())
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
    .execute();

  await db.schema
    .createTable('reviewer_assignments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('review_id', 'integer', (c) => c.notNull().references('qa_reviews.id').onDelete('cascade'))
    .addColumn('home_school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('reviewer_role', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // booked | attended | dropped
    .addColumn('replaces_assignment_id', 'integer', (c) => c.references('reviewer_assignments.id'))
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reviewer_assignments_home').on('reviewer_assignments').column('home_school_id').execute();

  await db.schema
    .createTable('hub_meetings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('hub_id', 'integer', (c) => c.notNull().references('hubs.id'))
    .addColumn('year_id', 'integer', (c) => c.notNull().references('membership_years.id'))
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull()) // autumn | spring | summer
    .addColumn('format', 'text')
    .addColumn('submitted_on', 'text') // dates submitted to the central team (release condition)
    .addColumn('notes', 'text')
    .execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('hub_meetings.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('attended', 'integer', (c) => c.notNull())
    .addColumn('representative', 'text')
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'school_id'])
    .execute();

  await db.schema
    .createTable('spend_categories')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();

  // The five network spend categories, written out here (not imported) so this migration never changes.
  const seedCategories = ['Workshops and events', 'Staff training', 'Research projects', 'Hub administration', 'School-to-school support'];
  await sql`insert into spend_categories (name, position) values ${sql.join(seedCategories.map((name, i) => sql`(${name}, ${i + 1})`))}`.execute(db);

  await db.schema
    .createTable('action_plans')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('hub_id', 'integer', (c) => c.notNull().references('hubs.id'))
    .addColumn('year_id', 'integer', (c) => c.notNull().references('membership_years.id'))
    .addColumn('draft_submitted_on', 'text')
    .addColumn('final_submitted_on', 'text')
    .addUniqueConstraint('action_plan_hub_year', ['hub_id', 'year_id'])
    .execute();

  await db.schema
    .createTable('action_plan_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('planned_pence', 'integer', (c) => c.notNull().check(sql`planned_pence >= 0`))
    .addColumn('amount_as_typed', 'text')
    .addColumn('category_id', 'integer', (c) => c.notNull().references('spend_categories.id'))
    .addColumn('eligible_schools', 'text')
    .addColumn('expected_impact', 'text')
    .addColumn('open_to_other_hubs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('claims')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('hub_id', 'integer', (c) => c.notNull().references('hubs.id'))
    .addColumn('year_id', 'integer', (c) => c.notNull().references('membership_years.id'))
    .addColumn('claimed_on', 'text', (c) => c.notNull())
    .addColumn('amount_pence', 'integer', (c) => c.notNull().check(sql`amount_pence > 0`))
    .addColumn('invoice_ref', 'text')
    .addColumn('priority', 'text')
    .addColumn('category_id', 'integer', (c) => c.notNull().references('spend_categories.id'))
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // submitted | approved | paid | rejected
    .addColumn('paid_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claims_hub_year').on('claims').columns(['hub_id', 'year_id']).execute();

  await db.schema
    .createTable('carry_forward_overrides')
    .addColumn('hub_id', 'integer', (c) => c.notNull().references('hubs.id'))
    .addColumn('year_id', 'integer', (c) => c.notNull().references('membership_years.id'))
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('carry_forward_pk', ['hub_id', 'year_id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('os_user', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('import_batch_id', 'integer')
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
