import type { ParsedRequestOf } from '@shared/contract';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import type { HubRecord, RecordsChange } from '@shared/contract/records';
import { applyChange, type ChangeSet } from '../changes/change-set';
import { staleRecord } from '../changes/stale';
import { versionOf } from '../changes/version';
import { refusal } from './refusals';

type Db = Kysely<Database> | Transaction<Database>;

export async function hubRecord(db: Db, hubId: number): Promise<HubRecord> {
  const hub = await db.selectFrom('hubs').where('id', '=', hubId).selectAll().executeTakeFirst();
  if (!hub) throw new HubdeskError('not_found', `There is no hub with id ${hubId}.`);
  const managers = await db.selectFrom('hub_managers').where('hub_id', '=', hubId).selectAll().orderBy('id').execute();
  const staff = await db.selectFrom('central_staff').select(['id', 'name', 'role']).orderBy('name').execute();
  return {
    id: hub.id,
    name: hub.name,
    region: hub.region,
    seniorPartner: hub.senior_partner_name,
    seniorPartnerEmail: hub.senior_partner_email,
    membershipsManagerId: hub.memberships_manager_id,
    hubManagers: managers.map((m) => ({ id: m.id, name: m.name, email: m.email, phone: m.phone, focus: m.focus })),
    staff,
    version: versionOf({ hub: JSON.stringify(hub), managers: JSON.stringify(managers) }),
  };
}

async function checkName(db: Db, name: string, exceptId: number | null): Promise<void> {
  const other = await db.selectFrom('hubs').where('name', '=', name).select(['id', 'merged_into_hub_id']).executeTakeFirst();
  if (other && other.id !== exceptId) throw refusal([{ path: 'name', message: `there is already a hub called ${name}` }]);
}

async function checkManager(db: Db, id: number | null): Promise<void> {
  if (id === null) return;
  const s = await db.selectFrom('central_staff').where('id', '=', id).select('id').executeTakeFirst();
  if (!s) throw refusal([{ path: 'membershipsManagerId', message: `there is no member of the central team with id ${id}` }]);
}

async function writeManagers(w: ChangeSet, hubId: number, wanted: ParsedRequestOf<'createHub'>['hubManagers']): Promise<void> {
  const current = await w.trx.selectFrom('hub_managers').where('hub_id', '=', hubId).selectAll().execute();
  for (const [i, m] of wanted.entries()) {
    const values = { name: m.name, email: m.email, phone: m.phone, focus: m.focus };
    if (m.id === undefined) {
      await w.insert('hub_managers', { hub_id: hubId, ...values });
      continue;
    }
    const row = current.find((c) => c.id === m.id);
    if (!row) throw refusal([{ path: `hubManagers.${i}.id`, message: `Hub Manager ${m.id} is not a manager of this hub` }]);
    if (row.name !== values.name || row.email !== values.email || row.phone !== values.phone || row.focus !== values.focus) await w.update('hub_managers', { id: row.id }, values, row);
  }
  for (const c of current) if (!wanted.some((m) => m.id === c.id)) await w.remove('hub_managers', { id: c.id });
}

export async function createHub(ctx: CoreContext, input: ParsedRequestOf<'createHub'>): Promise<RecordsChange<HubRecord>> {
  const res = await applyChange(ctx, 'hub.create', { entity: 'hubs' }, async (w) => {
    await checkName(w.trx, input.name, null);
    await checkManager(w.trx, input.membershipsManagerId);
    const now = ctx.now().toISOString();
    const row = await w.insert('hubs', {
      name: input.name,
      region: input.region,
      senior_partner_name: input.seniorPartner,
      senior_partner_email: input.seniorPartnerEmail,
      memberships_manager_id: input.membershipsManagerId,
      merged_into_hub_id: null,
      created_at: now,
      updated_at: now,
    });
    await writeManagers(w, row.id, input.hubManagers);
    return { value: await hubRecord(w.trx, row.id), summary: `Created ${input.name}`, entityId: row.id };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

export async function updateHub(ctx: CoreContext, input: ParsedRequestOf<'updateHub'>): Promise<RecordsChange<HubRecord>> {
  const res = await applyChange(ctx, 'hub.update', { entity: 'hubs', id: input.hubId }, async (w) => {
    const current = await hubRecord(w.trx, input.hubId);
    if (current.version !== input.version) {
      const at = (await w.trx.selectFrom('hubs').where('id', '=', input.hubId).select('updated_at').executeTakeFirstOrThrow()).updated_at;
      throw await staleRecord(w.trx, ctx.user, { table: 'hubs', key: [input.hubId] }, current.name, at);
    }
    await checkName(w.trx, input.name, input.hubId);
    await checkManager(w.trx, input.membershipsManagerId);
    const patch = { name: input.name, region: input.region, senior_partner_name: input.seniorPartner, senior_partner_email: input.seniorPartnerEmail, memberships_manager_id: input.membershipsManagerId };
    const hub = await w.trx.selectFrom('hubs').where('id', '=', input.hubId).selectAll().executeTakeFirstOrThrow();
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== hub[k]);
    if (changed.length) await w.update('hubs', { id: input.hubId }, { ...patch, updated_at: ctx.now().toISOString() });
    await writeManagers(w, input.hubId, input.hubManagers);
    if (!w.changed()) throw refusal([{ path: '', message: 'nothing to change: the hub already holds these details' }]);
    const words = [input.name !== current.name ? `renamed from ${current.name}` : null, changed.some((k) => k !== 'name') ? 'details changed' : null, w.rows().size > (changed.length ? 1 : 0) ? 'Hub Managers changed' : null].filter(Boolean);
    return { value: await hubRecord(w.trx, input.hubId), summary: `${input.name}: ${words.join('; ')}` };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}
