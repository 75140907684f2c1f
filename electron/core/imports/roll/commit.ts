import type { CoreContext } from '../../context';
import type { RollCommitResult } from '@shared/contract/roll-import';
import { HubdeskError } from '../../errors';
import { newYearRow } from '../../db/years';
import { recordBatch } from '../../changes/import-batches';
import { ChangeSet, type NewRowOf } from '../../changes/change-set';
import { needsConfirming, type AnalysedRoll, type RollOptions } from './analyse';
import { forgetRoll, plannedRoll } from './planned';
import { stagedFile, unstage } from '../staging';
import { refuseUnlessPreviewed, type PreviewedFile } from '../guard';
import { commitOnce } from '../commit-flow';
import { rememberMapping } from './mappings';
import { HEADTEACHER_ROLE } from './state';
import type { HubRef, RollPlan } from './plan';

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
      const yearId = await applyPlan(new ChangeSet(trx, { batchId: id, ctx }), ctx, id, analysed.planned!.plan);
      await trx.updateTable('import_batches').set({ year_id: yearId }).where('id', '=', id).execute();
      const read = analysed.read;
      const chosenOrder = read.dateOrder?.how === 'chosen' ? read.dateOrder.order : null;
      if (read.mappingSource === 'given' || chosenOrder) await rememberMapping(trx, ctx, read.header.headers, read.mapping, chosenOrder);
      return { batchId: id, noChanges: false, backupFile: backup?.file ?? null, ...counts(analysed) };
    },
  });
  if (result.batchId !== null) {
    forgetRoll(ctx, file, request);
    unstage(file.id);
  }
  return result;
}

/** Writes the plan through the batch's change set (every row changed is recorded). Returns the year's id. */
async function applyPlan(set: ChangeSet, ctx: CoreContext, batchId: number, plan: RollPlan): Promise<number> {
  const trx = set.trx;
  const now = ctx.now().toISOString();

  const yearId = plan.createYear
    ? (await set.insert('membership_years', newYearRow(plan.year))).id
    : (await trx.selectFrom('membership_years').select('id').where('label', '=', plan.year).executeTakeFirstOrThrow()).id;

  const newHubs = await set.insertMany(
    'hubs',
    plan.newHubs.map((h) => ({ name: h.name, region: null, senior_partner_name: null, senior_partner_email: null, memberships_manager_id: null, merged_into_hub_id: null, created_at: now, updated_at: now })),
  );
  const newHubIds = new Map(plan.newHubs.map((h) => [h.key, newHubs.find((row) => row.name === h.name)!.id]));
  const hubId = (ref: HubRef) => ('id' in ref ? ref.id : newHubIds.get(ref.newKey)!);

  const schoolIds = new Map<string, number>();
  const insertedSchools = await set.insertMany(
    'schools',
    plan.newSchools.map((s) => ({ urn: s.urn, ...s.values, school_type: null, headteacher_since: null, merged_into_school_id: null, import_batch_id: batchId, created_at: now, updated_at: now })),
  );
  for (const s of insertedSchools) schoolIds.set(s.urn, s.id);
  await set.replaceMany(
    'schools',
    plan.schoolUpdates.map((u) => ({ before: u.before, after: { ...u.before, ...u.set, updated_at: now } })),
  );
  for (const u of plan.schoolUpdates) schoolIds.set(u.before.urn, u.before.id);
  const schoolId = async (urn: string, planned: number | null) => {
    if (planned !== null) return planned;
    const known = schoolIds.get(urn);
    if (known !== undefined) return known;
    const row = await trx.selectFrom('schools').select('id').where('urn', '=', urn).executeTakeFirstOrThrow();
    schoolIds.set(urn, row.id);
    return row.id;
  };

  const contactRows: NewRowOf<'contacts'>[] = [];
  for (const c of plan.contactInserts) contactRows.push({ school_id: await schoolId(c.urn, c.schoolId), role: HEADTEACHER_ROLE, name: c.name, email: c.email, phone: c.phone, import_batch_id: batchId });
  await set.insertMany('contacts', contactRows);
  await set.replaceMany(
    'contacts',
    plan.contactUpdates.map((u) => ({ before: u.before, after: { ...u.before, ...u.set } })),
  );

  const membershipRows: NewRowOf<'memberships'>[] = [];
  for (const m of plan.membershipInserts) {
    membershipRows.push({ school_id: await schoolId(m.urn, m.schoolId), hub_id: hubId(m.hub), year_id: yearId, pupils: m.pupils, status: m.status, fee_invoiced_on: null, fee_paid_on: m.fee_paid_on, import_batch_id: batchId, updated_at: now });
  }
  await set.insertMany('memberships', membershipRows);
  await set.replaceMany(
    'memberships',
    plan.membershipUpdates.map((u) => ({ before: u.before, after: { ...u.before, ...u.set, ...(u.hub ? { hub_id: hubId(u.hub) } : {}), import_batch_id: batchId, updated_at: now } })),
  );
  // Leavers: a school absent from the roll is not a member that year, so its membership row is removed
  // (recorded in full, so undo puts it back with the same id).
  await set.removeMany('memberships', plan.membershipDeletes);
  await set.flush();
  return yearId;
}
