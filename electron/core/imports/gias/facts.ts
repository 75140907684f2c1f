/** What the GIAS plan needs from the store, loaded in a few queries (never one per school). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { RowOf } from '../../changes/change-set';

export type SchoolRow = RowOf<'schools'>;
export type MembershipRow = RowOf<'memberships'>;

export interface GiasFacts {
  /** Every school record still in use (a record merged into another is history), by URN. */
  schools: Map<string, SchoolRow>;
  /** urn|link_urn|link_type of every link stored. */
  storedLinks: Set<string>;
  /** The year whose roll pupils would follow GIAS, with its memberships and hub names. */
  year: { id: number; label: string; memberships: MembershipRow[]; hubNames: Map<number, string> } | null;
}

export const linkKey = (l: { urn: string; linkUrn: string; linkType: string }) => `${l.urn}|${l.linkUrn}|${l.linkType}`;

export async function loadGiasFacts(db: Kysely<Database> | Transaction<Database>, pupilsForYear: string | undefined): Promise<GiasFacts> {
  const rows = await db.selectFrom('schools').selectAll().where('merged_into_school_id', 'is', null).execute();
  const schools = new Map(rows.map((r) => [r.urn, r]));
  const links = await db.selectFrom('school_links').select(['urn', 'link_urn', 'link_type']).execute();
  const storedLinks = new Set(links.map((l) => linkKey({ urn: l.urn, linkUrn: l.link_urn, linkType: l.link_type })));
  let year: GiasFacts['year'] = null;
  if (pupilsForYear) {
    const y = await db.selectFrom('membership_years').select(['id', 'label']).where('label', '=', pupilsForYear).executeTakeFirst();
    if (y) {
      const memberships = await db.selectFrom('memberships').selectAll().where('year_id', '=', y.id).execute();
      const hubs = await db.selectFrom('hubs').select(['id', 'name']).execute();
      year = { id: y.id, label: y.label, memberships, hubNames: new Map(hubs.map((h) => [h.id, h.name])) };
    }
  }
  return { schools, storedLinks, year };
}
