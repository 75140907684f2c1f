import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ContactsTable, Database, HubsTable, MembershipsTable, SchoolsTable } from '../../db/schema';
import { defaultYearDates, previousYearLabel } from '@shared/domain/years';
import { fromColumns, toColumns, type Columns } from '../worker/columns';
import { inChunks } from '../../db/in-chunks';

export type SchoolRow = Selectable<SchoolsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type HubRow = Selectable<HubsTable>;

const SCHOOL_FACTS = ['id', 'urn', 'name', 'phase', 'local_authority', 'trust', 'postcode', 'headteacher', 'email', 'phone'] as const;
const CONTACT_FACTS = ['id', 'school_id', 'name', 'email', 'phone'] as const;
const MEMBERSHIP_FACTS = ['id', 'school_id', 'hub_id', 'pupils', 'status', 'fee_paid_on'] as const;

/** The stored rows' kinds the plan is made over: the rows as stored (app), or the fields the plan reads (worker). */
export interface RollRows {
  school: Pick<SchoolRow, (typeof SCHOOL_FACTS)[number]>;
  contact: Pick<ContactRow, (typeof CONTACT_FACTS)[number]>;
  membership: Pick<MembershipRow, (typeof MEMBERSHIP_FACTS)[number]>;
}
export interface StoredRows extends RollRows {
  school: SchoolRow;
  contact: ContactRow;
  membership: MembershipRow;
}

/** What the roll is compared with: the year's memberships and the schools, hubs and head contacts they touch. */
export interface RollState<R extends RollRows = StoredRows> {
  year: { id: number; label: string } | null;
  hubs: HubRow[];
  schoolsByUrn: Map<string, R['school']>;
  schoolsById: Map<number, R['school']>;
  headContacts: Map<number, R['contact']>;
  memberships: R['membership'][];
  /** Schools that were members in the previous year (a joiner among them is renewing, not new). */
  previousYearMembers: Set<number>;
  /** Schools that were members in some year before the previous one (back after a gap: returning). */
  membersBeforeLastYear: Set<number>;
  /** hubdesk holds some year before this one, so a school's history is known. */
  earlierYearsHeld: boolean;
  /** Hubs merged into another by this year (a hub merged from a later year still has this year's roll). */
  mergedHubs: Set<number>;
}

export const HEADTEACHER_ROLE = 'Headteacher';

/**
 * The store facts the roll is planned against, loaded as the worker needs them: only the fields the
 * plan reads, as columns (the full stored rows of the few that change are fetched afterwards, by
 * storedRows). The year's memberships and the schools, hubs and head contacts they touch.
 */
export async function loadRollFacts(db: Kysely<Database> | Transaction<Database>, yearLabel: string): Promise<RollStateFacts> {
  const year = (await db.selectFrom('membership_years').select(['id', 'label']).where('label', '=', yearLabel).executeTakeFirst()) ?? null;
  const hubs = await db.selectFrom('hubs').selectAll().orderBy('id').execute();
  const schools = await db.selectFrom('schools').select(SCHOOL_FACTS).orderBy('id').execute();
  // A school's head contact is its first Headteacher contact (the lowest id).
  const contacts = await db.selectFrom('contacts').select(CONTACT_FACTS).where('role', '=', HEADTEACHER_ROLE).orderBy('id').execute();
  const heads = new Map<number, (typeof contacts)[number]>();
  for (const c of contacts) if (!heads.has(c.school_id)) heads.set(c.school_id, c);
  const headContacts = [...heads.values()];
  const memberships = year ? await db.selectFrom('memberships').select(MEMBERSHIP_FACTS).where('year_id', '=', year.id).orderBy('id').execute() : [];
  const previous = await db
    .selectFrom('memberships')
    .innerJoin('membership_years', 'membership_years.id', 'memberships.year_id')
    .where('membership_years.label', '=', previousYearLabel(yearLabel))
    .select('memberships.school_id')
    .execute();
  const years = await db.selectFrom('membership_years').select(['id', 'label', 'start_date']).execute();
  const yearStarts = new Map(years.map((y) => [y.id, y.start_date]));
  const importStart = (year ? yearStarts.get(year.id) : undefined) ?? defaultYearDates(yearLabel).startDate;
  const beforeLastYear = years.filter((y) => y.start_date < importStart && y.label !== previousYearLabel(yearLabel)).map((y) => y.id);
  const older =
    beforeLastYear.length === 0 ? [] : await db.selectFrom('memberships').where('year_id', 'in', beforeLastYear).select('school_id').distinct().execute();
  const mergedHubs = new Set(
    hubs
      .filter((h) => h.merged_into_hub_id !== null && (h.merged_from_year_id === null || (yearStarts.get(h.merged_from_year_id) ?? '') <= importStart))
      .map((h) => h.id),
  );
  return {
    year,
    hubs,
    schools: toColumns(schools, SCHOOL_FACTS),
    headContacts: toColumns(headContacts, CONTACT_FACTS),
    memberships: toColumns(memberships, MEMBERSHIP_FACTS),
    previousYearMembers: new Set(previous.map((p) => p.school_id)),
    membersBeforeLastYear: new Set(older.map((p) => p.school_id)),
    earlierYearsHeld: years.some((y) => y.start_date < importStart),
    mergedHubs,
  };
}

/** The full stored rows of the schools, contacts and memberships a plan changes, by id (for its undo records). */
export async function storedRows(
  db: Kysely<Database> | Transaction<Database>,
  ids: { schools: readonly number[]; contacts: readonly number[]; memberships: readonly number[] },
): Promise<{ schools: Map<number, SchoolRow>; contacts: Map<number, ContactRow>; memberships: Map<number, MembershipRow> }> {
  const [schools, contacts, memberships] = [
    await inChunks([...new Set(ids.schools)], (chunk) => db.selectFrom('schools').selectAll().where('id', 'in', chunk).execute()),
    await inChunks([...new Set(ids.contacts)], (chunk) => db.selectFrom('contacts').selectAll().where('id', 'in', chunk).execute()),
    await inChunks([...new Set(ids.memberships)], (chunk) => db.selectFrom('memberships').selectAll().where('id', 'in', chunk).execute()),
  ];
  return {
    schools: new Map(schools.map((r) => [r.id, r])),
    contacts: new Map(contacts.map((r) => [r.id, r])),
    memberships: new Map(memberships.map((r) => [r.id, r])),
  };
}

/** The state as sent to the import worker: only the fields the plan reads, as columns. */
export interface RollStateFacts {
  year: RollState['year'];
  hubs: HubRow[];
  schools: Columns<RollRows['school']>;
  headContacts: Columns<RollRows['contact']>;
  memberships: Columns<RollRows['membership']>;
  previousYearMembers: Set<number>;
  membersBeforeLastYear: Set<number>;
  earlierYearsHeld: boolean;
  mergedHubs: Set<number>;
}

/** The state the worker plans against, rebuilt from the facts sent. */
export function stateFromFacts(facts: RollStateFacts): RollState<RollRows> {
  const schools = fromColumns(facts.schools);
  return {
    year: facts.year,
    hubs: facts.hubs,
    schoolsByUrn: new Map(schools.map((s) => [s.urn, s])),
    schoolsById: new Map(schools.map((s) => [s.id, s])),
    headContacts: new Map(fromColumns(facts.headContacts).map((c) => [c.school_id, c])),
    memberships: fromColumns(facts.memberships),
    previousYearMembers: facts.previousYearMembers,
    membersBeforeLastYear: facts.membersBeforeLastYear,
    earlierYearsHeld: facts.earlierYearsHeld,
    mergedHubs: facts.mergedHubs,
  };
}
