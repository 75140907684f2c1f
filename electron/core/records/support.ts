import type { ParsedRequestOf } from '@shared/contract';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CoreContext } from '../context';
import { HubdeskError } from '../errors';
import { supportDateIssues } from '@shared/validation/support';
import type { RecordsChange, SupportRequestRecord } from '@shared/contract/records';
import { applyChange, loadRow } from '../changes/change-set';
import { assertVersion } from '../changes/stale';
import { versionOf } from '../changes/version';
import { refusal, throwIfIssues } from './refusals';

type Db = Kysely<Database> | Transaction<Database>;

/** Support requests with the names a person reads: the school, the school brokered to, the EBI's text. */
export function supportRequestQuery(db: Db) {
  return db
    .selectFrom('support_requests')
    .innerJoin('schools as s', 's.id', 'support_requests.school_id')
    .leftJoin('schools as b', 'b.id', 'support_requests.brokered_to_school_id')
    .leftJoin('qa_review_points as p', 'p.id', 'support_requests.ebi_point_id')
    .selectAll('support_requests')
    .select(['s.name as school', 'b.name as brokeredToSchool', 'p.text as ebiText']);
}

type SupportRow = Awaited<ReturnType<ReturnType<typeof supportRequestQuery>['execute']>>[number];

export function toSupportRecord({ school, brokeredToSchool, ebiText, ...raw }: SupportRow): SupportRequestRecord {
  return {
    id: raw.id,
    schoolId: raw.school_id,
    school,
    requestedOn: raw.requested_on,
    area: raw.area,
    ebiPointId: raw.ebi_point_id,
    ebiText,
    brokeredToSchoolId: raw.brokered_to_school_id,
    brokeredToSchool,
    brokeredTo: raw.brokered_to,
    status: raw.status,
    notes: raw.notes,
    version: versionOf(raw),
  };
}

async function toRecords(db: Db, where: { schoolId?: number; id?: number }): Promise<SupportRequestRecord[]> {
  let q = supportRequestQuery(db);
  if (where.schoolId !== undefined) q = q.where('support_requests.school_id', '=', where.schoolId);
  if (where.id !== undefined) q = q.where('support_requests.id', '=', where.id);
  const rows = await q.orderBy('support_requests.requested_on', 'desc').orderBy('support_requests.id', 'desc').execute();
  return rows.map(toSupportRecord);
}

export function schoolSupportRequests(ctx: CoreContext, schoolId: number): Promise<SupportRequestRecord[]> {
  return toRecords(ctx.db, { schoolId });
}

async function checkRefs(db: Db, schoolId: number, input: { ebiPointId: number | null; brokeredToSchoolId: number | null }): Promise<void> {
  if (input.ebiPointId !== null) {
    const p = await db
      .selectFrom('qa_review_points')
      .innerJoin('qa_reviews', 'qa_reviews.id', 'qa_review_points.review_id')
      .where('qa_review_points.id', '=', input.ebiPointId)
      .select(['qa_review_points.kind', 'qa_reviews.school_id'])
      .executeTakeFirst();
    if (!p || p.kind !== 'ebi' || p.school_id !== schoolId) throw refusal([{ path: 'ebiPointId', message: 'is not one of this school’s EBIs' }]);
  }
  if (input.brokeredToSchoolId !== null) {
    if (input.brokeredToSchoolId === schoolId) throw refusal([{ path: 'brokeredToSchoolId', message: 'a school cannot be brokered to itself' }]);
    const s = await db.selectFrom('schools').where('id', '=', input.brokeredToSchoolId).select('id').executeTakeFirst();
    if (!s) throw refusal([{ path: 'brokeredToSchoolId', message: `there is no school with id ${input.brokeredToSchoolId}` }]);
  }
}

export async function addSupportRequest(ctx: CoreContext, input: ParsedRequestOf<'addSupportRequest'>): Promise<RecordsChange<SupportRequestRecord>> {
  throwIfIssues(supportDateIssues(input, ctx.today()));
  const res = await applyChange(ctx, 'support.add', { entity: 'support_requests' }, async (w) => {
    const school = await w.trx.selectFrom('schools').where('id', '=', input.schoolId).select(['id', 'name']).executeTakeFirst();
    if (!school) throw new HubdeskError('not_found', `There is no school with id ${input.schoolId}.`);
    await checkRefs(w.trx, school.id, input);
    const now = ctx.now().toISOString();
    const row = await w.insert('support_requests', {
      school_id: school.id,
      requested_on: input.requestedOn,
      area: input.area,
      ebi_point_id: input.ebiPointId,
      brokered_to_school_id: input.brokeredToSchoolId,
      brokered_to: input.brokeredTo,
      status: input.status,
      notes: input.notes,
      created_at: now,
      updated_at: now,
    });
    const [rec] = await toRecords(w.trx, { id: row.id });
    return { value: rec!, summary: `${school.name} asked for support on “${input.area}” (${input.status})`, entityId: row.id };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}

export async function updateSupportRequest(ctx: CoreContext, input: ParsedRequestOf<'updateSupportRequest'>): Promise<RecordsChange<SupportRequestRecord>> {
  throwIfIssues(supportDateIssues(input, ctx.today()));
  const res = await applyChange(ctx, 'support.update', { entity: 'support_requests', id: input.requestId }, async (w) => {
    const row = await loadRow(w.trx, 'support_requests', { id: input.requestId });
    if (!row) throw new HubdeskError('not_found', `There is no support request with id ${input.requestId}.`);
    await assertVersion(w.trx, ctx.user, 'support_requests', row, input.version, `support request on “${row.area}”`);
    await checkRefs(w.trx, row.school_id, input);
    const patch = {
      requested_on: input.requestedOn,
      area: input.area,
      ebi_point_id: input.ebiPointId,
      brokered_to_school_id: input.brokeredToSchoolId,
      brokered_to: input.brokeredTo,
      status: input.status,
      notes: input.notes,
    };
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== row[k]);
    if (!changed.length) throw refusal([{ path: '', message: 'nothing to change: the request already holds these details' }]);
    await w.update('support_requests', { id: input.requestId }, { ...patch, updated_at: ctx.now().toISOString() }, row);
    const [rec] = await toRecords(w.trx, { id: input.requestId });
    const who = rec!.brokeredToSchool ?? rec!.brokeredTo;
    return { value: rec!, summary: `Support for ${rec!.school} on “${rec!.area}”: ${input.status}${who ? `, brokered to ${who}` : ''}` };
  });
  return { record: res.value, auditId: res.auditId, summary: res.summary };
}
