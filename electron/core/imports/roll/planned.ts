/**
 * The roll planned against the store as it is now, on the app's side: the store facts gathered here
 * (the remembered mappings, and the year's state as columns of the fields the plan reads) are sent
 * with the staged file to the import worker, which reads the file (keeping it for the next plan: a
 * remap, another sheet, an encoding or date order chosen) and plans; only the analysis crosses back.
 * The full stored rows of the rows that change (a few thousand of a national roll's 25,000) are then
 * fetched and put back, and the plan hashed, so the commit records and compares the rows as stored.
 */
import crypto from 'node:crypto';
import type { CoreContext } from '../../context';
import { plannedOnce, forget, type StampedPlan } from '../memo';
import { stagedFrom, type StagedFile } from '../staging';
import { runPlanInWorker } from '../worker/pool';
import { rememberedMappings } from './mappings';
import { loadRollFacts, storedRows, type RollRows } from './state';
import type { PlannedRoll } from './plan';
import type { AnalysedRoll, RollOptions, RollRequest } from './analyse';

/** Everything the plan depends on besides the store: the staged file, the year, the sheet, the mapping, the options and today. */
export function rollPlanKey(file: StagedFile, request: RollOptions, today: string): string {
  const mapping = request.mapping ? Object.entries(request.mapping).sort(([a], [b]) => a.localeCompare(b)) : null;
  return JSON.stringify(['roll', file.id, request.year, request.sheet ?? null, mapping, Boolean(request.createHubs), request.encoding ?? null, request.dateOrder ?? null, today]);
}

/** The worker's plan with each change's stored row put back (the commit records it in full), fetched for those rows only. */
async function withStoredRows(ctx: CoreContext, planned: PlannedRoll<RollRows>): Promise<PlannedRoll> {
  const p = planned.plan;
  const stored = await storedRows(ctx.db, {
    schools: p.schoolUpdates.map((u) => u.before.id),
    contacts: p.contactUpdates.map((u) => u.before.id),
    memberships: [...p.membershipUpdates.map((u) => u.before.id), ...p.membershipDeletes.map((m) => m.id)],
  });
  return {
    ...planned,
    plan: {
      ...p,
      schoolUpdates: p.schoolUpdates.map((u) => ({ ...u, before: stored.schools.get(u.before.id)! })),
      contactUpdates: p.contactUpdates.map((u) => ({ ...u, before: stored.contacts.get(u.before.id)! })),
      membershipUpdates: p.membershipUpdates.map((u) => ({ ...u, before: stored.memberships.get(u.before.id)! })),
      membershipDeletes: p.membershipDeletes.map((m) => stored.memberships.get(m.id)!),
    },
  };
}

/**
 * The staged file analysed in the import worker against the store facts loaded now. Called within
 * plannedOnce, which keeps the result only when nothing was written from the facts' load to the
 * stored rows' fetch (so both are of one state of the store).
 */
export async function analyseInWorker(ctx: CoreContext, file: StagedFile, request: RollOptions, today: string): Promise<AnalysedRoll> {
  const { year, sheet, mapping, createHubs, confirmWarnings, encoding, dateOrder } = request;
  // The facts are loaded here while the worker reads the file.
  const analysed = await runPlanInWorker(
    {
      kind: 'roll-plan',
      fileName: file.fileName,
      bytes: file.bytes,
      sha256: file.sha256,
      stagingId: file.id,
      request: { year, sheet, mapping, createHubs, confirmWarnings, encoding, dateOrder },
      today,
    },
    async () => ({ remembered: await rememberedMappings(ctx.db), state: await loadRollFacts(ctx.db, request.year) }),
  );
  if (!analysed.planned) return { ...analysed, planned: null };
  const planned = await withStoredRows(ctx, analysed.planned);
  analysed.preview.diffHash = crypto.createHash('sha256').update(JSON.stringify(planned.plan)).digest('hex');
  return { ...analysed, planned };
}

/**
 * The roll analysed against the store as it is now. The preview's analysis is reused (by the next
 * preview of the same file and options, and by the commit) while nothing has been written to the
 * store since. Only whether warnings were confirmed is taken from this request.
 */
export async function plannedRoll(ctx: CoreContext, file: StagedFile, request: RollOptions): Promise<StampedPlan<AnalysedRoll>> {
  const today = ctx.today();
  const planned = await plannedOnce(ctx.store, rollPlanKey(file, request, today), () => analyseInWorker(ctx, file, request, today));
  const a = planned.value;
  const canCommit = a.allErrors.length === 0 && a.planned !== null && (!a.preview.needsConfirmation || Boolean(request.confirmWarnings));
  return canCommit === a.preview.canCommit ? planned : { ...planned, value: { ...a, preview: { ...a.preview, canCommit } } };
}

export async function previewRoll(ctx: CoreContext, request: RollRequest): Promise<AnalysedRoll> {
  return (await plannedRoll(ctx, stagedFrom('roll', request), request)).value;
}

/** Drops the cached analysis of a committed file. */
export function forgetRoll(ctx: CoreContext, file: StagedFile, request: RollOptions): void {
  forget(ctx.store, rollPlanKey(file, request, ctx.today()));
}
