import type { Kysely } from 'kysely';
import type { Database } from '../../electron/core/db/schema';
import { newYearRow } from '../../electron/core/db/years';

const STAMP = '2026-11-01T00:00:00.000Z';

export async function seedYear(db: Kysely<Database>, label: string): Promise<number> {
  return (await db.insertInto('membership_years').values(newYearRow(label)).returning('id').executeTakeFirstOrThrow()).id;
}

export async function seedHub(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db.insertInto('hubs').values({ name, created_at: STAMP, updated_at: STAMP }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function seedSchool(db: Kysely<Database>, urn: string, name: string): Promise<number> {
  const row = await db.insertInto('schools').values({ urn, name, created_at: STAMP, updated_at: STAMP }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function seedMembership(
  db: Kysely<Database>,
  m: { schoolId: number; hubId: number; yearId: number; pupils: number; feePaidOn?: string | null },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({
      school_id: m.schoolId,
      hub_id: m.hubId,
      year_id: m.yearId,
      pupils: m.pupils,
      status: 'renewing',
      fee_paid_on: m.feePaidOn === undefined ? '2026-09-15' : m.feePaidOn,
      updated_at: STAMP,
    })
    .execute();
}

export async function categoryId(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db.selectFrom('spend_categories').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export interface FundingFixture {
  y25: number;
  y26: number;
  north: number;
  small: number;
  schools: Record<string, number>;
  training: number;
  events: number;
}

/**
 * Two years, two hubs. North Hub (6 schools each year):
 *   2025/26 pupils 1300 (capped), 1000, 800, 430, 300, 200 → formula £5,208.60
 *   2026/27: the 200-pupil school leaves, a 900-pupil school joins, 1000 → 1100 → formula £6,927.60
 * Small Hub: 3 schools of 300 pupils each year → £0 (fewer than 5 schools, nobody above 427).
 * In 2026/27 North's "North Primary 430" has not paid its fee.
 */
export async function seedFundingNetwork(db: Kysely<Database>): Promise<FundingFixture> {
  const y25 = await seedYear(db, '2025/26');
  const y26 = await seedYear(db, '2026/27');
  const north = await seedHub(db, 'North Hub');
  const small = await seedHub(db, 'Small Hub');
  const schools: Record<string, number> = {};
  const names: [string, string][] = [
    ['100001', 'North Academy 1300'],
    ['100002', 'North High 1000'],
    ['100003', 'North College 800'],
    ['100004', 'North Primary 430'],
    ['100005', 'North Infants 300'],
    ['100006', 'North Leaver 200'],
    ['100007', 'North Joiner 900'],
    ['200001', 'Small A'],
    ['200002', 'Small B'],
    ['200003', 'Small C'],
  ];
  for (const [urn, name] of names) schools[name] = await seedSchool(db, urn, name);
  const p25: [string, number][] = [
    ['North Academy 1300', 1300],
    ['North High 1000', 1000],
    ['North College 800', 800],
    ['North Primary 430', 430],
    ['North Infants 300', 300],
    ['North Leaver 200', 200],
  ];
  const p26: [string, number][] = [
    ['North Academy 1300', 1300],
    ['North High 1000', 1100],
    ['North College 800', 800],
    ['North Primary 430', 430],
    ['North Infants 300', 300],
    ['North Joiner 900', 900],
  ];
  for (const [name, pupils] of p25) await seedMembership(db, { schoolId: schools[name]!, hubId: north, yearId: y25, pupils, feePaidOn: '2025-09-20' });
  for (const [name, pupils] of p26) {
    await seedMembership(db, { schoolId: schools[name]!, hubId: north, yearId: y26, pupils, feePaidOn: name === 'North Primary 430' ? null : '2026-09-20' });
  }
  for (const name of ['Small A', 'Small B', 'Small C']) {
    await seedMembership(db, { schoolId: schools[name]!, hubId: small, yearId: y25, pupils: 300 });
    await seedMembership(db, { schoolId: schools[name]!, hubId: small, yearId: y26, pupils: 300 });
  }
  return { y25, y26, north, small, schools, training: await categoryId(db, 'Staff training'), events: await categoryId(db, 'Workshops and events') };
}

/** A paid claim written straight to the table (for setting up released amounts). */
export async function seedPaidClaim(db: Kysely<Database>, c: { hubId: number; yearId: number; pence: number; categoryId: number; paidOn: string }): Promise<void> {
  await db
    .insertInto('claims')
    .values({
      hub_id: c.hubId,
      year_id: c.yearId,
      claimed_on: c.paidOn,
      amount_pence: c.pence,
      category_id: c.categoryId,
      status: 'paid',
      paid_on: c.paidOn,
      updated_at: STAMP,
    })
    .execute();
}

/**
 * Makes North Hub's 2026/27 release conditions hold: its last unpaid fee paid, the final plan
 * submitted, a meeting dated in each term and every one submitted.
 */
export async function meetReleaseConditions(db: Kysely<Database>, f: FundingFixture): Promise<void> {
  await db.updateTable('memberships').set({ fee_paid_on: '2026-10-01' }).where('year_id', '=', f.y26).where('hub_id', '=', f.north).execute();
  await db.insertInto('action_plans').values({ hub_id: f.north, year_id: f.y26, draft_submitted_on: '2026-10-20', final_submitted_on: '2026-11-10' }).execute();
  for (const [date, term] of [['2026-10-05', 'autumn'], ['2027-02-01', 'spring'], ['2027-06-07', 'summer']] as const) {
    await db.insertInto('hub_meetings').values({ hub_id: f.north, year_id: f.y26, meeting_date: date, term, submitted_on: '2026-09-15' }).execute();
  }
}
