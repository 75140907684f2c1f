import type { Kysely } from 'kysely';
import type { CategoryClaimsView, SpendHubView, SpendNetworkView } from '@shared/contract/spend';
import { compareYears, cumulativeReleased, spendByCategory, spendByPriority, type SpendCategory, type SpendClaim, type SpendPlanLine } from '@shared/domain/spend';
import type { ClaimStatus } from '@shared/domain/vocabulary';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { findYear } from '../db/years';
import { fundingOverview, yearOrNotFound } from '../funding/overview';
import { claimView, claimsQuery } from '../funding/load';

async function categories(db: Kysely<Database>): Promise<SpendCategory[]> {
  const rows = await db.selectFrom('spend_categories').selectAll().execute();
  return rows.map((c) => ({ id: c.id, name: c.name, position: c.position, retiredAt: c.retired_at }));
}

async function yearLines(db: Kysely<Database>, yearId: number, hubIds: number[] | null): Promise<SpendPlanLine[]> {
  let q = db
    .selectFrom('action_plan_lines')
    .innerJoin('action_plans', 'action_plans.id', 'action_plan_lines.plan_id')
    .where('action_plans.year_id', '=', yearId)
    .select(['action_plans.hub_id', 'action_plan_lines.priority', 'action_plan_lines.category_id', 'action_plan_lines.planned_pence'])
    .orderBy('action_plans.hub_id')
    .orderBy('action_plan_lines.position');
  if (hubIds) q = q.where('action_plans.hub_id', 'in', hubIds.length ? hubIds : [-1]);
  return (await q.execute()).map((r) => ({ hubId: r.hub_id, priority: r.priority, categoryId: r.category_id, plannedPence: r.planned_pence }));
}

async function yearClaims(db: Kysely<Database>, yearId: number, hubIds: number[] | null): Promise<SpendClaim[]> {
  let q = db.selectFrom('claims').where('year_id', '=', yearId).select(['hub_id', 'priority', 'category_id', 'amount_pence', 'status', 'claimed_on', 'paid_on']).orderBy('id');
  if (hubIds) q = q.where('hub_id', 'in', hubIds.length ? hubIds : [-1]);
  return (await q.execute()).map((r) => ({
    hubId: r.hub_id, priority: r.priority, categoryId: r.category_id, amountPence: r.amount_pence, status: r.status as ClaimStatus, claimedOn: r.claimed_on, paidOn: r.paid_on,
  }));
}

export async function spendNetwork(ctx: CoreContext, label: string | undefined, managerId: number | undefined): Promise<SpendNetworkView> {
  const year = await yearOrNotFound(ctx, label);
  const managers = await ctx.db.selectFrom('central_staff').where('role', '=', 'memberships_manager').select(['id', 'name']).orderBy('name').execute();
  if (managerId !== undefined && !managers.some((m) => m.id === managerId)) {
    throw new HubdeskError('not_found', `There is no Memberships Manager with id ${managerId}.`);
  }
  const hubs = await ctx.db
    .selectFrom('hubs')
    .leftJoin('central_staff', 'central_staff.id', 'hubs.memberships_manager_id')
    .select(['hubs.id', 'hubs.memberships_manager_id', 'central_staff.name as manager'])
    .execute();
  const hubIds = managerId === undefined ? null : hubs.filter((h) => h.memberships_manager_id === managerId).map((h) => h.id);
  const overview = await fundingOverview(ctx, year.label);
  const cats = await categories(ctx.db);
  const current = spendByCategory(cats, await yearLines(ctx.db, year.id, hubIds), await yearClaims(ctx.db, year.id, hubIds));
  const previous = overview.previousYear ? await findYear(ctx.db, overview.previousYear) : null;
  const before = previous ? spendByCategory(cats, await yearLines(ctx.db, previous.id, hubIds), await yearClaims(ctx.db, previous.id, hubIds)) : [];
  const managerOf = new Map(hubs.map((h) => [h.id, h.manager]));
  return {
    year: year.label,
    previousYear: previous?.label ?? null,
    managerId: managerId ?? null,
    categories: compareYears(current, before),
    hubs: overview.hubs
      .filter((h) => hubIds === null || hubIds.includes(h.hubId))
      .map((h) => ({
        hubId: h.hubId, hub: h.hub, membershipsManager: managerOf.get(h.hubId) ?? null, totalAvailablePence: h.totalAvailablePence,
        plannedPence: h.plannedPence, claimedPence: h.claimedPence, releasedPence: h.releasedPence, remainingPence: h.remainingPence,
      }))
      .sort((a, b) => b.totalAvailablePence - a.totalAvailablePence || a.hub.localeCompare(b.hub)),
    managers,
  };
}

export async function spendHub(ctx: CoreContext, hubId: number, label: string | undefined): Promise<SpendHubView> {
  const year = await yearOrNotFound(ctx, label);
  const hub = await ctx.db.selectFrom('hubs').where('id', '=', hubId).select(['id', 'name']).executeTakeFirst();
  if (!hub) throw new HubdeskError('not_found', `There is no hub with id ${hubId}.`);
  const overview = await fundingOverview(ctx, year.label);
  const figures = overview.hubs.find((h) => h.hubId === hubId);
  const lines = await yearLines(ctx.db, year.id, [hubId]);
  const claims = await yearClaims(ctx.db, year.id, [hubId]);
  return {
    hubId, hub: hub.name, year: year.label, yearStart: year.startDate, yearEnd: year.endDate,
    totalAvailablePence: figures?.totalAvailablePence ?? 0,
    hasPlan: lines.length > 0,
    claimCount: claims.length,
    byPriority: spendByPriority(lines, claims),
    byCategory: spendByCategory(await categories(ctx.db), lines, claims),
    cumulative: cumulativeReleased(claims, year.startDate, year.endDate, ctx.today()),
  };
}

export async function categoryClaims(ctx: CoreContext, categoryId: number, label: string | undefined): Promise<CategoryClaimsView> {
  const year = await yearOrNotFound(ctx, label);
  const category = await ctx.db.selectFrom('spend_categories').where('id', '=', categoryId).select('name').executeTakeFirst();
  if (!category) throw new HubdeskError('not_found', `There is no spend category with id ${categoryId}.`);
  const rows = await claimsQuery(ctx.db)
    .innerJoin('hubs', 'hubs.id', 'claims.hub_id')
    .where('claims.year_id', '=', year.id)
    .where('claims.category_id', '=', categoryId)
    .select('hubs.name as hub')
    .orderBy('claims.claimed_on', 'desc')
    .execute();
  return {
    year: year.label,
    category: category.name,
    claims: rows.map(({ hub, ...r }) => ({ ...claimView(r), hubId: r.hub_id, hub })),
  };
}
