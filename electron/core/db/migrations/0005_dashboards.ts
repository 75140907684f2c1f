import { Kysely, sql } from 'kysely';
import { onPostgres } from '../dialect-sql';

/**
 * Dashboards: a full-text index over what QA Reviews say (WWWs, EBIs and Areas of
 * Excellence) for the WWW/EBI explorer, kept in sync with qa_review_points and qa_reviews by
 * triggers, plus indexes for loading a hub's dashboard in a fixed number of queries.
 *
 * qa_text_fts rows: a WWW or EBI has rowid = qa_review_points.id; an Area of Excellence has
 * rowid = −qa_reviews.id (ids are positive, so the two never collide).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (onPostgres(db)) await postgresTextSearch(db);
  else await sqliteTextSearch(db);
  await indexes(db);
}

async function sqliteTextSearch(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table qa_text_fts using fts5(
    text,
    kind unindexed,
    heading unindexed,
    review_id unindexed,
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);

  // WWWs and EBIs.
  await sql`create trigger qa_review_points_fts_insert after insert on qa_review_points begin
    insert into qa_text_fts (rowid, text, kind, heading, review_id) values (new.id, new.text, new.kind, new.heading, new.review_id);
  end`.execute(db);
  await sql`create trigger qa_review_points_fts_update after update on qa_review_points begin
    delete from qa_text_fts where rowid = old.id;
    insert into qa_text_fts (rowid, text, kind, heading, review_id) values (new.id, new.text, new.kind, new.heading, new.review_id);
  end`.execute(db);
  await sql`create trigger qa_review_points_fts_delete after delete on qa_review_points begin
    delete from qa_text_fts where rowid = old.id;
  end`.execute(db);

  // Areas of Excellence (only reviews that have a title).
  await sql`create trigger qa_reviews_fts_insert after insert on qa_reviews
    when new.aoe_title is not null and trim(new.aoe_title) <> '' begin
    insert into qa_text_fts (rowid, text, kind, heading, review_id) values (-new.id, new.aoe_title, 'aoe', null, new.id);
  end`.execute(db);
  await sql`create trigger qa_reviews_fts_update after update of aoe_title on qa_reviews begin
    delete from qa_text_fts where rowid = -old.id;
    insert into qa_text_fts (rowid, text, kind, heading, review_id)
      select -new.id, new.aoe_title, 'aoe', null, new.id where new.aoe_title is not null and trim(new.aoe_title) <> '';
  end`.execute(db);
  await sql`create trigger qa_reviews_fts_delete after delete on qa_reviews begin
    delete from qa_text_fts where rowid = -old.id;
  end`.execute(db);

  // What was there before this migration.
  await sql`insert into qa_text_fts (rowid, text, kind, heading, review_id)
    select id, text, kind, heading, review_id from qa_review_points`.execute(db);
  await sql`insert into qa_text_fts (rowid, text, kind, heading, review_id)
    select -id, aoe_title, 'aoe', null, id from qa_reviews where aoe_title is not null and trim(aoe_title) <> ''`.execute(db);
}

/**
 * The same table on PostgreSQL: a tsvector (English stemming, as FTS5's porter tokenizer) with a
 * GIN index, kept in sync by the same triggers.
 */
async function postgresTextSearch(db: Kysely<unknown>): Promise<void> {
  await sql`create table qa_text_fts (
    rowid bigint primary key,
    text text collate "C",
    kind text collate "C",
    heading text collate "C",
    review_id bigint,
    search tsvector generated always as (to_tsvector('english', coalesce(text, ''))) stored
  )`.execute(db);
  await sql`create index qa_text_fts_search on qa_text_fts using gin (search)`.execute(db);

  await sql`create function qa_review_points_fts() returns trigger language plpgsql as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') then delete from qa_text_fts where rowid = old.id; end if;
    if tg_op in ('INSERT', 'UPDATE') then
      insert into qa_text_fts (rowid, text, kind, heading, review_id) values (new.id, new.text, new.kind, new.heading, new.review_id);
    end if;
    return null;
  end $$`.execute(db);
  await sql`create trigger qa_review_points_fts after insert or update or delete on qa_review_points
    for each row execute function qa_review_points_fts()`.execute(db);

  await sql`create function qa_reviews_fts() returns trigger language plpgsql as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') then delete from qa_text_fts where rowid = -old.id; end if;
    if tg_op in ('INSERT', 'UPDATE') and new.aoe_title is not null and trim(new.aoe_title) <> '' then
      insert into qa_text_fts (rowid, text, kind, heading, review_id) values (-new.id, new.aoe_title, 'aoe', null, new.id);
    end if;
    return null;
  end $$`.execute(db);
  await sql`create trigger qa_reviews_fts after insert or update of aoe_title or delete on qa_reviews
    for each row execute function qa_reviews_fts()`.execute(db);

  await sql`insert into qa_text_fts (rowid, text, kind, heading, review_id)
    select id, text, kind, heading, review_id from qa_review_points`.execute(db);
  await sql`insert into qa_text_fts (rowid, text, kind, heading, review_id)
    select -id, aoe_title, 'aoe', null, id from qa_reviews where aoe_title is not null and trim(aoe_title) <> ''`.execute(db);
}

async function indexes(db: Kysely<unknown>): Promise<void> {
  // Loading one hub (or the whole network) for a year reads these by key.
  await db.schema.createIndex('memberships_year_hub').ifNotExists().on('memberships').columns(['year_id', 'hub_id']).execute();
  await db.schema.createIndex('qa_reviews_year_start').ifNotExists().on('qa_reviews').columns(['year_id', 'start_date']).execute();
  await db.schema.createIndex('qa_review_points_review').ifNotExists().on('qa_review_points').columns(['review_id', 'position']).execute();
  await db.schema.createIndex('reviewer_assignments_review').ifNotExists().on('reviewer_assignments').column('review_id').execute();
  await db.schema.createIndex('reviewer_assignments_replaces').ifNotExists().on('reviewer_assignments').column('replaces_assignment_id').execute();
  await db.schema.createIndex('reviewer_trainings_school').ifNotExists().on('reviewer_trainings').column('school_id').execute();
  await db.schema.createIndex('reviewer_trainings_person').ifNotExists().on('reviewer_trainings').column('person_name').execute();
  await db.schema.createIndex('contacts_school').ifNotExists().on('contacts').column('school_id').execute();
  await db.schema.createIndex('hub_meetings_hub_year').ifNotExists().on('hub_meetings').columns(['hub_id', 'year_id']).execute();
  await db.schema.createIndex('meeting_attendance_school').ifNotExists().on('meeting_attendance').column('school_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
