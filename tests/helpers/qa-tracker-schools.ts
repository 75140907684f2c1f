import type { CoreContext } from '../../electron/core/context';

/** Where a QA tracker of goodTrackerSpec(hosts, homes) lands in the demo network. */
export interface TrackerSchools {
  hubId: number;
  hosts: [string, string, string];
  homes: [string, string];
}

/**
 * On the demo network: two new Aspire Hub members in `year` without a review (hosts 0 and 1, URNs
 * 990001 and 990002); host 2 and both homes are demo Aspire Hub members (host 2 has a review).
 */
export async function addTrackerSchools(ctx: CoreContext, year: string): Promise<TrackerSchools> {
  const db = ctx.db;
  const yearId = (await db.selectFrom('membership_years').select('id').where('label', '=', year).executeTakeFirstOrThrow()).id;
  const hub = await db.selectFrom('hubs').select('id').where('name', '=', 'Aspire Hub').executeTakeFirstOrThrow();
  const aspire = await db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .where('memberships.hub_id', '=', hub.id)
    .where('memberships.year_id', '=', yearId)
    .select(['schools.urn'])
    .orderBy('schools.urn')
    .execute();
  const now = '2026-11-01T09:00:00.000Z';
  for (const urn of ['990001', '990002']) {
    const school = await db
      .insertInto('schools')
      .values({ urn, name: `New Member ${urn}`, phase: 'Primary', school_type: null, local_authority: null, trust: null, postcode: null, headteacher: null, headteacher_since: null, email: null, phone: null, merged_into_school_id: null, import_batch_id: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('memberships').values({ school_id: school.id, hub_id: hub.id, year_id: yearId, pupils: 240, status: 'new', fee_invoiced_on: null, fee_paid_on: null, import_batch_id: null, updated_at: now }).execute();
  }
  return { hubId: hub.id, hosts: ['990001', '990002', aspire[0]!.urn], homes: [aspire[1]!.urn, aspire[2]!.urn] };
}
