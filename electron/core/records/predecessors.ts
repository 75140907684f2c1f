import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** A merged school record and the record it now stands under. */
export interface MergedSchoolRecord {
  oldId: number;
  oldUrn: string;
  keptId: number;
  keptUrn: string;
  keptName: string;
}

/**
 * Every merged school record with its kept record: a handful of rows, by the merged_into index, and no
 * SQL parameters whatever the number of schools. (A merge re-points records merged into the old one
 * at the kept one, so one level is enough.)
 */
export function mergedSchoolRecords(db: Kysely<Database>): Promise<MergedSchoolRecord[]> {
  return db
    .selectFrom('schools as old')
    .innerJoin('schools as kept', 'kept.id', 'old.merged_into_school_id')
    .where('old.merged_into_school_id', 'is not', null)
    .select(['old.id as oldId', 'old.urn as oldUrn', 'kept.id as keptId', 'kept.urn as keptUrn', 'kept.name as keptName'])
    .execute();
}

/**
 * Ofsted inspections are stored by URN. When two records of a school were merged (a conversion gave
 * it a new URN), the old record keeps its URN and `merged_into_school_id`, so the kept school's
 * Ofsted history is its own URN's inspections plus those of every record merged into it.
 *
 * One query for any number of URNs: predecessor URN → the kept school's URN.
 */
export async function predecessorUrns(db: Kysely<Database>, urns: readonly string[]): Promise<Map<string, string>> {
  if (urns.length === 0) return new Map();
  const rows = await mergedSchoolRecords(db);
  const wanted = new Set(urns);
  return new Map(rows.filter((r) => wanted.has(r.keptUrn)).map((r) => [r.oldUrn, r.keptUrn]));
}

/**
 * Files each predecessor's inspections under the kept URN (oldest first), leaving out a predecessor's
 * inspection when the kept URN already holds the same one (Ofsted's file lists a predecessor's latest
 * inspection under the new URN too: same start date and framework).
 */
export function foldPredecessors<T extends { startDate: string; framework: string }>(
  byUrn: Map<string, T[]>,
  aliases: ReadonlyMap<string, string>,
  requested: readonly string[],
): Map<string, T[]> {
  if (aliases.size === 0) return byUrn;
  const asked = new Set(requested);
  for (const [oldUrn, keptUrn] of aliases) {
    const old = byUrn.get(oldUrn);
    if (!old) continue;
    if (!asked.has(oldUrn)) byUrn.delete(oldUrn);
    const kept = byUrn.get(keptUrn) ?? [];
    const seen = new Set(kept.map((i) => `${i.startDate}|${i.framework}`));
    const merged = [...kept, ...old.filter((i) => !seen.has(`${i.startDate}|${i.framework}`))];
    merged.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
    byUrn.set(keptUrn, merged);
  }
  return byUrn;
}
