import type { ParsedRequestOf } from '@shared/contract';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { requireYear } from '../db/years';
import { longDate } from '@shared/domain/reconciliation';
import { addMembershipSchema, membershipDateIssues, updateMembershipSchema } from '@shared/validation/memberships';
import type { FundingEffect, MembershipRecord, MembershipForm, RecordsChange, SchoolChoice } from '@shared/contract/records';
import { applyChange, loadRow } from '../changes/change-set';
import { assertVersion } from '../changes/stale';
import { versionOf } from '../changes/version';
import { throwIfIssues } from './refusals';
import { fundingEffect } from './funding-effect';
import type { Transaction, Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

async function requireSchool(db: Db, schoolId: number) {
  const s = await db.selectFrom('schools').where('id', '=', schoolId).select(['id', 'name', 'urn', 'merged_into_school_id']).executeTakeFirst();
  if (!s) throw new HubdeskError('not_found', `There is no school with id ${schoolId}.`);
  if (s.merged_into_school_id !== null) throw new HubdeskError('validation', `${s.name} was merged into another record; change that school instead.`);
  return s;
}

async function requireHub(db: Db, hubId: number, field = 'hubId') {
  const h = await db.selectFrom('hubs').where('id', '=', hubId).select(['id', 'name', 'merged_into_hub_id']).executeTakeFirst();
  if (!h) throw new HubdeskError('validation', `${field}: there is no hub with id ${hubId}`, { issues: [{ path: field, message: `there is no hub with id ${hubId}` }] });
  if (h.merged_into_hub_id !== null) throw new HubdeskError('validation', `${field}: ${h.name} was merged into another hub`, { issues: [{ path: field, message: `${h.name} was merged into another hub` }] });
  return h;
}

async function membershipRecord(db: Db, membershipId: number): Promise<MembershipRecord> {
  const raw = await loadRow(db, 'memberships', { id: membershipId });
  if (!raw) throw new HubdeskError('not_found', `There is no membership with id ${membershipId}.`);
  const m = await db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .innerJoin('hubs', 'hubs.id', 'memberships.hub_id')
    .innerJoin('membership_years', 'membership_years.id', 'memberships.year_id')
    .where('memberships.id', '=', membershipId)
    .select([
      'memberships.id',
      'schools.id as schoolId',
      'schools.name as school',
      'hubs.id as hubId',
      'hubs.name as hub',
      'membership_years.label as year',
      'memberships.pupils',
      'memberships.status',
      'memberships.fee_invoiced_on as feeInvoicedOn',
      'memberships.fee_paid_on as feePaidOn',
      'memberships.updated_at as updatedAt',
    ])
    .executeTakeFirstOrThrow();
  return { ...m, version: versionOf(raw) };
}

/** What the membership form needs: the school, its membership that year (if any), the hubs to choose from. */
export async function membershipForm(ctx: CoreContext, req: { schoolId: number; year: string }): Promise<MembershipForm> {
  const year = await requireYear(ctx.db, req.year);
  const school = await requireSchool(ctx.db, req.schoolId);
  const m = await ctx.db.selectFrom('memberships').where('school_id', '=', school.id).where('year_id', '=', year.id).select('id').executeTakeFirst();
  const hubs = await ctx.db.selectFrom('hubs').where('merged_into_hub_id', 'is', null).select(['id', 'name']).orderBy('name').execute();
  return { year: year.label, school: { id: school.id, name: school.name, urn: school.urn }, membership: m ? await membershipRecord(ctx.db, m.id) : null, hubs };
}

interface Plan {
  yearId: number;
  schoolId: number;
  school: string;
  fromHubId: number | null;
  toHubId: number;
  pupilsAfter: number;
}

async function planAdd(db: Db, input: ReturnType<typeof addMembershipSchema.parse>, today: string): Promise<Plan> {
  throwIfIssues(membershipDateIssues(input, today));
  const year = await requireYear(db, input.year);
  const school = await requireSchool(db, input.schoolId);
  const hub = await requireHub(db, input.hubId);
  const existing = await db
    .selectFrom('memberships')
    .innerJoin('hubs', 'hubs.id', 'memberships.hub_id')
    .where('memberships.school_id', '=', school.id)
    .where('memberships.year_id', '=', year.id)
    .select(['hubs.name'])
    .executeTakeFirst();
  if (existing) {
    throw new HubdeskError('validation', `${school.name} is already in ${existing.name} for ${year.label}: move it instead of adding it again.`, {
      issues: [{ path: 'hubId', message: `already in ${existing.name} for ${year.label}` }],
    });
  }
  return { yearId: year.id, schoolId: school.id, school: school.name, fromHubId: null, toHubId: hub.id, pupilsAfter: input.pupils };
}

async function planUpdate(db: Db, user: string, input: ReturnType<typeof updateMembershipSchema.parse>, today: string) {
  throwIfIssues(membershipDateIssues(input, today));
  const row = await loadRow(db, 'memberships', { id: input.membershipId });
  if (!row) throw new HubdeskError('not_found', `There is no membership with id ${input.membershipId}.`);
  const current = await membershipRecord(db, input.membershipId);
  await assertVersion(db, user, 'memberships', row, input.version, `${current.school} in ${current.hub}, ${current.year}`);
  if (input.hubId !== undefined && input.hubId !== current.hubId) await requireHub(db, input.hubId);
  if (current.feePaidOn !== null && input.feePaidOn != null && input.feePaidOn !== current.feePaidOn) {
    // Marking a fee paid twice is refused: a paid fee's date is corrected by clearing it first.
    const message = `${current.school}’s ${current.year} fee is already recorded as paid on ${longDate(current.feePaidOn)}; to correct the date, clear it first`;
    throw new HubdeskError('validation', `feePaidOn: ${message}`, { issues: [{ path: 'feePaidOn', message }] });
  }
  const invoiced = input.feeInvoicedOn !== undefined ? input.feeInvoicedOn : current.feeInvoicedOn;
  const paid = input.feePaidOn !== undefined ? input.feePaidOn : current.feePaidOn;
  if (invoiced && paid && paid < invoiced) {
    throw new HubdeskError('validation', `feePaidOn: the fee cannot be paid (${paid}) before it was invoiced (${invoiced})`, {
      issues: [{ path: 'feePaidOn', message: `the fee cannot be paid (${paid}) before it was invoiced (${invoiced})` }],
    });
  }
  const plan: Plan = {
    yearId: row.year_id,
    schoolId: current.schoolId,
    school: current.school,
    fromHubId: current.hubId,
    toHubId: input.hubId ?? current.hubId,
    pupilsAfter: input.pupils ?? current.pupils,
  };
  return { plan, current };
}

function describeUpdate(current: MembershipRecord, input: ReturnType<typeof updateMembershipSchema.parse>, toHub: string): string {
  const parts: string[] = [];
  if (input.hubId !== undefined && input.hubId !== current.hubId) parts.push(`moved from ${current.hub} to ${toHub}`);
  if (input.status !== undefined && input.status !== current.status) parts.push(input.status === 'leaving' ? 'marked leaving' : `status ${current.status} → ${input.status}`);
  if (input.pupils !== undefined && input.pupils !== current.pupils) parts.push(`pupils ${current.pupils} → ${input.pupils}`);
  if (input.feeInvoicedOn !== undefined && input.feeInvoicedOn !== current.feeInvoicedOn) parts.push(input.feeInvoicedOn ? `fee invoiced ${input.feeInvoicedOn}` : 'fee invoice date cleared');
  if (input.feePaidOn !== undefined && input.feePaidOn !== current.feePaidOn) parts.push(input.feePaidOn ? `fee paid ${input.feePaidOn}` : 'fee payment date cleared');
  return `${current.school} (${current.year}): ${parts.length ? parts.join('; ') : 'no change'}`;
}

/** The funding effect of a membership change on each hub it touches; writes nothing. */
export async function previewMembershipChange(ctx: CoreContext, req: ParsedRequestOf<'previewMembershipChange'>): Promise<FundingEffect> {
  if (req.kind === 'add') {
    const plan = await planAdd(ctx.db, req.change, ctx.today());
    return fundingEffect(ctx.db, plan.yearId, { schoolId: plan.schoolId, name: plan.school, fromHubId: null, toHubId: plan.toHubId, pupilsAfter: plan.pupilsAfter });
  }
  const { plan } = await planUpdate(ctx.db, ctx.user, req.change, ctx.today());
  return fundingEffect(ctx.db, plan.yearId, { schoolId: plan.schoolId, name: plan.school, fromHubId: plan.fromHubId, toHubId: plan.toHubId, pupilsAfter: plan.pupilsAfter });
}

export async function addMembership(ctx: CoreContext, input: ParsedRequestOf<'addMembership'>): Promise<RecordsChange<MembershipRecord>> {
  const res = await applyChange(ctx, 'membership.add', { entity: 'memberships' }, async (w) => {
    const plan = await planAdd(w.trx, input, ctx.today());
    const effect = await fundingEffect(w.trx, plan.yearId, { schoolId: plan.schoolId, name: plan.school, fromHubId: null, toHubId: plan.toHubId, pupilsAfter: plan.pupilsAfter });
    const row = await w.insert('memberships', {
      school_id: plan.schoolId,
      hub_id: plan.toHubId,
      year_id: plan.yearId,
      pupils: input.pupils,
      status: input.status,
      fee_invoiced_on: input.feeInvoicedOn ?? null,
      fee_paid_on: input.feePaidOn ?? null,
      import_batch_id: null,
      updated_at: ctx.now().toISOString(),
    });
    const record = await membershipRecord(w.trx, row.id);
    return { value: { record, effect }, summary: `Added ${record.school} to ${record.hub} for ${record.year} (${record.pupils} pupils, ${record.status})`, entityId: record.id };
  });
  return { ...res.value, auditId: res.auditId, summary: res.summary };
}

export async function updateMembership(ctx: CoreContext, input: ParsedRequestOf<'updateMembership'>): Promise<RecordsChange<MembershipRecord>> {
  const res = await applyChange(ctx, 'membership.update', { entity: 'memberships', id: input.membershipId }, async (w) => {
    const { plan, current } = await planUpdate(w.trx, ctx.user, input, ctx.today());
    const effect = await fundingEffect(w.trx, plan.yearId, { schoolId: plan.schoolId, name: plan.school, fromHubId: plan.fromHubId, toHubId: plan.toHubId, pupilsAfter: plan.pupilsAfter });
    const patch: Record<string, unknown> = {};
    if (input.hubId !== undefined && input.hubId !== current.hubId) patch.hub_id = input.hubId;
    if (input.pupils !== undefined && input.pupils !== current.pupils) patch.pupils = input.pupils;
    if (input.status !== undefined && input.status !== current.status) patch.status = input.status;
    if (input.feeInvoicedOn !== undefined && input.feeInvoicedOn !== current.feeInvoicedOn) patch.fee_invoiced_on = input.feeInvoicedOn;
    if (input.feePaidOn !== undefined && input.feePaidOn !== current.feePaidOn) patch.fee_paid_on = input.feePaidOn;
    if (Object.keys(patch).length === 0) {
      throw new HubdeskError('validation', `Nothing to change: ${current.school}'s membership already holds these values.`);
    }
    const toHub = input.hubId !== undefined ? (await requireHub(w.trx, input.hubId)).name : current.hub;
    await w.update('memberships', { id: input.membershipId }, { ...patch, updated_at: ctx.now().toISOString() });
    const record = await membershipRecord(w.trx, input.membershipId);
    return { value: { record, effect }, summary: describeUpdate(current, input, toHub) };
  });
  return { ...res.value, auditId: res.auditId, summary: res.summary };
}

/** Every school (not merged away) with its hub in the year, for the "add a school" form. */
export async function schoolChoices(ctx: CoreContext, label: string): Promise<SchoolChoice[]> {
  const year = await requireYear(ctx.db, label);
  const schools = await ctx.db.selectFrom('schools').where('merged_into_school_id', 'is', null).select(['id', 'name', 'urn']).orderBy('name').execute();
  const members = await ctx.db
    .selectFrom('memberships')
    .innerJoin('hubs', 'hubs.id', 'memberships.hub_id')
    .innerJoin('membership_years', 'membership_years.id', 'memberships.year_id')
    .select(['memberships.school_id', 'memberships.year_id', 'memberships.pupils', 'hubs.name', 'membership_years.start_date'])
    .orderBy('membership_years.start_date')
    .execute();
  const hubThisYear = new Map<number, string>();
  const lastPupils = new Map<number, number>();
  for (const m of members) {
    if (m.year_id === year.id) hubThisYear.set(m.school_id, m.name);
    lastPupils.set(m.school_id, m.pupils);
  }
  return schools.map((s) => ({ ...s, hub: hubThisYear.get(s.id) ?? null, lastPupils: lastPupils.get(s.id) ?? null }));
}
