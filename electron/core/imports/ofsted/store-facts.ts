/** Loads, in three queries, what the plan needs from the store (never a query per row). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { keyOf } from './map-row';
import type { StoreFacts } from './plan';

export const OFSTED_BATCH_KIND = 'ofsted';

/**
 * **Decision**: a "member school" is any school hubdesk holds (the schools table: every school that
 * is or was on a roll). Keeping a leaver's new inspections costs nothing and keeps its history whole
 * if it rejoins; schools never on a roll are imported only with allSchools.
 */
export async function loadStoreFacts(db: Kysely<Database> | Transaction<Database>, sha256: string): Promise<StoreFacts> {
  const schools = await db.selectFrom('schools').select(['urn', 'name']).execute();
  const members = new Map(schools.map((s) => [s.urn, s.name]));
  const stored = await db.selectFrom('ofsted_inspections').select(['urn', 'start_date', 'framework']).execute();
  const existingKeys = new Set(stored.map((i) => keyOf({ urn: i.urn, startDate: i.start_date, framework: i.framework })));
  const previous = await db
    .selectFrom('import_batches')
    .where('kind', '=', OFSTED_BATCH_KIND)
    .where('sha256', '=', sha256)
    .where('undone_at', 'is', null)
    .select(['id', 'created_at'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return { members, existingKeys, previousImport: previous ? { batchId: previous.id, createdAt: previous.created_at } : null };
}
