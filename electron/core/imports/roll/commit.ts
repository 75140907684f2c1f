import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { CoreContext } from '../../context';
import type { RollCommitResult } from '@shared/contract/imports';
import { HubdeskError } from '../../errors';
import { insertYear } from '../../db/years';
import { ChangeRecorder, recordBatch } from '../batches';
import { forgetRoll, needsConfirming, plannedRoll, type AnalysedRoll, type RollOptions } from './analyse';
import { stagedFile, unstage } from '../staging';
import { refuseUnlessPreviewed, type PreviewedFile } from '../guard';
import { commitOnce } from '../commit-flow';
import { rememberMapping } from './mappings';
import { HEADTEACHER_ROLE } from './state';
import type { HubRef, RollPlan } from './plan';

type Row = Record<string, unknown> & { id: number };
const CHUNK = 200;

type RollCommitRequest = RollOptions & PreviewedFile & { stagingId: string };

function refuseUnlessCommittable(analysed: AnalysedRoll, request: RollCommitRequest): void {
  const { preview } = analysed;
  if (preview.errorCount > 0) {
    const first = preview.errors[0]!;
    const where = [first.sheet, first.row ? `row ${first.row}` : null, first.column].filter(Boolean).join(', ');
    throw new HubdeskError('validation', `${preview.errorCount} ${preview.errorCount === 1 ? 'problem stops' : 'problems stop'} this import; nothing was written. First: ${where}: ${first.message}`, {
      issues: preview.errors.slice(0, 50).map((e) => ({ path: [e.sheet, e.row ? `row ${e.row}` : null, e.column].filter(Boolean).join(' / '), message: e.message })),
    });
  }
  if (preview.needsConfirmation && !request.confirmWarnings) {
    const pending = preview.warnings.filter(needsConfirming);
    throw new HubdeskError('validation', `${pending.length} ${pending.length === 1 ? 'warning needs' : 'warnings need'} confirming before this import (first: ${pending[0]!.message}); nothing was written.`);
  }
}

function counts(a: AnalysedRoll) {
  return {
    joiners: a.preview.joiners.length,
    leavers: a.preview.leavers.length,
    moves: a.preview.moves.length,
    pupilChanges: a.preview.pupilChanges.length,
    contactChanges: a.preview.contactChanges.length,
    detailChanges: a.preview.detailChanges.length,
    rows: a.preview.rowsRead,
  };
}

/**
 * Imports a roll: the same bytes analysed against the store as it is now (the preview's analysis
 * when nothing was written since, see commitOnce), refused unless they are what was previewed;
 * then a backup, and every change applied in one transaction recorded as an import batch.
 */
export async function commitRoll(ctx: CoreContext, request: RollCommitRequest): Promise<RollCommitResult> {
  const file = stagedFile('roll', request.stagingId);
  const result = await commitOnce<AnalysedRoll, RollCommitResult>(ctx, {
    backupReason: 'before-import-roll',
    plan: () => plannedRoll(ctx, file, request),
    check: (analysed) => {
      refuseUnlessCommittable(analysed, request);
      refuseUnlessPreviewed(file, analysed.preview.diffHash, request);
      return analysed.preview.noChanges ? { batchId: null, noChanges: true, backupFile: null, ...counts(analysed) } : undefined;
    },
    write: async (trx, analysed, backup) => {
      const p = analysed.preview;
      const id = await recordBatch(trx, ctx, {
        kind: 'roll',
        fileName: file.fileName,
        sha256: p.sha256,
        yearId: null,
        rowCount: p.rowsRead,
        summary: {
          year: p.year,
          sheet: p.sheet,
          ...counts(analysed),
          newHubs: p.newHubs,
          funding: p.funding.map((f) => ({ hub: f.hub, beforePence: f.beforePence, afterPence: f.afterPence })),
        },
      });
      const yearId = await applyPlan(trx, ctx, new ChangeRecorder(trx, ctx, id), analysed.planned!.plan);
      await trx.updateTable('import_batches').set({ year_id: yearId }).where('id', '=', id).execute();
      const read = analysed.read;
      const chosenOrder = read.dateOrder?.how === 'chosen' ? read.dateOrder.order : null;
      if (read.mappingSource === 'given' || chosenOrder) await rememberMapping(trx, ctx, read.header.headers, read.mapping, chosenOrder);
      return { batchId: id, noChanges: false, backupFile: backup.file, ...counts(analysed) };
    },
  });
  if (result.batchId !== null) {
    forgetRoll(ctx, file, request);
    unstage(file.id);
  }
  return result;
}

async function insertMany(trx: Transaction<Database>, table: 'schools' | 'contacts' | 'memberships', rows: Record<string, unknown>[]): Promise<Row[]> {
  const out: Row[] = [];
  if (rows.length === 0) return out;
  // As many rows per statement as keep the parameters near 6,000 (SQLite allows 32,766).
  const perChunk = Math.max(1, Math.floor(6000 / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const inserted = (await trx.insertInto(table).values(rows.slice(i, i + perChunk) as never).returningAll().execute()) as unknown as Row[];
    for (const r of inserted) out.push(r);
  }
  return out;
}

/**
 * Writes whole rows (every column, by id) over the stored ones, a few hundred per statement: an
 * upsert on the primary key, which for rows that exist is an update of exactly those rows.
 */
async function updateMany(trx: Transaction<Database>, table: 'schools' | 'contacts' | 'memberships', rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perChunk = Math.max(1, Math.floor(3000 / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + perChunk) as never)
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(columns.filter((c) => c !== 'id').map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never))
      .execute();
  }
}

