import { sql } from 'kysely';
import type { HubSummary, SchoolListRow } from '@shared/contract/hubs';
import type { CoreContext } from '../context';
import { resolveYear } from '../db/years';
import { hubInYear } from '../db/hubs-in-year';

/** Every hub with its school and pupil counts in a year (the current year when none is given). */
export async function listHubs(ctx: CoreContext, { year }: { year?: string }): Promise<HubSummary[]> {
  const y = await resolveYear(ctx.db, year, ctx.today());
  const hubs = await ctx.db
    .selectFrom('hubs')
    .leftJoin('central_staff', 'central_staff.id', 'hubs.memberships_manager_id')
    .leftJoin('memberships', (join) => join.onRef('memberships.hub_id', '=', 'hubs.id').on('memberships.year_id', '=', y?.id ?? -1))
    .where(hubInYear(y?.startDate ?? '9999-12-31'))
    // The manager's name is one per hub; PostgreSQL wants every column outside an aggregate grouped.
    .groupBy(['hubs.id', 'central_staff.name'])
    .select([
      'hubs.id',
      'hubs.name',
      'hubs.region',
      'hubs.senior_partner_name',
      'central_staff.name as manager',
      sql<number>`count(memberships.id)`.as('schools'),
      sql<number>`coalesce(sum(memberships.pupils), 0)`.as('pupils'),
    ])
    .orderBy('hubs.name')
    .execute();
  const managers = await ctx.db.selectFrom('hub_managers').select(['hub_id', 'name']).orderBy('id').execute();
  return hubs.map((h) => ({
    id: h.id,
    name: h.name,
    region: h.region,
    seniorPartner: h.senior_partner_name,
    membershipsManager: h.manager,
    hubManagers: managers.filter((m) => m.hub_id === h.id).map((m) => m.name),
    schools: Number(h.schools),
    pupils: Number(h.pupils),
  }));
}

/** Every member school in a year, with its hub. */
export async function listSchools(ctx: CoreContext, { year }: { year?: string }): Promise<SchoolListRow[]> {
  const y = await resolveYear(ctx.db, year, ctx.today());
  if (!y) return [];
  return ctx.db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .innerJoin('hubs', 'hubs.id', 'memberships.hub_id')
    .where('memberships.year_id', '=', y.id)
    .select([
      'schools.id as schoolId',
      'schools.urn',
      'schools.name',
      'schools.phase',
      'schools.local_authority as localAuthority',
      'hubs.id as hubId',
      'hubs.name as hubName',
      'memberships.pupils',
      'memberships.status',
    ])
    .orderBy('schools.name')
    .execute();
}
