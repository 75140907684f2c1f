import type { ParsedRequestOf } from '@shared/contract';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { listYears, resolveYear } from '../db/years';
import type { HubMergeForm, HubMergePreview, HubMergeResult, HubMergeSide, MergeFundingYear, MergeMove } from '@shared/contract/merges';
import { applyChange } from '../changes/change-set';
import { staleRecord } from '../changes/stale';
import { refusal } from '../records/refusals';
import { figures, hubMembers } from '../records/funding-effect';
import { hubRecord } from '../records/hubs';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Merging two hubs: from the merge year on, the merged hub's memberships, meetings, claims and action
 * plan belong to the kept hub; earlier years (members, funding, meetings, plans, claims, carry
 * forward) stay with the merged hub as history. The merged hub is marked merged (from that year) and
 * is offered for nothing new.
 */

async function side(db: Db, hubId: number, field: string): Promise<HubMergeSide & { mergedFromYearId: number | null }> {
  const hub = await db.selectFrom('hubs').where('id', '=', hubId).select(['id', 'name', 'merged_into_hub_id', 'merged_from_year_id']).executeTakeFirst();
  if (!hub) throw refusal([{ path: field, message: `there is no hub with id ${hubId}` }]);
  const { version } = await hubRecord(db, hubId);
  let mergedInto: HubMergeSide['mergedInto'] = null;
  if (hub.merged_into_hub_id !== null) {
    const into = await db.selectFrom('hubs').where('id', '=', hub.merged_into_hub_id).select(['id', 'name']).executeTakeFirstOrThrow();
    const year = hub.merged_from_year_id === null ? undefined : await db.selectFrom('membership_years').where('id', '=', hub.merged_from_year_id).select('label').executeTakeFirst();
    mergedInto = { id: into.id, name: into.name, fromYear: year?.label ?? null };
  }
  return { id: hub.id, name: hub.name, version, mergedInto, mergedFromYearId: hub.merged_from_year_id };
}

interface Plan {
  from: HubMergeSide;
  into: HubMergeSide;
  year: { id: number; label: string };
  years: { id: number; label: string }[];
  memberships: number[];
  meetings: number[];
  claims: number[];
  /** The merged hub's plans from the merge year: moved whole, or their lines moved into the kept hub's plan. */
  plans: { id: number; year_id: number; keptPlanId: number | null; lines: number[] }[];
  refusals: string[];
}

async function plan(db: Db, target: { fromHubId: number; intoHubId: number; year: string }): Promise<Plan> {
  const from = await side(db, target.fromHubId, 'fromHubId');
  const into = await side(db, target.intoHubId, 'intoHubId');
  const all = await db.selectFrom('membership_years').select(['id', 'label', 'start_date']).orderBy('start_date').execute();
  const year = all.find((y) => y.label === target.year);
  if (!year) throw refusal([{ path: 'year', message: `there is no membership year ${target.year}` }]);
  const years = all.filter((y) => y.start_date >= year.start_date);
  const yearIds = years.map((y) => y.id);
  const label = new Map(all.map((y) => [y.id, y.label]));

  const refusals: string[] = [];
  if (from.mergedInto) refusals.push(`${from.name} was already merged into ${from.mergedInto.name}${from.mergedInto.fromYear ? ` from ${from.mergedInto.fromYear}` : ''}.`);
  if (into.mergedInto) refusals.push(`${into.name} was merged into ${into.mergedInto.name}: merge into that hub instead.`);
  const locks = await db
    .selectFrom('funding_locks')
    .where('hub_id', 'in', [from.id, into.id])
    .where('year_id', 'in', yearIds)
    .select(['hub_id', 'year_id', 'locked_by', 'locked_at'])
    .orderBy('year_id')
    .execute();
  for (const l of locks) {
    const hub = l.hub_id === from.id ? from.name : into.name;
    refusals.push(
      `${hub}'s funding for ${label.get(l.year_id)} is locked (by ${l.locked_by} on ${l.locked_at.slice(0, 10)}): merging would change locked figures, so finance must settle that year first.`,
    );
  }

  const ids = async (table: 'memberships' | 'hub_meetings' | 'claims') =>
    (await db.selectFrom(table).where('hub_id', '=', from.id).where('year_id', 'in', yearIds).select('id').orderBy('id').execute()).map((r) => r.id);
  const fromPlans = await db.selectFrom('action_plans').where('hub_id', '=', from.id).where('year_id', 'in', yearIds).select(['id', 'year_id']).orderBy('year_id').execute();
  const keptPlans = await db.selectFrom('action_plans').where('hub_id', '=', into.id).where('year_id', 'in', yearIds).select(['id', 'year_id']).execute();
  const plans = [];
  for (const p of fromPlans) {
    const kept = keptPlans.find((k) => k.year_id === p.year_id);
    const lines = kept ? (await db.selectFrom('action_plan_lines').where('plan_id', '=', p.id).select('id').orderBy('position').orderBy('id').execute()).map((l) => l.id) : [];
    plans.push({ id: p.id, year_id: p.year_id, keptPlanId: kept?.id ?? null, lines });
  }
  return {
    from,
    into,
    year: { id: year.id, label: year.label },
    years: years.map((y) => ({ id: y.id, label: y.label })),
    memberships: await ids('memberships'),
    meetings: await ids('hub_meetings'),
    claims: await ids('claims'),
    plans,
    refusals,
  };
}

