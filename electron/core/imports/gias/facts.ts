/** What the GIAS plan needs from the store, loaded in a few queries (never one per school). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { RowOf } from '../../changes/change-set';
import { fromColumns, toColumns, type Columns } from '../worker/columns';

export type SchoolRow = RowOf<'schools'>;
export type MembershipRow = RowOf<'memberships'>;

const SCHOOL_FACTS = [
  'id', 'urn', 'name', 'phase', 'school_type', 'local_authority', 'trust', 'headteacher', 'postcode', 'establishment_status', 'closed_on', 'gias_pupils', 'gias_census_date',
] as const;
const MEMBERSHIP_FACTS = ['id', 'school_id', 'hub_id', 'pupils'] as const;

/** The stored rows' kinds the plan is made over: the rows as stored (app), or the fields the plan reads (worker). */
export interface GiasRows {
  school: Pick<SchoolRow, (typeof SCHOOL_FACTS)[number]>;
  membership: Pick<MembershipRow, (typeof MEMBERSHIP_FACTS)[number]>;
}
export interface StoredGiasRows extends GiasRows {
  school: SchoolRow;
  membership: MembershipRow;
}

export interface GiasFacts<R extends GiasRows = StoredGiasRows> {
  /** Every school record still in use (a record merged into another is history), by URN. */
  schools: Map<string, R['school']>;
  /** urn|link_urn|link_type of every link stored. */
  storedLinks: Set<string>;
  /** The year whose roll pupils would follow GIAS, with its memberships and hub names. */
  year: { id: number; label: string; memberships: R['membership'][]; hubNames: Map<number, string> } | null;
}

/** The facts as sent to the import worker: only the fields the plan reads, as columns. */
export interface SentGiasFacts {
  schools: Columns<GiasRows['school']>;
  storedLinks: Set<string>;
  year: { id: number; label: string; memberships: Columns<GiasRows['membership']>; hubNames: Map<number, string> } | null;
}

export function sentFacts(facts: GiasFacts): SentGiasFacts {
  const y = facts.year;
  return {
    schools: toColumns([...facts.schools.values()], SCHOOL_FACTS),
    storedLinks: facts.storedLinks,
    year: y ? { id: y.id, label: y.label, memberships: toColumns(y.memberships, MEMBERSHIP_FACTS), hubNames: y.hubNames } : null,
  };
}

/** The facts the worker plans against, rebuilt from those sent. */
export function factsFromSent(sent: SentGiasFacts): GiasFacts<GiasRows> {
  const y = sent.year;
  return {
    schools: new Map(fromColumns(sent.schools).map((s) => [s.urn, s])),
    storedLinks: sent.storedLinks,
    year: y ? { id: y.id, label: y.label, memberships: fromColumns(y.memberships), hubNames: y.hubNames } : null,
  };
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
