import { sql, type Kysely } from 'kysely';
import { onPostgres } from '../dialect-sql';

/**
 * The explorer's bm25 rank needs two figures of the whole searched text: how many texts there are
 * and their average length (in distinct stemmed words). SQLite's FTS5 keeps them in its index; on
 * PostgreSQL they are kept in `qa_text_fts_figures` (one row), in the same transaction as the text,
 * so a search reads them instead of scanning the table twice (PostgreSQL only: nothing on SQLite).
 *
 * Each row written to qa_text_fts adds to running totals held in transaction-local settings, and
 * one deferred trigger adds them to the figures when the transaction commits: one update of the
 * row per transaction, however many texts an import or an undo writes (updating the one row for
 * every text would leave a chain of versions that each later update has to walk). A rollback, or a
 * savepoint rolled back, drops the settings with everything else; a truncate sets the figures to
 * zero. The functions that write the figures run with their owner's rights, so the team's roles
 * may read the figures but need no right to write them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!onPostgres(db)) return;
  await sql`create table qa_text_fts_figures (
    id integer primary key check (id = 1),
    documents bigint not null check (documents >= 0),
    total_length bigint not null check (total_length >= 0)
  )`.execute(db);
  await sql`insert into qa_text_fts_figures (id, documents, total_length)
    select 1, count(*), coalesce(sum(length(search)), 0) from qa_text_fts`.execute(db);

  await sql`create function qa_text_fts_tally() returns trigger language plpgsql as $$
  declare
    documents bigint := coalesce(nullif(current_setting('hubdesk.fts_documents', true), ''), '0')::bigint;
    total_length bigint := coalesce(nullif(current_setting('hubdesk.fts_length', true), ''), '0')::bigint;
  begin
    if tg_op in ('INSERT', 'UPDATE') then
      documents := documents + 1;
      total_length := total_length + length(new.search);
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
      documents := documents - 1;
      total_length := total_length - length(old.search);
    end if;
    perform set_config('hubdesk.fts_documents', documents::text, true);
    perform set_config('hubdesk.fts_length', total_length::text, true);
    return null;
  end $$`.execute(db);
  // A row's triggers fire in the order of their names: its tally (1) before adding the tallies (2),
  // also when constraints are set immediate.
  await sql`create trigger qa_text_fts_figures_1_tally after insert or update or delete on qa_text_fts
    for each row execute function qa_text_fts_tally()`.execute(db);

  // Fires once per row at commit; the first firing moves the totals into the figures, the rest find nothing to add.
  await sql`create function qa_text_fts_add_tally() returns trigger language plpgsql security definer set search_path from current as $$
  declare
    documents_added bigint := coalesce(nullif(current_setting('hubdesk.fts_documents', true), ''), '0')::bigint;
    length_added bigint := coalesce(nullif(current_setting('hubdesk.fts_length', true), ''), '0')::bigint;
  begin
    if documents_added <> 0 or length_added <> 0 then
      update qa_text_fts_figures set documents = documents + documents_added, total_length = total_length + length_added where id = 1;
      perform set_config('hubdesk.fts_documents', '0', true);
      perform set_config('hubdesk.fts_length', '0', true);
    end if;
    return null;
  end $$`.execute(db);
  await sql`create constraint trigger qa_text_fts_figures_2_add after insert or update or delete on qa_text_fts
    deferrable initially deferred for each row execute function qa_text_fts_add_tally()`.execute(db);

  await sql`create function qa_text_fts_emptied() returns trigger language plpgsql security definer set search_path from current as $$
  begin
    update qa_text_fts_figures set documents = 0, total_length = 0 where id = 1;
    perform set_config('hubdesk.fts_documents', '0', true);
    perform set_config('hubdesk.fts_length', '0', true);
    return null;
  end $$`.execute(db);
  await sql`create trigger qa_text_fts_figures_emptied after truncate on qa_text_fts
    for each statement execute function qa_text_fts_emptied()`.execute(db);

  // Without parallel workers on the table, the planner reads a search's matches through the GIN
  // index. With them, it prefers scanning the whole table in parallel, testing the text of every
  // row: it prices each test at almost nothing and each page the index leads it to as a read from
  // disk, while the table of a store this size is in memory and the tests are most of the work
  // (a page of results for "reading", 7,624 of 214,000 texts: ~100 ms so against ~40 ms through the index).
  await sql`alter table qa_text_fts set (parallel_workers = 0)`.execute(db);

  await sql.raw('grant select on table qa_text_fts_figures to hubdesk_viewer, hubdesk_memberships_manager, hubdesk_finance, hubdesk_administrator').execute(db);
}

export async function down(): Promise<void> {
  throw new Error('hubdesk migrations are forward-only');
}