function moves(p: Plan): MergeMove[] {
  return [
    { what: 'memberships', count: p.memberships.length },
    { what: 'meetings', count: p.meetings.length },
    { what: 'claims', count: p.claims.length },
    { what: 'Hub Action Plans', count: p.plans.filter((x) => x.keptPlanId === null).length },
    { what: 'plan lines added to the kept hub\'s plan', count: p.plans.reduce((n, x) => n + x.lines.length, 0) },
  ];
}

/** Both hubs' funding before → after, for each year in which the merged hub has members (same rule as the funding pages). */
async function fundingYears(db: Db, p: Plan): Promise<MergeFundingYear[]> {
  const out: MergeFundingYear[] = [];
  for (const y of p.years) {
    const fromMembers = await hubMembers(db, p.from.id, y.id);
    if (fromMembers.length === 0) continue;
    const intoMembers = await hubMembers(db, p.into.id, y.id);
    const fb = figures(fromMembers);
    const fa = figures([]);
    const ib = figures(intoMembers);
    const ia = figures([...intoMembers, ...fromMembers]);
    out.push({
      year: y.label,
      effect: {
        hubs: [
          { hubId: p.from.id, hub: p.from.name, before: fb, after: fa, changePence: fa.fundingPence - fb.fundingPence },
          { hubId: p.into.id, hub: p.into.name, before: ib, after: ia, changePence: ia.fundingPence - ib.fundingPence },
        ],
      },
    });
  }
  return out;
}

function strip(s: HubMergeSide & { mergedFromYearId?: number | null }): HubMergeSide {
  return { id: s.id, name: s.name, version: s.version, mergedInto: s.mergedInto };
}

export async function hubMergeForm(ctx: CoreContext, hubId: number): Promise<HubMergeForm> {
  const exists = await ctx.db.selectFrom('hubs').where('id', '=', hubId).select('id').executeTakeFirst();
  if (!exists) throw new HubdeskError('not_found', `There is no hub with id ${hubId}.`);
  const hub = strip(await side(ctx.db, hubId, 'hubId'));
  const hubs = await ctx.db.selectFrom('hubs').where('merged_into_hub_id', 'is', null).where('id', '!=', hubId).select(['id', 'name']).orderBy('name').execute();
  const years = await listYears(ctx.db);
  const current = await resolveYear(ctx.db, undefined, ctx.today());
  return { hub, hubs, years: years.map((y) => y.label), currentYear: current?.label ?? null };
}

export async function previewHubMerge(ctx: CoreContext, input: ParsedRequestOf<'previewHubMerge'>): Promise<HubMergePreview> {
  const p = await plan(ctx.db, input);
  return {
    from: strip(p.from),
    into: strip(p.into),
    year: p.year.label,
    years: p.years.map((y) => y.label),
    moves: moves(p),
    funding: await fundingYears(ctx.db, p),
    refusals: p.refusals,
  };
}

export async function mergeHubs(ctx: CoreContext, input: ParsedRequestOf<'mergeHubs'>): Promise<HubMergeResult> {
  const res = await applyChange(ctx, 'hub.merge', { entity: 'hubs', id: input.fromHubId }, async (w) => {
    const p = await plan(w.trx, input);
    for (const [s, v] of [[p.from, input.fromVersion], [p.into, input.intoVersion]] as const) {
      if (s.version !== v) throw await staleRecord(w.trx, ctx.user, { table: 'hubs', key: [s.id] }, s.name);
    }
    if (p.refusals.length) throw refusal(p.refusals.map((message) => ({ path: '', message })));
    const now = ctx.now().toISOString();
    await w.updateMany('memberships', p.memberships, { hub_id: p.into.id, updated_at: now });
    await w.updateMany('hub_meetings', p.meetings, { hub_id: p.into.id });
    await w.updateMany('claims', p.claims, { hub_id: p.into.id, updated_at: now });
    for (const plan of p.plans) {
      if (plan.keptPlanId === null) {
        await w.update('action_plans', { id: plan.id }, { hub_id: p.into.id });
        continue;
      }
      const last = await w.trx
        .selectFrom('action_plan_lines')
        .where('plan_id', '=', plan.keptPlanId)
        .select((eb) => eb.fn.max('position').as('max'))
        .executeTakeFirst();
      let position = Number(last?.max ?? -1) + 1;
      for (const id of plan.lines) await w.update('action_plan_lines', { id }, { plan_id: plan.keptPlanId, position: position++ });
      await w.remove('action_plans', { id: plan.id });
    }
    await w.update('hubs', { id: p.from.id }, { merged_into_hub_id: p.into.id, merged_from_year_id: p.year.id, updated_at: now });
    const moved = moves(p);
    const counts = moved.filter((m) => m.count > 0).map((m) => `${m.what} (${m.count})`);
    const summary = `Merged ${p.from.name} into ${p.into.name} from ${p.year.label}${counts.length ? `: moved ${counts.join(', ')}` : ''}`;
    return { value: moved, summary };
  });
  return { hubId: input.intoHubId, moves: res.value, auditId: res.auditId, summary: res.summary };
}