/** Writes the plan, recording every row changed. Returns the year's id. */
async function applyPlan(trx: Transaction<Database>, ctx: CoreContext, changes: ChangeRecorder, plan: RollPlan): Promise<number> {
  const now = ctx.now().toISOString();
  const batchId = changes.batchId;

  let yearId: number;
  if (plan.createYear) {
    const year = await insertYear(trx, plan.year);
    const row = await trx.selectFrom('membership_years').selectAll().where('id', '=', year.id).executeTakeFirstOrThrow();
    await changes.inserted('membership_years', row);
    yearId = year.id;
  } else {
    yearId = (await trx.selectFrom('membership_years').select('id').where('label', '=', plan.year).executeTakeFirstOrThrow()).id;
  }

  const newHubIds = new Map<string, number>();
  for (const h of plan.newHubs) {
    const row = await trx
      .insertInto('hubs')
      .values({ name: h.name, region: null, senior_partner_name: null, senior_partner_email: null, memberships_manager_id: null, merged_into_hub_id: null, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    newHubIds.set(h.key, row.id);
    await changes.inserted('hubs', row);
  }
  const hubId = (ref: HubRef) => ('id' in ref ? ref.id : newHubIds.get(ref.newKey)!);

  const schoolIds = new Map<string, number>();
  const insertedSchools = await insertMany(
    trx,
    'schools',
    plan.newSchools.map((s) => ({ urn: s.urn, ...s.values, school_type: null, headteacher_since: null, merged_into_school_id: null, import_batch_id: batchId, created_at: now, updated_at: now })),
  );
  for (const s of insertedSchools) {
    schoolIds.set(String(s.urn), s.id);
    await changes.inserted('schools', s);
  }
  const schoolsAfter = plan.schoolUpdates.map((u) => ({ ...u.before, ...u.set, updated_at: now }));
  await updateMany(trx, 'schools', schoolsAfter);
  for (let i = 0; i < plan.schoolUpdates.length; i++) {
    const before = plan.schoolUpdates[i]!.before;
    await changes.updated('schools', before, schoolsAfter[i]!);
    schoolIds.set(before.urn, before.id);
  }
  const schoolId = async (urn: string, planned: number | null) => {
    if (planned !== null) return planned;
    const known = schoolIds.get(urn);
    if (known !== undefined) return known;
    const row = await trx.selectFrom('schools').select('id').where('urn', '=', urn).executeTakeFirstOrThrow();
    schoolIds.set(urn, row.id);
    return row.id;
  };

  const contactRows: Record<string, unknown>[] = [];
  for (const c of plan.contactInserts) contactRows.push({ school_id: await schoolId(c.urn, c.schoolId), role: HEADTEACHER_ROLE, name: c.name, email: c.email, phone: c.phone, import_batch_id: batchId });
  for (const c of await insertMany(trx, 'contacts', contactRows)) await changes.inserted('contacts', c);
  const contactsAfter = plan.contactUpdates.map((u) => ({ ...u.before, ...u.set }));
  await updateMany(trx, 'contacts', contactsAfter);
  for (let i = 0; i < plan.contactUpdates.length; i++) await changes.updated('contacts', plan.contactUpdates[i]!.before, contactsAfter[i]!);

  const membershipRows: Record<string, unknown>[] = [];
  for (const m of plan.membershipInserts) {
    membershipRows.push({ school_id: await schoolId(m.urn, m.schoolId), hub_id: hubId(m.hub), year_id: yearId, pupils: m.pupils, status: m.status, fee_invoiced_on: null, fee_paid_on: m.fee_paid_on, import_batch_id: batchId, updated_at: now });
  }
  for (const m of await insertMany(trx, 'memberships', membershipRows)) await changes.inserted('memberships', m);
  const membershipsAfter = plan.membershipUpdates.map((u) => ({ ...u.before, ...u.set, ...(u.hub ? { hub_id: hubId(u.hub) } : {}), import_batch_id: batchId, updated_at: now }));
  await updateMany(trx, 'memberships', membershipsAfter);
  for (let i = 0; i < plan.membershipUpdates.length; i++) await changes.updated('memberships', plan.membershipUpdates[i]!.before, membershipsAfter[i]!);
  // Leavers: a school absent from the roll is not a member that year, so its membership row is removed
  // (recorded in full, so undo puts it back with the same id).
  const deleteIds = plan.membershipDeletes.map((m) => m.id);
  for (let i = 0; i < deleteIds.length; i += CHUNK) await trx.deleteFrom('memberships').where('id', 'in', deleteIds.slice(i, i + CHUNK)).execute();
  for (const m of plan.membershipDeletes) await changes.deleted('memberships', m);
  await changes.flush();
  return yearId;
}
