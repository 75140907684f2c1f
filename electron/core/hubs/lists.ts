import { sql } from 'kysely';
import type { hubMethods } from '@shared/contract/hubs';
import type { HandlersFor } from '../handler-types';
import { resolveYear } from '../db/years';
import { hubInYear } from '../db/hubs-in-year';
import { HubdeskError } from '../errors';

export const hubHandlers: HandlersFor<typeof hubMethods> = {
  async listHubs(ctx, { year }) {
    const y = await resolveYear(ctx.db, year, ctx.today());
    const hubs = await ctx.db
      .selectFrom('hubs')
      .leftJoin('central_staff', 'central_staff.id', 'hubs.memberships_manager_id')
      .leftJoin('memberships', (join) => join.onRef('memberships.hub_id', '=', 'hubs.id').on('memberships.year_id', '=', y?.id ?? -1))
      .where(hubInYear(y?.startDate ?? '9999-12-31'))
      .groupBy('hubs.id')
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
  },

  async listSchools(ctx, { year }) {
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
  },

  async getHub(ctx, { hubId, year }) {
    const hub = await ctx.db
      .selectFrom('hubs')
      .leftJoin('central_staff', 'central_staff.id', 'hubs.memberships_manager_id')
      .where('hubs.id', '=', hubId)
      .select(['hubs.id', 'hubs.name', 'hubs.region', 'hubs.senior_partner_name', 'hubs.senior_partner_email', 'central_staff.name as manager'])
      .executeTakeFirst();
    if (!hub) throw new HubdeskError('not_found', `There is no hub with id ${hubId}.`);
    const y = await resolveYear(ctx.db, year, ctx.today());
    if (!y) throw new HubdeskError('not_found', 'There are no membership years yet: import a roll or load the demo network.');
    const schools = await ctx.db
      .selectFrom('memberships')
      .innerJoin('schools', 'schools.id', 'memberships.school_id')
      .where('memberships.hub_id', '=', hubId)
      .where('memberships.year_id', '=', y.id)
      .select([
        'schools.id as schoolId',
        'schools.urn',
        'schools.name',
        'schools.phase',
        'schools.local_authority as localAuthority',
        'memberships.pupils',
        'memberships.status',
        'schools.headteacher',
        'schools.email',
        'schools.phone',
        'memberships.fee_paid_on as feePaidOn',
      ])
      .orderBy('schools.name')
      .execute();
    const hubManagers = await ctx.db.selectFrom('hub_managers').where('hub_id', '=', hubId).select(['name', 'email', 'focus']).orderBy('id').execute();
    return {
      id: hub.id,
      name: hub.name,
      region: hub.region,
      year: y.label,
      seniorPartner: hub.senior_partner_name,
      seniorPartnerEmail: hub.senior_partner_email,
      membershipsManager: hub.manager,
      hubManagers,
      schools,
    };
  },
};
